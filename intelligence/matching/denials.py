"""Where a report says it is not about the person ("not him, but...", "its not benno but his brother", "sorry wrong
page"), the names it says the person goes by instead ("he's called Steve"), and a name right after a denial
("isnt aaron"). Pure and typed. Linking uses these to set aside the page's subject and a denied name's evidence:
docs/adr/0011-reading-reports-as-people-write.md.
"""

import re

# The people a reporter knows someone as, who are not the appeal's subject ("its the farmers", "hes the landlord").
_KNOWN_PEOPLE = (
    r"farmer|plumber|builder|boss|neighbou?r|landlord|landlady|barman|barmaid|owner|manager|postman|teacher|"
    r"cousin|brother|sister|uncle|aunt(?:ie)?|husband|wife|son|daughter|dad|mum|mam|nan|grandad|mate|friend|"
    r"partner|electrician|gardener|carer|taxi\s+driver"
)
# "not him", "not the lad on this page", "this isnt about connor", "wrong person", "its not benno".
_NEGATION = re.compile(
    r"\b(?:not\s+(?:him|her|them|this\s+(?:one|lad|guy|man|woman|girl|boy|person|fella|bloke)|the\s+(?:one|lad|guy|man|"
    r"woman|girl|boy|person)\s+(?:on|from|off|in)\s+(?:this|the|your)\s+(?:page|appeal|poster))|"
    r"(?:this\s+|it\s+)?(?:is\s*nt|isn'?t|is\s+not|aint|ain't)\s+about|wrong\s+(?:person|guy|man|woman|one|lad|girl)|"
    # "not about jordan,", "not really about the man on this page"; "nobody has seen connor in the underpass".
    r"not\s+(?:really\s+)?about\s+(?:this|him|her|them|the\s+(?:man|woman|lad|girl|boy|person|one)\b|"
    r"[a-z'’]+(?=\s*[,.;]))|(?:nobody|no\s*one|no-one)\s+(?:has|have|had)\s+seen|"
    r"(?:it'?s|it\s+is|its)\s+not|(?:wasnt|wasn't|was\s+not)\s+(?:him|her)|not\s+the\s+same\s+(?:person|one|guy|man|woman)|"
    # "not ace but someone else", "not peggy but another old dear", "not tank, the other one": a name denied at
    # the start of a sentence, before "but" or a comma.
    # "Not Daniel Jones or Daniel Smith, the missing Daniel": names denied in a list.
    r"(?:^|(?<=[.!?\n])\s*)not\s+(?!sure\b|really\b|much\b|seen\b|long\b|far\b|only\b|yet\b|just\b|even\b)"
    r"[a-z'’]+(?:\s+[a-z'’]+){0,2}(?:\s+(?:or|nor)\s+[a-z'’]+(?:\s+[a-z'’]+)?)*(?=\s*,|\s+but\b)|"
    # "he's not your man", "not the one"; "I dont think its her"; "I dont think the man in the van is Marcus".
    r"not\s+(?:your|the)\s+(?:man|guy|lad|woman|girl|one|person|bloke|fella|suspect|lady)\b|"
    r"(?:do\s*n'?t|do\s+not)\s+think\s+(?:it'?s|its|it\s+is|that'?s|thats|this\s+is|he'?s|she'?s|hes|shes|he\s+is|"
    r"she\s+is)\s+(?:him|her|them|the\s+same)\b|"
    r"(?:do\s*n'?t|do\s+not)\s+think\s+(?:the|that|this)\s+[^.,;!?\n]{0,60}?\s(?:is|was)\s+(?=[a-z])|"
    # "so I don't think it's Bob's", "it wasnt his", "not hers": the car or thing is someone else's.
    r"(?:do\s*n'?t|do\s+not)\s+think\s+(?:it'?s|its|it\s+is|that'?s|thats)\s+[a-z]+'?s\b|"
    # "ignore my last message": the reporter takes back what they said.
    r"ignore\s+my\s+(?:last|previous|earlier|other)\s+(?:message|report|one|post)|"
    # "looks nothing like your photo"; someone who has "been there for years", whom the reporter has "known 20 years".
    r"(?:looks?|looked|looking)\s+nothing\s+like\b|"
    r"(?:been|worked|working|lived|living)\s+there\s+(?:for\s+)?(?:years|ages|donkeys|the\s+whole\s+time|forever)|"
    r"(?:i'?ve|i\s+have)\s+known\s+(?:him|her|them)\s+(?:for\s+)?(?:[0-9]+|years|ages|ten|twenty|thirty|all)|"
    # "that isnt her in the picture", "the van wasnt his", "that corsa isnt hers": the person or thing is not theirs.
    r"(?:is\s*nt|isn'?t|is\s+not|was\s*nt|wasn'?t|was\s+not|aint|ain'?t)\s+(?:him|them|hers|theirs|"
    r"(?:her|his)(?=\s*(?:[,.;!?]|$)|\s+(?:in|on|at|its|it|that|who|cos|different|the)\b))\b|"
    # "that wasnt his van on colliery row, his has ladders": his vehicle told apart from the one seen.
    r"(?:is\s*nt|isn'?t|is\s+not|was\s*nt|wasn'?t|was\s+not)\s+(?:his|her|their)\s+(?:[a-z]+\s+)?"
    r"(?=[^.!?\n]*\b(?:his|hers|theirs)\s+(?:has|is|was|had|got|s)\b)|"
    # "the video isnt the taxi robber": not the person the appeal is about.
    r"(?:is\s*nt|isn'?t|is\s+not|was\s*nt|wasn'?t|was\s+not)\s+(?:the|your)\s+(?:[a-z]+\s+){0,2}(?:robber|burglar|dealer|"
    r"thief|attacker|suspect|man|woman|lad|girl|boy|guy|bloke|one|person)\b|"
    # "not the missing boy jordan but jordan walsh": a person denied before "but" or a comma.
    r"\bnot\s+(?:the|that|this|your)\s+(?:[a-z]+\s+){0,2}(?:lad|boy|girl|man|woman|guy|bloke|one|fella|lady|kid)"
    r"(?:\s+[a-z'’]+)?(?=\s*,|\s+but\b)|"
    # "its the farmers", "its my boss's": the car or van belongs to someone the reporter knows.
    r"(?:it'?s|its|it\s+is|that'?s|thats)\s+(?:the|my|our|a)\s+(?:" + _KNOWN_PEOPLE + r")(?:'?s)?\b|"
    # "but he is the landlord", "but shes a mum from my block", "but hes a regular": someone the reporter knows.
    r"\bbut\s+(?:he|she|hes|shes|he'?s|she'?s|its|it'?s)\s+(?:is\s+|was\s+)?(?:a|the|my|our)\s+"
    r"(?:[a-z]+\s+)?(?:regular|local|" + _KNOWN_PEOPLE + r")\b|"
    # "but he was english", "but she had an irish accent": a nationality or accent that rules them out (the
    # appeal's own, where it records one, is checked in contradictions).
    r"\bbut\s+(?:he|she|hes|shes|he'?s|she'?s)\s+(?:was|is|had|has)\s+(?:an?\s+)?(?:english|irish|scottish|welsh|"
    r"polish|american|australian|french|italian|spanish)\b|"
    # "but she told me her name was lucy", "out walking with his wife", "waiting for her dad".
    r"\bbut\s+(?:he|she)\s+told\s+me\b|\bwalking\s+(?:with\s+)?(?:his|her)\s+(?:wife|husband|dog|kids)\b|"
    r"\bwaiting\s+for\s+(?:his|her)\s+(?:mum|dad|mam|nan|gran|husband|wife)\b|"
    r"\bpeople\s+keep\s+(?:reporting|tagging|sharing|posting)\b|"
    # "but he was with his girlfriend", "but shes with her grandad": someone the reporter places in a family.
    r"\bbut\s+(?:he|she)(?:'?s|\s+was|\s+is)?\s+(?:out\s+)?with\s+(?:his|her)\s+(?:girlfriend|boyfriend|wife|husband|"
    r"grandad|grandpa|nan|gran|grandma|mum|mam|dad|kids|children|family|son|daughter|baby)\b|"
    # "but hes the guy from the council", "I see him every day": someone the reporter knows by sight.
    r"\b(?:he|she)(?:'?s|\s+is)\s+the\s+(?:guy|man|woman|lady|bloke|fella|lad|girl)\s+(?:from|who\s+works|at)\b|"
    r"\bi\s+see\s+(?:him|her)\s+(?:every|most)\s+(?:day|morning|night|week)\b|"
    # "he's local", "that was a lad from the college": someone the reporter places.
    r"\b(?:he|she)(?:'?s|s|\s+is)\s+(?:a\s+)?local\b|"
    r"\b(?:that|it)\s+was\s+(?:just\s+)?(?:a|an|some)\s+(?:[a-z]+\s+)?(?:lad|man|woman|girl|boy|bloke|guy|fella|kid|"
    r"lady)\s+from\s+(?:the|my|our|his|her)\b|"
    # "isnt anyone from your list": nobody on the appeals.
    r"\b(?:is\s*nt|isn'?t|is\s+not|are\s*nt|aren'?t|are\s+not|was\s*nt|wasn'?t|not)\s+(?:anyone|any\s+of\s+the\s+ones|"
    r"the\s+ones?\s+you\s+want)\b|"
    r"\bmistaken\s+identity\b|"
    # "nothing to do with Daz", "confused him with his twin", "he isnt involved".
    r"\bnothing\s+to\s+do\s+with\b|\b(?:confused|mixed\s+up|muddled\s+up)\s+(?:(?:him|her|them)\s+)?with\b|"
    r"\b(?:is\s*nt|isn'?t|is\s+not|was\s*nt|wasn'?t|was\s+not)\s+involved\b|"
    # "looks like him but it isnt", "it was someone else", "a different lad altogether", "not who I saw".
    r"\bbut\s+(?:it|that)\s*(?:'?s\s+not|\s*is\s*nt|\s*isn'?t|\s*is\s+not|\s*was\s*nt|\s*wasn'?t|\s*was\s+not|"
    r"\s*aint|\s*ain'?t)\s*(?=[.,!?]|$)|"
    r"\b(?:was|is|it'?s|its|hes|shes|he'?s|she'?s)\s+someone\s+else\b|"
    r"\b(?:was|is|it'?s|its)\s+(?:a\s+)?(?:completely\s+|totally\s+|whole\s+)?different\s+(?:lad|man|woman|girl|boy|"
    r"bloke|guy|fella|person|kid|lady)\b|\bnot\s+who\s+(?:i|we)\s+saw\b)",
    re.IGNORECASE,
)
# A name said to be someone else's: "he's called Steve", "her name is Dawn", "name Joan".
_CALLED = re.compile(
    r"\b(?:(?:he'?s|she'?s|hes|shes|he\s+is|she\s+is|he\s+was|she\s+was)\s+(?:called|named)|"
    r"(?:his|her)\s+name\s+(?:is|was|s)|(?<=,\s)name|(?<=but\s)(?:it'?s|its|it\s+is|that'?s|thats)"
    r"(?=\s+(?!(?:him|her|them|me|the|my|a|an|his|not|just|still|really|true|actually|defo|deffo|def|definitely|"
    r"prob|probably)\b)[a-z]+(?:\s*,|\s+(?:hes|shes|he|she|who|from)\b)))"
    r"\s+(?P<name>[A-Za-z][a-z'’]+)",
    re.IGNORECASE,
)
# A name right after a denial: "isnt aaron", "hes a dad I know, not Shane", "it wasnt Danny Jones"; or after a
# comparison that says the person is someone else: "a lot shorter than Aaron".
_DENIED_BEFORE = re.compile(
    r"(?:\bnot|\bis\s*nt|\bisn'?t|\bis\s+not|\bwas\s*nt|\bwasn'?t|\bwas\s+not|\baint|\bain'?t|"
    r"\b(?:shorter|taller|older|younger|bigger|smaller|thinner|fatter|heavier|skinnier)\s+than)\s+$",
    re.IGNORECASE,
)
_CLAUSE_END = re.compile(r"\bbut\b|[.;!?\n]|,\s*(?:but|just|the|she|he|its|it's)\b", re.IGNORECASE)
# Cues that take back the page or the report, not a name that follows them: "sorry wrong page, Aaron Pickering
# is on Hawthorn Close", "I know this is Mia's page but Deano is...", "thought it was Connor at first but...",
# "my mistake", "please disregard that". Their span is their own words.
_NEGATION_HERE = re.compile(
    r"\bthought\s+(?:it\s+was|he\s+was|she\s+was|that\s+was)\b[^.!?\n]{0,40}?\bbut\b|"
    r"\bthis\s+is\s+[a-z'’]+\s+page\s+but\b|"
    r"\bwrong\s+(?:appeal|page|poster|report)\b|\bmy\s+mistake\b|\bi\s+made\s+a\s+mistake\b|"
    r"\bi\s+(?:was|got\s+it|got\s+that)\s+wrong\b|\b(?:please\s+)?disregard\b|\bignore\s+(?:that|this|what\s+i\s+said)\b",
    re.IGNORECASE,
)


