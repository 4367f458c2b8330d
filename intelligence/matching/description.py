"""What a report says about the person it describes (sex, age, build, height), whether that contradicts an
appeal, and where the reporter says "not him". Pure and typed; the words are in intelligence/matching/lexicon.

Linking uses these to veto descriptive evidence: a feature that matches ("very tall and thin") says nothing when
the report also says "a man about fifty" and the appeal's subject is 22. See
docs/adr/0011-reading-reports-as-people-write.md.
"""

import re
from dataclasses import dataclass
from functools import cache

from .lexicon import build_words, sex_words

# How far a stated age may be from the appeal's and still be the same person: people guess ages badly.
AGE_TOLERANCE = 6
AGE_TOLERANCE_SHARE = 0.2  # or a fifth of the age, whichever is more (a "60" for a 76-year-old is a fair guess)
# A child's or a teenager's age is guessed closer: "hes only 15" is not a 20-year-old, "about 11" not 15.
YOUNG_BELOW = 18
YOUNG_AGE_TOLERANCE = 3
# A stated age range wider than this ("a young guy": 16-35) can rule someone out but fits too many to count for them.
VAGUE_AGE_YEARS = 10
# A stated height this far (cm) from the appeal's is someone else; "tiny" / "really tall" against the extremes.
HEIGHT_TOLERANCE_CM = 13
SHORT_BELOW_CM = 178  # a subject this tall or more is not "tiny"
TALL_ABOVE_CM = 168  # a subject this short or less is not "really tall"

