"""Vehicle registration marks, whole or in part."""

import re
from collections.abc import Sequence

from .entities import Extracted, Kind, Span, overlaps, word_set

# --- vehicle registration marks ------------------------------------------------------------------------------

# Current (2001 on): two area letters, two age digits (02-29 March, 51-79 September), three random letters.
_VRM_CURRENT = re.compile(
    r"(?<![A-Za-z0-9])(?P<a>[A-HJ-PR-Ya-hj-pr-y][A-HJ-PR-Ya-hj-pr-y])(?:\s{0,2}|-)(?P<d>[0O][2-9]|[12][0-9O]|[5-7][0-9O])"
    r"(?:\s{0,2}|\s?-\s?)(?P<b>[A-HJ-PR-Za-hj-pr-z]{3})(?![A-Za-z0-9])"
)
# A current mark read out character by character: "W X 1 5 L D F".
_VRM_SPACED = re.compile(
    r"(?<![A-Za-z0-9])(?P<a>[A-HJ-PR-Ya-hj-pr-y]\s[A-HJ-PR-Ya-hj-pr-y])\s(?P<d>0\s[2-9]|[12]\s[0-9]|[5-7]\s[0-9])"
    r"\s(?P<b>[A-HJ-PR-Za-hj-pr-z]\s[A-HJ-PR-Za-hj-pr-z]\s[A-HJ-PR-Za-hj-pr-z])(?![A-Za-z0-9])"
)
# Prefix (1983-2001): a year letter, 1-3 digits, three letters.
_VRM_PREFIX = re.compile(
    r"(?<![A-Za-z0-9])(?P<a>[A-HJ-NPR-Ya-hj-npr-y])(?P<d>[1-9][0-9]{0,2})(?:\s{0,2}|\s?-\s?)(?P<b>[A-HJ-PR-Ya-hj-pr-y]{3})"
    r"(?![A-Za-z0-9])"
)
# Suffix (1963-1983): three letters, 1-3 digits, a year letter. No space before the year letter: "was 12 a day".
_VRM_SUFFIX = re.compile(
    r"(?<![A-Za-z0-9])(?P<a>[A-HJ-PR-Ya-hj-pr-y]{3})(?:\s{0,2}|\s?-\s?)(?P<d>[1-9][0-9]{0,2})(?P<b>[A-HJ-NPR-Ya-hj-npr-y])"
    r"(?![A-Za-z0-9])"
)
# Dateless: 1-3 letters and 1-4 digits, either way round.
_VRM_DATELESS = re.compile(
    r"(?<![A-Za-z0-9])(?:(?P<a>[A-Za-z]{1,3})\s?(?P<d>[1-9][0-9]{0,3})|(?P<d2>[1-9][0-9]{0,3})\s?(?P<a2>[A-Za-z]{1,3}))"
    r"(?![A-Za-z0-9])"
)
# Words that are vehicle talk: a dateless mark is only believed next to one of these, or written in capitals.
_VEHICLE_CONTEXT = re.compile(
    r"\b(reg|regs|registration|plates?|number\s*plate|private\s*plate|car|van|motor|motorbike|bike|vehicle|"
    r"ford|vauxhall|bmw|audi|mercedes|merc|vw|volkswagen|golf|corsa|fiesta|focus|astra|transit|toyota|nissan|"
    r"honda|kia|hyundai|peugeot|renault|citroen|skoda|seat|fiat|mini|range\s*rover|land\s*rover|jeep|taxi|"
    r"hatchback|saloon|estate\s*car|4x4|pickup|lorry|truck|driving|drives|drove|driven|ranger|octavia|fabia|micra|"
    r"qashqai|juke|navara|polo|passat|clio|megane|yaris|aygo|prius|jazz|civic|insignia|mondeo|kuga|sprinter|"
    r"berlingo|caddy|zafira|mokka|picanto|sportage|tucson|i10|i20|a3|a4|beemer|volvo|mazda|suzuki|lexus|tesla|"
    r"scooter|moped)\b",
    re.IGNORECASE,
)
# Letter groups that, written in lower case, are English words or common abbreviations rather than a mark.
_WORDISH = word_set(
    "the and for are but not you all any can had her was one our out day get has him his how man new now old see "
    "two way who boy did its let put say she too use bar pub car van bus ago yrs min hrs mid top few lot big bad "
    "got off own ran saw sat set sit six ten tip via yes yet age aged log row run mum dad son kid mate lad "
    "son bro sis gym the bet cab cop dog may jan feb mar apr jun jul aug sep oct nov dec mon tue wed thu fri "
    "sat sun per wks hrs pts tel mob num ref no nr on at in to by of or up is as be it we he me my so am pm "
    "around about after"
)
# Capitalised abbreviations that are followed by a number in ordinary writing: collar numbers, channels, models.
_NOT_DATELESS = {
    "PC", "DC", "DS", "DI", "DCI", "PS", "SGT", "NHS", "BBC", "ITV", "TV", "AM", "PM", "NO", "NR", "NUM", "ID",
    "UK", "GB", "MP", "HMP", "GP", "BMW", "VW", "KIA", "MG", "GTI", "TDI", "ST", "RS", "XR", "CH", "TEL", "MOB",
    "REF", "FLAT", "APT", "RM", "UNIT", "BUS", "JUNE", "JULY", "MAY", "COVID", "AGE", "ROOM", "SIZE", "PAGE", "YEAR",
    "CM", "MM", "KG", "KM", "MPH", "FT", "IN", "LBS", "ML", "MB", "MAX", "MIN", "PT", "TO", "AT", "ON", "OF",
    "BY", "OR", "IS", "AS", "IT", "WE", "HE", "ME", "MY", "SO", "BE", "UP", "GO", "A", "I", "X", "W", "HRS", "YRS",
}  # fmt: skip
# Makes and trims written like marks ("BMW 320d", "VW 1300"), never read as one.
_MODEL_LETTERS = {
    "BMW",
    "VW",
    "KIA",
    "GTI",
    "TDI",
    "AMG",
    "MG",
    "DS",
    "XR",
    "RS",
    "ST",
    "GT",
    "SRI",
    "SE",
    "CLK",
    "SLK",
    "TT",
}
# Road numbers look like dateless marks (A1, M25, B1234); a single A, B or M before digits is a road.
_ROAD = re.compile(r"^[ABM][0-9]{1,4}$")