# Cues that deny everyone their sentence names: "Shane's brother and Stacey's sister were fighting, neither of
# them are the ones you want". Their span runs from the sentence's start to the end of their clause.
_NEGATION_SENTENCE = re.compile(r"\bneither\s+of\s+them\s+(?:are|is|were|was)\b", re.IGNORECASE)


def negated_spans(text: str) -> list[tuple[int, int]]:
    """Where the reporter says it is not the person ("not him, but...", "its not benno but his brother"): from the
    cue (or its sentence's start, for a cue that denies the whole sentence) to the end of its clause; a cue that
    takes back the page, its own words only. Names there are not the report's subject, and neither is the
    page's."""
    spans = [m.span() for m in _NEGATION_HERE.finditer(text)]
    for pattern, from_sentence_start in ((_NEGATION, False), (_NEGATION_SENTENCE, True)):
        for m in pattern.finditer(text):
            start = max(text.rfind(mark, 0, m.start()) for mark in ".!?\n") + 1 if from_sentence_start else m.start()
            end = _CLAUSE_END.search(text, m.end())
            spans.append((start, end.start() if end else len(text)))
    return spans


def names_given(text: str) -> list[str]:
    """The names the report says the person it describes goes by ("he's called Steve", "her name is Dawn")."""
    return [m.group("name") for m in _CALLED.finditer(text)]


def denied_just_before(text: str, start: int) -> bool:
    """Whether the words just before `start` deny what follows ("isnt aaron", "not Shane", "wasnt Danny")."""
    return _DENIED_BEFORE.search(text[max(0, start - 16) : start]) is not None