_DECADES = {
    "teens": 13, "twenties": 20, "thirties": 30, "forties": 40, "fifties": 50, "sixties": 60, "seventies": 70,
    "eighties": 80, "nineties": 90,
}  # fmt: skip
_NOT_AN_AGE_AFTER = r"(?!\s*(?:am|pm|a\.m|p\.m|:|\.\d|quid|pounds?|p\b|mins?|minutes?|hours?|hrs?|days?|weeks?|nights?|"
_NOT_AN_AGE_AFTER += (
    r"foot|feet|ft|inch|cm|o'?clock|%|mph|miles?|yards?|metres?|people|men|lads|kids|times|th\b|st\b|nd\b|rd\b|"
    r"doors?|streets?|houses?|stops?|months?|years?(?!\s*old)|yrs?(?!\s*old)|odd\s+years|of\s+(?:them|us|em)\b|"
    r"this\b|tonight|last\b|in\s+the\s+(?:morning|evening|afternoon)|at\s+night|ish\s+(?:this|in|at|last)))"
)
# "about 50", "maybe 60", "must be 17", "in his 50s", "early 20s", "late forties", "15 year old", "60 plus".
_AGE_DECADE = re.compile(
    r"\b(?P<when>early|mid|late)?[\s-]*(?:(?P<n>[1-9]0)'?s|(?P<word>" + "|".join(_DECADES) + r"))\b", re.IGNORECASE
)
_AGE_NUMBER = re.compile(
    r"\b(?:(?P<pre>about|around|abt|maybe|like|must\s+(?:have\s+)?be(?:en)?|aged?|looked|looks|roughly|approx|prob|"
    r"probably|at\s+least|at\s+most|no\s+(?:more|older)\s+than|only|barely|over|under|is|was|be|pushing|nearly|almost|"
    r"getting\s+on\s+for|knocking\s+on|(?:ca|could)n'?t\s+(?:have\s+)?be(?:en)?\s+(?:more|older)\s+than|"
    r"(?:lad|kid|man|woman|girl|boy|bloke|fella|guy|lady)\s+of|"
    r"(?<=but\s)(?:hes|shes|he'?s|she'?s))\s+"
    r"(?P<a>[1-9][0-9]?)(?![0-9])(?:\s*ish)?"
    r"|(?<![0-9])(?P<b>[1-9][0-9]?)\s*(?:years?\s*old|yrs?\s*old|yr\s*old|year\s*old|yo\b|y/o|\s+plus|\+|\s+maybe|\s+at\s+most|ish\b))"
    + _NOT_AN_AGE_AFTER,
    re.IGNORECASE,
)
_YEARS_OLD = re.compile(r"\s*(?:years?\s*old|yrs?\s*old|yo\b|y/o)", re.IGNORECASE)
# Words before a number that make it an age however small: "looked about 11", "he's about 10".
_AGE_SAID_BEFORE = re.compile(
    r"\b(?:looked|looks|look|looking|he'?s|she'?s|hes|shes|he\s+is|she\s+is|was\s+only|is\s+only)\s*$", re.IGNORECASE
)
_TEEN = re.compile(r"\b(teen|teenage|teenager|teenaged)\b", re.I)
# "40 something", "forty odd", "about fifty", "sixty-ish": a decade, or a round number, in words or figures.
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
_AGE_ROUGH = re.compile(
    r"\b(?:(?P<pre>about|around|looked|looks|maybe|nearly|almost|pushing|like)\s+)?"
    r"(?:(?P<n>[2-9]0)|(?P<word>" + "|".join(_TENS) + r"))"
    r"(?:[\s-]*(?P<odd>odd|something|summat|sumthin|plus)|[\s-]*(?P<ish>ish))?\b" + _NOT_AN_AGE_AFTER,
    re.IGNORECASE,
)
# A child: "a schoolboy", "a little girl" (not "my little girl", the reporter's). Not "a kid": a grown lad is one.
_CHILD = re.compile(
    r"(?<!my )(?<!our )(?<!his )(?<!her )\b(?:child|schoolboy|schoolgirl|little\s+(?:boy|girl|lad))\b", re.I
)
# "an old man", "old dear" (not "my old man", the reporter's father), "pensioner", "elderly".
_OLD = re.compile(
    r"\b(pensioner|elderly|old\s+enough\s+to\s+be\s+my\s+(?:grandad|nan|gran|grandma)|oap|"
    r"(?<!my )(?<!his )(?<!her )(?<!your )(?<!our )"
    r"old\s+(?:man|woman|lady|dear|boy|girl|gent|gentleman|fella|bloke|chap|guy|timer|codger)s?)\b",
    re.I,
)
# "a young guy", "young black lad": someone from their teens to their mid thirties.
_YOUNG = re.compile(
    r"\b(?:young|youngish)\s+(?:\w+\s+)?(?:man|guy|lad|bloke|fella|woman|girl|lass|chap|person)\b", re.I
)
_FEET = re.compile(r"\b(?P<f>[4-7])\s*(?:foot|feet|ft|')\s*(?P<i>1[01]|[0-9])?\b", re.IGNORECASE)
_TINY = re.compile(r"\b(tiny|really\s+short|very\s+short|titch)\b", re.IGNORECASE)
_TALL = re.compile(r"\b(really\s+tall|very\s+tall|massive|huge|towering)\b", re.IGNORECASE)
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
    # "neither of them are the ones you want", "isnt anyone from your list": nobody on the appeals.
    r"\bneither\s+of\s+them\s+(?:are|is|were|was)\b|"
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
_INDEFINITE = re.compile(
    r"\b(?:a|an|some|two|three|this)\s+(?:\w+\s+){0,2}?(?:man|woman|lad|girl|boy|bloke|guy|kid|kids|fella|lady|"
    r"figures?|teenagers?|youths?|people|men|women)\b|\b(?:someone|somebody|sum1|some1|sumone|somone|sumbody)\b",
    re.IGNORECASE,
)
_DEFINITE = re.compile(
    r"\b(?:he|she|him|her|hes|shes|he's|she's|his|the\s+(?:\w+\s+)?(?:lad|girl|boy|man|woman|guy|bloke|one|person|"
    r"fella|lady)\s+(?:on|off|from|in)\s+(?:this|the|your)|this\s+(?:lad|girl|boy|man|woman|guy|person)|"
    r"(?:your|the|this)\s+(?:\w+\s+)?(?:suspect|appeal|poster|page)|missing|wanted)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class Stated:
    """What a report says about the person it describes; None or "" where it says nothing."""

    sex: str = ""
    age: tuple[int, int] | None = None
    build: str = ""
    height_cm: int | None = None
    tiny: bool = False
    very_tall: bool = False


def stated_sex(text: str) -> str:
    """The sex of the first person word ("a lad", "the woman", else "he" / "she"), "" when none."""
    words = sex_words()
    nouns = {w for ws in words.values() for w in ws if len(w) > 3 or w in {"man", "lad", "boy", "guy", "men"}}
    first_noun = ""
    first_pronoun = ""
    for m in re.finditer(r"[a-z']+", text.lower().replace("’", "'")):
        word = m.group()
        before = text[max(0, m.start() - 4) : m.start()].lower()
        if "my" in before:
            continue  # "my mum", "my son": the reporter's family, not the person described
        for sex, ws in words.items():
            if word in ws:
                if word in nouns and not first_noun:
                    first_noun = sex
                elif not first_pronoun and word not in nouns:
                    first_pronoun = sex
        if first_noun:
            break
    return first_noun or first_pronoun


def stated_age(text: str) -> tuple[int, int] | None:
    """The age range the report gives, if any: "in his 50s" (50-59), "early 20s" (20-24), "about 50" (50)."""
    for m in _AGE_DECADE.finditer(text):
        base = int(m.group("n")) if m.group("n") else _DECADES[m.group("word").lower()]
        if base < 10:
            continue
        when = (m.group("when") or "").lower()
        lo, hi = {"early": (0, 4), "mid": (3, 7), "late": (6, 9)}.get(when, (0, 9))
        return base + lo, base + hi
    for m in _AGE_NUMBER.finditer(text):
        age = int(m.group("a") or m.group("b"))
        # "about 10" is as often a time as an age: after "about" and the like, an age is 13 or more, unless the
        # words say it is one ("looked about 11", "aged 9", "about 11 years old").
        said_so = m.group("b") or (m.group("pre") or "").lower() in {"looked", "looks", "aged", "age"}
        said_so = (
            said_so
            or _YEARS_OLD.match(text, m.end()) is not None
            or _AGE_SAID_BEFORE.search(text[: m.start()]) is not None
        )
        if 13 <= age <= 99 or (said_so and age >= 5):
            return age, age
    for m in _AGE_ROUGH.finditer(text):
        if not (m.group("odd") or m.group("ish") or (m.group("pre") and m.group("word"))):
            continue  # "fifty quid", "20 of them"
        base = int(m.group("n")) if m.group("n") else _TENS[m.group("word").lower()]
        return (base, base + 9) if m.group("odd") else (base, base)
    if _OLD.search(text):
        return 65, 99
    if _TEEN.search(text):
        return 13, 19
    if _CHILD.search(text):
        return 5, 16
    if _YOUNG.search(text):
        return 16, 35
    return None


@cache
def _build_patterns() -> dict[str, re.Pattern[str]]:
    return {
        build: re.compile(r"\b(?:" + "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)) + r")\b")
        for build, words in build_words().items()
    }


def stated_build(text: str) -> str:
    """ "slim" or "large" when the report says only one of them ("skinny", "very fat"), else ""."""
    lowered = text.lower()
    found = {build for build, pattern in _build_patterns().items() if pattern.search(lowered)}
    return found.pop() if len(found) == 1 else ""


# Who the person is with ("with a man", "with 2 men about 40", "with her boyfriend"): their sex and age are not
# the person's.
_COMPANIONS = re.compile(
    r"\bwith\s+(?:a|an|two|three|four|2|3|4|some|her|his|the|their|these|those|older|younger|an\s+older)?\s*"
    r"(?:[a-z]+\s+){0,2}?(?:man|men|woman|women|lad|lads|bloke|blokes|guy|guys|fella|fellas|boyfriend|girlfriend|"
    r"friend|friends|mate|mates|boy|boys|girl|girls|husband|wife|dad|mum|brother|sister)\b"
    r"(?:\s+(?:about|around|aged|in\s+(?:his|her|their)|maybe|probably)\s+(?:early\s+|mid\s+|late\s+)?[0-9a-z]+)?",
    re.IGNORECASE,
)


def stated(text: str) -> Stated:
    """What the text says of the person it describes; not of whom they are with."""
    text = _COMPANIONS.sub(" ", text)
    feet = _FEET.search(text)
    height = round((int(feet.group("f")) * 12 + int(feet.group("i") or 0)) * 2.54) if feet else None
    return Stated(
        sex=stated_sex(text),
        age=stated_age(text),
        build=stated_build(text),
        height_cm=height,
        tiny=_TINY.search(text) is not None,
        very_tall=_TALL.search(text) is not None,
    )


def contradictions(
    said: Stated, *, sex: str, age_min: int | None, age_max: int | None, physique: str, height_cm: int | None
) -> list[str]:
    """Where what the report says cannot be the appeal's subject: another sex, an age well outside theirs, the
    opposite build, a height far from theirs. Empty when nothing contradicts (or nothing is known)."""
    out: list[str] = []
    if said.sex and sex and said.sex != sex:
        out.append(f"describes a {'man' if said.sex == 'male' else 'woman'}")
    if said.age and age_min is not None:
        top = age_max if age_max is not None else age_min
        young = said.age[1] < YOUNG_BELOW or top < YOUNG_BELOW
        slack = YOUNG_AGE_TOLERANCE if young else max(AGE_TOLERANCE, round(AGE_TOLERANCE_SHARE * top))
        if said.age[1] < age_min - slack or said.age[0] > top + slack:
            shown = f"{said.age[0]}" if said.age[0] == said.age[1] else f"{said.age[0]}-{said.age[1]}"
            out.append(f"says about {shown} years old")
    slim = physique == "slim"
    large = physique in {"large", "heavy", "stocky"}
    if (said.build == "large" and slim) or (said.build == "slim" and large):
        out.append(f"says {'heavy' if said.build == 'large' else 'slim'} build")
    if height_cm:
        if said.height_cm and abs(said.height_cm - height_cm) > HEIGHT_TOLERANCE_CM:
            out.append(f"says about {said.height_cm} cm tall")
        elif said.tiny and height_cm >= SHORT_BELOW_CM:
            out.append("says very short")
        elif said.very_tall and height_cm <= TALL_ABOVE_CM and said.build != "large":
            out.append("says very tall")
    return out


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


def negated_spans(text: str) -> list[tuple[int, int]]:
    """Where the reporter says it is not the person ("not him, but...", "its not benno but his brother"): from the
    cue to the end of its clause. Names there are not the report's subject, and neither is the page's."""
    spans = [m.span() for m in _NEGATION_HERE.finditer(text)]
    for m in _NEGATION.finditer(text):
        start = m.start()
        if m.group().lower().startswith("neither"):  # "X's brother and Y's sister, neither of them are...": both
            start = max(text.rfind(mark, 0, start) for mark in ".!?\n") + 1
        end = _CLAUSE_END.search(text, m.end())
        spans.append((start, end.start() if end else len(text)))
    return spans


def names_given(text: str) -> list[str]:
    """The names the report says the person it describes goes by ("he's called Steve", "her name is Dawn")."""
    return [m.group("name") for m in _CALLED.finditer(text)]


def denied_just_before(text: str, start: int) -> bool:
    """Whether the words just before `start` deny what follows ("isnt aaron", "not Shane", "wasnt Danny")."""
    return _DENIED_BEFORE.search(text[max(0, start - 16) : start]) is not None


def introduces_someone_new(text: str) -> bool:
    """Whether the first person the text talks about is someone new ("a man in a white van...", "someone set
    fire...") rather than the one on the page ("he", "the lad off the poster", "the missing girl")."""
    new = _INDEFINITE.search(text)
    if new is None:
        return False
    known = _DEFINITE.search(text)
    return known is None or known.start() > new.start()


_THE_APPEAL = re.compile(r"\b(?:this|the|your|that)\s+(?:appeal|poster|page|post|picture|photo|pic)\b", re.IGNORECASE)


def refers_to_the_appeal(text: str) -> bool:
    """Whether the text points at the appeal itself ("the car from this appeal", "the one on your poster")."""
    return _THE_APPEAL.search(text) is not None


# A short message that says only where or when ("in the crown now", "red lion rn", "drinks in the black horse"):
# sent from an appeal's page, it is about the person on it, unless it is about a crime or a nuisance instead.
SHORT_MESSAGE_WORDS = 15
_WHERE_OR_WHEN = re.compile(
    r"\b(?:now|rn|right\s+now|just\s+now|[0-9]+\s*mins?\s+ago|minutes\s+ago|an?\s+hour\s+ago|this\s+(?:morning|"
    r"afternoon|evening)|tonight|today|last\s+night|earlier|every\s+(?:day|night|morning|week|weekend)|most\s+"
    r"(?:days|nights)|2day|2nite|2night|tonite|2moz|atm|rite\s+now|ryt\s+now)\b|"
    r"^\W*(?:in|at|on|outside|by|near|behind|round|down|up|inside|opposite)\b|"
    r"^\W*(?:works|drinks|lives|stays|sleeps|goes|hangs|drives|parks|visits|knocks|staying|living|working|sleeping|"
    r"drinking|hiding|dossing)\b",
    re.IGNORECASE,
)
_NUISANCE = re.compile(
    r"\b(?:fly[\s-]?tipp\w*|tipping|racers?|speeding|speed\s+cameras?|smash\w*|vandal\w*|graffiti|fights?|"
    r"brawl\w*|stolen|broken\s+into|break[\s-]?ins?|burglar(?:y|ies)|fireworks?|litter|parking|noise|cameras?|"
    r"shoplift\w*|cannabis|weed|needles|anti[\s-]?social|asb|drugs?|dealing|littering|dumped|dumping|rubbish|"
    r"knives|knife|weapons?|"
    r"trying\s+(?:car\s+)?doors|tryin\s+(?:car\s+)?doors)\b",
    re.IGNORECASE,
)


def says_where_or_when(text: str) -> bool:
    """Whether a short message says only where or when someone is ("in the crown now", "works at the car
    wash"), and is not about a crime or a nuisance ("boy racers on the bypass every night")."""
    if len(text.split()) > SHORT_MESSAGE_WORDS or _NUISANCE.search(text):
        return False
    return _WHERE_OR_WHEN.search(text.strip()) is not None


_PRONOUN = re.compile(r"\b(?:he|she|him|her|his|hers|he'?s|she'?s|hes|shes|he'?d|she'?d)\b", re.IGNORECASE)


def about_a_nuisance(text: str) -> bool:
    """Whether the text is about a crime or a nuisance and not a particular person ("boy racers on the bypass",
    "fly tipping by the gate"): it names one and never says he or she."""
    return _NUISANCE.search(text) is not None and _PRONOUN.search(text) is None


def has_companion(text: str) -> bool:
    """Whether the report says the person is with someone ("with a lad with a bird tattoo", "with 2 men")."""
    return _COMPANIONS.search(text) is not None
