"""Named places: pubs, shops, stations, clubs..."""

import re
from collections.abc import Sequence

from .entities import Extracted, Kind, Span, overlaps

# --- named places ---------------------------------------------------------------------------------------------

PLACE_TYPES = (
    "pub|inn|arms|tavern|bar|club|nightclub|social club|gym|station|bus station|train station|cafe|café|caff|shop|"
    "store|takeaway|chippy|kebab house|garage|car wash|park|retail park|hotel|school|academy|college|centre|center|"
    "leisure centre|library|church|mosque|hospital|market|estate|barbers|barber's|salon|bookies|launderette|"
    "supermarket|snooker hall|bowling alley|car park|services|mill|motel|hostel|hall"
)
# Longest first, so "social club" is read as the kind of place rather than "social" as part of the name.
_PLACE_TYPE = "(?i:" + "|".join(sorted(PLACE_TYPES.split("|"), key=len, reverse=True)) + ")"
_PLACE_TYPE_WORDS = {w for t in PLACE_TYPES.split("|") for w in t.split()}
_NAME_WORD = r"(?:[A-Z][\w'’&-]*|[0-9]+)"
# "the Red Lion pub", "Millford station", "Jay's Gym", "St Anne's School".
_PLACE_CAPITALISED = re.compile(
    rf"(?<![\w'’])(?P<name>{_NAME_WORD}(?:\s+(?:of\s+|on\s+|and\s+|&\s+)?{_NAME_WORD}){{0,3}})\s+(?P<type>{_PLACE_TYPE})\b"
)
# In lower case the name is only believed after "the" or a word of place ("at", "outside"...): "the red lion
# pub", "outside carrow heath social club"; every name word must then be name-like ("the local shop" is not).
_PLACE_LOWER = re.compile(
    r"\b(?:the|at|outside|in|into|near|by|behind|opposite|from|to)\s+"
    rf"(?P<name>[a-z][\w'’&-]*(?:\s+[a-z][\w'’&-]*){{0,2}}?)\s+(?P<type>{_PLACE_TYPE})\b",
)
# Pubs are often named without the word "pub": "the Red Lion", "the Kings Head", "the Crown & Anchor".
_PUB_NAMES = re.compile(
    r"\b[Tt]he\s+(?P<name>(?:[A-Z][\w'’]*\s+){0,2}(?:Lion|Head|Arms|Inn|Crown|Anchor|Swan|Bull|Bell|Plough|"
    r"Oak|Star|Feathers|Horseshoe|Wheatsheaf|Railway|Tavern|Fox|Hound|Hart|Stag|Grapes|Ship|Eagle|Vaults|Tap))\b"
)
# Words that describe rather than name a place ("the local shop", "the bus station", "Police station").
_GENERIC_PLACE_WORDS = {
    "the", "a", "an", "this", "that", "these", "those", "his", "her", "their", "my", "our", "your", "its", "local",
    "nearest", "same", "main", "big", "little", "small", "new", "old", "corner", "nearby", "other", "usual", "next",
    "police", "bus", "train", "railway", "petrol", "fire", "coach", "tube", "underground", "night", "sports", "car",
    "primary", "secondary", "high", "grammar", "private", "public", "chip", "charity", "betting", "phone", "vape",
    "off", "one", "some", "any", "every", "each", "in", "at", "on", "to", "by", "from", "near", "outside", "behind",
    "opposite", "inside", "round", "around", "past", "was", "is", "saw", "seen", "went", "and", "or", "of", "i",
    "he", "she", "they", "we", "him", "them", "there", "here", "when", "while", "then", "just", "also", "both",
    "town", "city", "cheap", "dodgy", "empty", "open", "closed", "shut", "late", "all", "day", "24", "24hr", "gay",
}  # fmt: skip


def _place_value(name: str, kind: str) -> str:
    words = re.sub(r"\s+", " ", f"{name} {kind}".replace("’", "'")).strip().lower().split(" ")
    while words and words[0] == "the":
        words = words[1:]
    return " ".join(words)


def _trim_place_name(name: str) -> str | None:
    """Drop leading describing words ("past Millford" → "Millford"); None when nothing names the place."""
    words = name.split()
    while words and words[0].lower().replace("’", "'") in _GENERIC_PLACE_WORDS:
        words = words[1:]
    if not words or all(w.lower() in _GENERIC_PLACE_WORDS or w.isdigit() for w in words):
        return None
    return " ".join(words)


def extract_places(text: str, taken: Sequence[Span] = ()) -> list[Extracted]:
    """A named place is a name followed by what kind of place it is (pub, shop, club, gym, station, cafe, bar,
    park, hotel, school...): "the Red Lion pub", "Millford station", "Jay's Gym"; or a pub known by its name
    alone ("the Red Lion"). Names written in capitals are taken as they are; in lower case only after "the".
    Words that describe rather than name ("the local shop", "the police station") are not places. Normalised to
    lower case without a leading "the"."""
    found: list[Extracted] = []
    spans: list[Span] = list(taken)

    def add(name: str, kind: str, start: int, end: int) -> None:
        trimmed = _trim_place_name(name)
        if trimmed is None:
            return
        start = end - len(text[start:end]) + text[start:end].find(trimmed)
        span = (start, end)
        if overlaps(span, spans):
            return
        found.append(Extracted(Kind.PLACE, text[start:end], _place_value(trimmed, kind), span))
        spans.append(span)

    for cap in _PLACE_CAPITALISED.finditer(text):
        # Only the name has to be capitalised; "Pub", "pub" and "PUB" are all the kind of place.
        add(cap.group("name"), cap.group("type"), cap.start("name"), cap.end())
    for pub in _PUB_NAMES.finditer(text):
        add(pub.group("name"), "", pub.start("name"), pub.end())
    pos = 0
    while (lower := _PLACE_LOWER.search(text, pos)) is not None:
        m = lower
        # Lower case has no capitals to mark where a name starts, so every word must be name-like; after a
        # reading is refused, search on from the next character ("at the oak tree pub" → "the oak tree pub").
        if any(w in _GENERIC_PLACE_WORDS or w in _PLACE_TYPE_WORDS for w in m.group("name").split()):
            pos = m.start() + 1
            continue
        add(m.group("name"), m.group("type"), m.start("name"), m.end())
        pos = m.end()
    return found
