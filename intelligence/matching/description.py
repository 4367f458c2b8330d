"""What a report says about the person it describes (sex, age, build, height), whether that contradicts an
appeal, and who it talks about (someone new, the appeal, a nuisance). Where the reporter says "not him" is in
intelligence/matching/denials.py. Pure and typed; the words are in intelligence/matching/lexicon.

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