def _in_vehicle_talk(text: str, span: Span) -> bool:
    """Whether the words around a span (40 characters before it, 25 after) talk about a vehicle."""
    return _VEHICLE_CONTEXT.search(text[max(0, span[0] - 40) : span[1] + 25]) is not None


# A current mark whose random letters begin with a zero written for the letter O ("FN16 0PW"): shaped like a
# postcode, so it is read as a mark only in talk about a vehicle, and taken before postcodes.
_VRM_ZERO_FOR_O = re.compile(
    r"(?<![A-Za-z0-9])(?P<a>[A-HJ-PR-Ya-hj-pr-y]{2}(?:0[2-9]|[12][0-9]|[5-7][0-9]))(?:\s{0,2}|\s?-\s?)0"
    r"(?P<b>[A-HJ-PR-Za-hj-pr-z]{2})(?![A-Za-z0-9])"
)


def extract_zero_for_o_vrms(text: str) -> list[Extracted]:
    """A mark with a zero for the O of its letters, in vehicle talk ("red corsa FN16 0PW" -> FN16OPW)."""
    found = []
    for m in _VRM_ZERO_FOR_O.finditer(text):
        if _in_vehicle_talk(text, m.span()) and m.group("a")[:2].lower() not in _WORDISH:
            found.append(Extracted(Kind.VRM, m.group(), f"{_compact(m.group('a'))}O{m.group('b').upper()}", m.span()))
    return found


def _compact(raw: str) -> str:
    """A mark as it is kept: capitals, without the spaces and hyphens people write in it ("kx19-tvn" → KX19TVN)."""
    return re.sub(r"[\s-]+", "", raw).upper()


def _vrm_believable(raw: str, letters: Sequence[str], text: str, span: Span, *, dateless: bool) -> bool:
    compact = re.sub(r"[\s-]+", "", raw)
    is_upper = raw == raw.upper()
    has_space = compact != raw
    in_vehicle_talk = _in_vehicle_talk(text, span)
    if any(group.upper() in _MODEL_LETTERS for group in letters):
        return False
    if dateless:
        group = "".join(letters).upper()
        if group in _NOT_DATELESS or _ROAD.match(compact.upper()) or len(compact) < 4 or len(group) < 2:
            return False
        if group.lower() in _WORDISH:
            return False
        # "ABC 123" written in capitals or said to be a car; "at 1234 am" is neither.
        return (is_upper and len(compact) >= 5) or (in_vehicle_talk and len(compact) >= 4)
    if is_upper:
        return True
    # Lower or mixed case: the letter groups must not read as words ("a1 the", "mid 20s") unless the talk is
    # about a vehicle; a compact lower-case mark ("ab12cde") is believable on its own.
    if any(group.lower() in _WORDISH for group in letters if len(group) > 1):
        return in_vehicle_talk and not has_space
    return not has_space or in_vehicle_talk or len(compact) == 7


def extract_vrms(text: str, taken: Sequence[Span] = ()) -> list[Extracted]:
    """A vehicle registration mark is a current (AB12 CDE), prefix (A123 BCD), suffix (ABC 123D) or dateless
    (ABC 123, 1234 AB) mark, in any case and with or without spaces; it is normalised to capitals without spaces.
    To keep ordinary writing out: a mark never overlaps a postcode, phone number or e-mail address; lower-case
    letter groups that are words ("the", "mid") are not marks; and a dateless mark, which looks like so much
    else (times, collar numbers, road numbers), is believed only in capitals or in talk about a vehicle."""
    found: list[Extracted] = []
    spans: list[Span] = list(taken)
    patterns = ((_VRM_SPACED, False), (_VRM_CURRENT, False), (_VRM_PREFIX, False), (_VRM_SUFFIX, False))
    for pattern, dateless in (*patterns, (_VRM_DATELESS, True)):
        # Search on from just after a rejected reading, so "is 1234 AB" still finds "1234 AB".
        pos = 0
        while (m := pattern.search(text, pos)) is not None:
            raw = m.group()
            letters = [g for k, g in m.groupdict().items() if k in {"a", "b", "a2"} and g]
            # A letter O written for the zero of the age ("OC2O MZA"), believed only in a mark in capitals.
            slip = "O" in (m.groupdict().get("d") or "")
            if (
                overlaps(m.span(), spans)
                or (slip and raw != raw.upper())
                or not _vrm_believable(raw, letters, text, m.span(), dateless=dateless)
            ):
                pos = m.start() + 1
                continue
            value = _compact(raw)
            if slip:
                value = value[:2] + value[2:4].replace("O", "0") + value[4:]
            found.append(Extracted(Kind.VRM, raw, value, m.span()))
            spans.append(m.span())
            pos = m.end()
    return found


# --- part of a registration ----------------------------------------------------------------------------------

# The front of a current mark (area letters and age digits, "KX19"), or of a prefix mark ("T642").
_PLATE_FRONT = r"[A-Za-z]{2}\s?(?:0[2-9]|[12][0-9]|[5-7][0-9])|[A-Za-z][1-9][0-9]{0,2}|[A-Za-z]{2}\s?[0-9]|[A-Z]{2}\b"
_PLATE_BACK = r"[A-Za-z]{3}"
# "starts with KX19", "reg began KX", "first bit was KX19", "ends in TVN", "last three letters were TVN".
_PARTIAL_FRONT = re.compile(
    r"\b(?:start(?:s|ed|ing)?|begin(?:s|ning)?|began|first\s+(?:bit|part|half|few|two|four|letters?|numbers?)"
    r"(?:\s+(?:letters|digits|characters))?)\s+(?:(?:with|was|were|is|as|of)\s+)?(?:an?\s+)?[\"'‘“]?"
    rf"(?P<part>{_PLATE_FRONT})(?![A-Za-z0-9])",
    re.IGNORECASE,
)
_PARTIAL_BACK = re.compile(
    r"\b(?:end(?:s|ed|ing)?\s+(?:in|with|on)|end(?:s|ed|ing)?(?=\s+[A-Z]{3}\b)|last\s+(?:bit|part|half|three|3|few|letters?)"
    r"(?:\s+(?:letters|characters))?(?:\s+(?:was|were|is|are))?)\s+[\"'‘“]?"
    rf"(?P<part>{_PLATE_BACK})(?![A-Za-z0-9])",
    re.IGNORECASE,
)
# A front written as a mark in capitals in vehicle talk, the rest unread: "KX19 something", "KX19 ???".
# "KX-19 something", "kx19 t something", "KX19 TV?": with a hyphen, in lower case, or with a letter or two read.
_FRONT_THEN_UNKNOWN = re.compile(
    r"(?<![A-Za-z0-9])(?P<part>[A-Za-z]{2}[\s-]?(?:0[2-9]|[12][0-9]|[5-7][0-9])(?:[\s-]?[A-Za-z]{1,2})?)"
    r"(?:\s*-(?![\s-]*[A-Za-z0-9])|\s*(?:\?{1,3}|_+|\*+|x{3}|something|summat|sumthin|sommat|and\s+(?:then\s+)?something|"
    r"\.\.\.|…)|-something)",
    re.IGNORECASE,
)


# The front of a current mark alone, in capitals in vehicle talk ("silver focus, KX19, parked up"): a part, not a
# dateless mark, unless its letters follow.
_FRONT_ALONE = re.compile(
    r"(?<![A-Za-z0-9])(?P<part>[A-Za-z]{2}[\s-]?(?:0[2-9]|[12][0-9]|[5-7][0-9]))(?![A-Za-z0-9])(?![\s-]{1,2}[A-Za-z]{3}\b)"
)


def extract_partial_vrms(text: str, taken: Sequence[Span] = ()) -> list[Extracted]:
    """Part of a registration: its front after "starts with" / "first bit was" ("KX19" → KX19*), its last letters
    after "ends in" / "last three letters" ("TVN" → *TVN), or a front in capitals followed by "something" or "???"
    in talk about a vehicle. Letter groups that are words ("ends in the") are not plates unless in capitals."""
    found: list[Extracted] = []
    spans: list[Span] = list(taken)

    def add(m: re.Match[str], value: str) -> None:
        span = m.span("part")
        if not overlaps(span, spans):
            found.append(Extracted(Kind.PARTIAL_VRM, m.group("part"), value, span))
            spans.append(span)

    for m in _PARTIAL_FRONT.finditer(text):
        part = m.group("part")
        letters = re.sub(r"[^A-Za-z]", "", part)
        if letters.lower() in _WORDISH and part != part.upper():
            continue
        if not re.search(r"[0-9]", part) and (part != part.upper() or part in _NOT_DATELESS):
            continue  # letters alone only in capitals: "number plate beginning KX"
        rest = re.match(r"[\s-]{1,2}([A-Za-z]{3})(?![A-Za-z0-9])", text[m.end() :])
        if rest and rest.group(1).lower() not in _WORDISH:
            continue  # "starts with KX19 TVN" is the whole mark
        add(m, _compact(part) + "*")
    for m in _PARTIAL_BACK.finditer(text):
        part = m.group("part")
        if part.lower() in _WORDISH and part != part.upper():
            continue
        add(m, "*" + _compact(part))
    for m in _FRONT_THEN_UNKNOWN.finditer(text):
        part = m.group("part")
        if part[:2].lower() in _WORDISH and part != part.upper():
            continue
        if _in_vehicle_talk(text, m.span()):
            add(m, _compact(part) + "*")
    for m in _FRONT_ALONE.finditer(text):
        part = m.group("part")
        if part == part.upper() and part[:2] not in _NOT_DATELESS and _in_vehicle_talk(text, m.span()):
            add(m, _compact(part) + "*")
    return found


def partial_vrm_fits(partial: str, vrm: str) -> bool:
    """Whether a full mark fits a part of one: KX19* fits KX19TVN, *TVN fits KX19TVN."""
    if partial.endswith("*"):
        return vrm.startswith(partial[:-1])
    return vrm.endswith(partial[1:])
