"""Enrichment: pull the things reports can be joined on out of free text, normalised.

Pure and typed: no database, no settings, no network. `extract(text)` returns every entity it finds, each with
the text as written, a normalised value and where it was found; `match_names(text, names)` finds an appeal's
names and aliases, misspelt or not. The rules each extractor follows are in its docstring, and
tests/test_extraction.py holds the table of true and false positives. See docs/adr/0010-enrichment-linking.md.

The order matters: e-mail addresses, profile links, phone numbers and postcodes are taken first, and a
registration mark that overlaps any of them is dropped (a postcode such as "B33 8TH" or a phone number must never
be read as a plate).
"""

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum

import phonenumbers
from rapidfuzz import fuzz


class Kind(StrEnum):
    VRM = "vrm"
    PHONE = "phone"
    POSTCODE = "postcode"
    EMAIL = "email"
    HANDLE = "handle"
    PLACE = "place"
    PERSON = "person"
    REFERENCE = "reference"  # one of our own appeal references, quoted from a poster or the page ("W-VTT2")
    PARTIAL_VRM = "vrm_part"  # part of a registration: "starts with KX19" (KX19*), "ends in TVN" (*TVN)

    @property
    def label(self) -> str:
        return _KIND_LABELS[self]


_KIND_LABELS = {
    Kind.VRM: "registration",
    Kind.PHONE: "phone number",
    Kind.POSTCODE: "postcode",
    Kind.EMAIL: "e-mail address",
    Kind.HANDLE: "social-media handle",
    Kind.PLACE: "place",
    Kind.PERSON: "name",
    Kind.REFERENCE: "appeal reference",
    Kind.PARTIAL_VRM: "part of a registration",
}


@dataclass(frozen=True, slots=True)
class Extracted:
    kind: Kind
    raw: str
    value: str
    span: tuple[int, int]

    @property
    def key(self) -> str:
        """The joinable form, e.g. "vrm:AB12CDE": what an Entity row and a candidate index store. A handle joins
        on its name alone, because people keep one name across platforms ("snap: xkieranx", "@xkieranx")."""
        if self.kind == Kind.HANDLE:
            return f"{self.kind}:{self.value.partition(':')[2]}"
        return f"{self.kind}:{self.value}"


Span = tuple[int, int]


def _words(spaced: str) -> frozenset[str]:
    return frozenset(spaced.split())


def _overlaps(span: Span, taken: Iterable[Span]) -> bool:
    return any(span[0] < end and start < span[1] for start, end in taken)


# --- e-mail -------------------------------------------------------------------------------------------------

_EMAIL = re.compile(r"(?<![\w.+-])[A-Za-z0-9][A-Za-z0-9._%+-]*@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}\b")


def extract_emails(text: str) -> list[Extracted]:
    """An e-mail address is local@domain.tld; it is compared lower-cased, because people type it either way."""
    return [Extracted(Kind.EMAIL, m.group(), m.group().lower(), m.span()) for m in _EMAIL.finditer(text)]


# --- social-media handles -------------------------------------------------------------------------------------

_PLATFORM_HOSTS = {
    "instagram.com": "instagram",
    "instagr.am": "instagram",
    "twitter.com": "x",
    "x.com": "x",
    "facebook.com": "facebook",
    "fb.com": "facebook",
    "m.facebook.com": "facebook",
    "tiktok.com": "tiktok",
    "snapchat.com": "snapchat",
    "youtube.com": "youtube",
    "threads.net": "threads",
    "linkedin.com": "linkedin",
}
_PROFILE_URL = re.compile(
    r"(?:https?://)?(?:www\.)?(?P<host>instagram\.com|instagr\.am|twitter\.com|x\.com|m\.facebook\.com|facebook\.com"
    r"|fb\.com|tiktok\.com|snapchat\.com|youtube\.com|threads\.net|linkedin\.com)/"
    r"(?:add/|in/|@)?(?P<handle>[A-Za-z0-9_.]{2,30})",
    re.IGNORECASE,
)
# Path words that are pages of the platform, not somebody's profile.
_NOT_PROFILES = {"p", "reel", "reels", "stories", "explore", "watch", "share", "groups", "events", "hashtag", "home"}
_AT_HANDLE = re.compile(r"(?<![\w.@/])@(?P<handle>[A-Za-z0-9_](?:[A-Za-z0-9_.]{0,28}[A-Za-z0-9_])?)(?![\w@])")
_PLATFORM_WORDS = {
    "insta": "instagram",
    "instagram": "instagram",
    "ig": "instagram",
    "snap": "snapchat",
    "snapchat": "snapchat",
    "sc": "snapchat",
    "tiktok": "tiktok",
    "tik tok": "tiktok",
    "twitter": "x",
    "facebook": "facebook",
    "fb": "facebook",
    "threads": "threads",
    "youtube": "youtube",
}
_PLATFORM_NEAR = re.compile(r"\b(" + "|".join(sorted(_PLATFORM_WORDS, key=len, reverse=True)) + r")\b", re.IGNORECASE)
# "his snap is dazzer_99", "insta: kyleb.x", "snapchat name is dazk": a platform word, a separator, a name.
_NAMED_HANDLE = re.compile(
    r"\b(?P<platform>" + "|".join(sorted(_PLATFORM_WORDS, key=len, reverse=True)) + r")"
    r"(?:\s*(?P<said>:|-|\s(?:user)?name\s+is|\shandle\s+is)\s*|\s+(?:is|as)\s+)"
    r"(?P<handle>[A-Za-z0-9_.]{3,30})\b",
    re.IGNORECASE,
)


def _platform_before(text: str, start: int) -> str:
    """The platform named in the few words before a handle ("on insta @x"), or "any"."""
    window = text[max(0, start - 30) : start]
    found = _PLATFORM_NEAR.findall(window)
    return _PLATFORM_WORDS[found[-1].lower()] if found else "any"


def extract_handles(text: str, taken: Sequence[Span] = ()) -> list[Extracted]:
    """A social-media handle is an @name (not the middle of an e-mail address), a profile link on a common
    platform, or a name given after a platform word ("snap: dazzer_99"). It is normalised to platform:handle in
    lower case; a bare @name whose platform is not said nearby is any:handle."""
    found: list[Extracted] = []
    spans: list[Span] = list(taken)
    for m in _PROFILE_URL.finditer(text):
        handle = m.group("handle").rstrip(".").lower()
        if handle in _NOT_PROFILES or _overlaps(m.span(), spans):
            continue
        platform = _PLATFORM_HOSTS[m.group("host").lower()]
        found.append(Extracted(Kind.HANDLE, m.group(), f"{platform}:{handle}", m.span()))
        spans.append(m.span())
    for m in _AT_HANDLE.finditer(text):
        if _overlaps(m.span(), spans) or m.group("handle").isdigit():
            continue
        handle = m.group("handle").lower()
        found.append(Extracted(Kind.HANDLE, m.group(), f"{_platform_before(text, m.start())}:{handle}", m.span()))
        spans.append(m.span())
    for m in _NAMED_HANDLE.finditer(text):
        span = m.span("handle")
        handle = m.group("handle").strip(".").lower()
        # "snap: xkieranx" and "snapchat name is xkieranx" say it is a name; after a bare "is" or "as" only a
        # word with a digit, "_" or "." is taken, so "insta is down" is not a handle.
        looks_like_handle = re.search(r"[0-9_.]", handle) is not None
        if _overlaps(span, spans) or handle.isdigit() or len(handle) < 3:
            continue
        if not m.group("said") and not looks_like_handle:
            continue
        platform = _PLATFORM_WORDS[m.group("platform").lower()]
        found.append(Extracted(Kind.HANDLE, m.group("handle"), f"{platform}:{handle}", span))
        spans.append(span)
    return found


# --- phone numbers --------------------------------------------------------------------------------------------


# Ofcom keeps 07700 900000-900999 for drama; libphonenumber calls them invalid, but tests, the demo and the
# fixture set use them so that no invented report ever carries a real person's number.
# Ofcom's drama ranges (national form, without the last three or four digits): 07700 900xxx mobiles, 01632 960xxx,
# the 0113/0114/.../0161 496 0xxx and 020 7946 0xxx geographic ranges.
_DRAMA_PREFIXES = (
    "07700900", "01632960", "0113496", "0114496", "0115496", "0116496", "0117496", "0118496", "0121496",
    "0131496", "0141496", "0151496", "0161496", "0191498", "02079460", "02896496", "02920180",
)  # fmt: skip
# Digits as people write a number: spaces, hyphens, dots and brackets anywhere ("(07700) 900-412", "+44 (0)7700").
_PHONE_LIKE = re.compile(r"(?<![\w+])(?:\+|00)?\(?\d[\d\s().-]{7,20}\d(?![\d])")


def _national(written: str) -> str | None:
    """The UK national form (07700900412) of a number as written, or None when it is not a UK-length number."""
    digits = re.sub(r"\D", "", written)
    international = written.lstrip("(").startswith(("+", "00"))
    if international:
        digits = digits.removeprefix("00")
        if not digits.startswith("44"):
            return None
        digits = digits[2:]
        # "+44 (0)7700 ...": the trunk zero in brackets is written but not dialled.
        digits = digits.removeprefix("0") if re.search(r"\(0\)", written) or digits.startswith("0") else digits
        digits = "0" + digits
    return digits if digits.startswith("0") and len(digits) in (10, 11) else None


def extract_phones(text: str) -> list[Extracted]:
    """A phone number is one that Google's libphonenumber accepts as valid (or one in Ofcom's drama ranges),
    written with spaces, hyphens, dots or brackets as people write them ("07700-900412", "(01632) 960225",
    "+44 (0)7700 900412"), read as a UK number unless it carries an international prefix; it is normalised to
    E.164 (+447911123456), so "07911 123456" and "+44 7911 123456" join."""
    found = []
    for match in phonenumbers.PhoneNumberMatcher(text, "GB", leniency=phonenumbers.Leniency.VALID):
        value = phonenumbers.format_number(match.number, phonenumbers.PhoneNumberFormat.E164)
        found.append(Extracted(Kind.PHONE, match.raw_string, value, (match.start, match.end)))
    for m in _PHONE_LIKE.finditer(text):
        raw = m.group().rstrip(").- ")
        span = (m.start(), m.start() + len(raw))
        if _overlaps(span, [e.span for e in found]) or re.search(r"\d\s*[/:]\s*\d", raw):
            continue
        national = _national(raw)
        if national is None:
            continue
        if national.startswith(_DRAMA_PREFIXES) and len(national) == 11:
            found.append(Extracted(Kind.PHONE, raw, "+44" + national[1:], span))
            continue
        try:
            number = phonenumbers.parse(national, "GB")
        except phonenumbers.NumberParseException:
            continue
        if phonenumbers.is_valid_number(number):
            value = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
            found.append(Extracted(Kind.PHONE, raw, value, span))
    return found


# --- postcodes ------------------------------------------------------------------------------------------------

# The Royal Mail pattern: outward code (area letters, district digit(s), optional letter) and inward code (a digit
# and two letters that are never C, I, K, M, O or V). The inward letters rule is what keeps "A1 2PM" out.
_POSTCODE = re.compile(
    r"(?<![A-Za-z0-9])(?P<out>[A-PR-UWYZa-pr-uwyz](?:[0-9][0-9A-HJKPSTUWa-hjkpstuw]?|[A-HK-Ya-hk-y][0-9][0-9ABEHMNPRVWXYabehmnprvwxy]?))"
    r"\s?(?P<in>[0-9][ABD-HJLNP-UW-Zabd-hjlnp-uw-z]{2})(?![A-Za-z0-9])"
)


def extract_postcodes(text: str) -> list[Extracted]:
    """A UK postcode is an outward code and an inward code, in any case, with or without the space; it is
    normalised to upper case with one space ("sw1a1aa" → "SW1A 1AA")."""
    return [
        Extracted(Kind.POSTCODE, m.group(), f"{m.group('out').upper()} {m.group('in').upper()}", m.span())
        for m in _POSTCODE.finditer(text)
    ]


# --- vehicle registration marks ------------------------------------------------------------------------------

# Current (2001 on): two area letters, two age digits (02-29 March, 51-79 September), three random letters.
_VRM_CURRENT = re.compile(
    r"(?<![A-Za-z0-9])(?P<a>[A-HJ-PR-Ya-hj-pr-y][A-HJ-PR-Ya-hj-pr-y])(?:\s{0,2}|-)(?P<d>0[2-9]|[12][0-9]|[5-7][0-9])"
    r"(?:\s{0,2}|\s?-\s?)(?P<b>[A-HJ-PR-Za-hj-pr-z]{3})(?![A-Za-z0-9])"
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
    r"hatchback|saloon|estate\s*car|4x4|pickup|lorry|truck|driving|drives|drove|driven)\b",
    re.IGNORECASE,
)
# Letter groups that, written in lower case, are English words or common abbreviations rather than a mark.
_WORDISH = _words(
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


def _compact(raw: str) -> str:
    """A mark as it is kept: capitals, without the spaces and hyphens people write in it ("kx19-tvn" → KX19TVN)."""
    return re.sub(r"[\s-]+", "", raw).upper()


def _vrm_believable(raw: str, letters: Sequence[str], text: str, span: Span, *, dateless: bool) -> bool:
    compact = re.sub(r"[\s-]+", "", raw)
    is_upper = raw == raw.upper()
    has_space = compact != raw
    near = text[max(0, span[0] - 40) : min(len(text), span[1] + 25)]
    in_vehicle_talk = bool(_VEHICLE_CONTEXT.search(near))
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
    for pattern, dateless in ((_VRM_CURRENT, False), (_VRM_PREFIX, False), (_VRM_SUFFIX, False), (_VRM_DATELESS, True)):
        # Search on from just after a rejected reading, so "is 1234 AB" still finds "1234 AB".
        pos = 0
        while (m := pattern.search(text, pos)) is not None:
            raw = m.group()
            letters = [g for k, g in m.groupdict().items() if k in {"a", "b", "a2"} and g]
            if _overlaps(m.span(), spans) or not _vrm_believable(raw, letters, text, m.span(), dateless=dateless):
                pos = m.start() + 1
                continue
            found.append(Extracted(Kind.VRM, raw, _compact(raw), m.span()))
            spans.append(m.span())
            pos = m.end()
    return found


# --- part of a registration ----------------------------------------------------------------------------------

# The front of a current mark (area letters and age digits, "KX19"), or of a prefix mark ("T642").
_PLATE_FRONT = r"[A-Za-z]{2}\s?(?:0[2-9]|[12][0-9]|[5-7][0-9])|[A-Za-z][1-9][0-9]{0,2}"
_PLATE_BACK = r"[A-Za-z]{3}"
# "starts with KX19", "reg began KX", "first bit was KX19", "ends in TVN", "last three letters were TVN".
_PARTIAL_FRONT = re.compile(
    r"\b(?:start(?:s|ed|ing)?|begin(?:s|ning)?|began|first\s+(?:bit|part|half|few|two|four|letters?|numbers?)"
    r"(?:\s+(?:letters|digits|characters))?)\s+(?:(?:with|was|were|is|as|of)\s+)?(?:an?\s+)?[\"'‘“]?"
    rf"(?P<part>{_PLATE_FRONT})(?![A-Za-z0-9])",
    re.IGNORECASE,
)
_PARTIAL_BACK = re.compile(
    r"\b(?:end(?:s|ed|ing)?\s+(?:in|with|on)|last\s+(?:bit|part|half|three|3|few|letters?)"
    r"(?:\s+(?:letters|characters))?(?:\s+(?:was|were|is|are))?)\s+[\"'‘“]?"
    rf"(?P<part>{_PLATE_BACK})(?![A-Za-z0-9])",
    re.IGNORECASE,
)
# A front written as a mark in capitals in vehicle talk, the rest unread: "KX19 something", "KX19 ???".
_FRONT_THEN_UNKNOWN = re.compile(
    r"(?<![A-Za-z0-9])(?P<part>[A-Z]{2}(?:0[2-9]|[12][0-9]|[5-7][0-9]))"
    r"(?:\s*-(?![\s-]*[A-Za-z0-9])|\s*(?:\?{1,3}|_+|\*+|x{3}|something|summat|sumthin|and\s+(?:then\s+)?something|\.\.\.|…))"
)


def extract_partial_vrms(text: str, taken: Sequence[Span] = ()) -> list[Extracted]:
    """Part of a registration: its front after "starts with" / "first bit was" ("KX19" → KX19*), its last letters
    after "ends in" / "last three letters" ("TVN" → *TVN), or a front in capitals followed by "something" or "???"
    in talk about a vehicle. Letter groups that are words ("ends in the") are not plates unless in capitals."""
    found: list[Extracted] = []
    spans: list[Span] = list(taken)

    def add(m: re.Match[str], value: str) -> None:
        span = m.span("part")
        if not _overlaps(span, spans):
            found.append(Extracted(Kind.PARTIAL_VRM, m.group("part"), value, span))
            spans.append(span)

    for m in _PARTIAL_FRONT.finditer(text):
        part = m.group("part")
        letters = re.sub(r"[^A-Za-z]", "", part)
        if (letters.lower() in _WORDISH and part != part.upper()) or not re.search(r"[0-9]", part):
            continue
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
        near = text[max(0, m.start() - 40) : m.end() + 25]
        if _VEHICLE_CONTEXT.search(near):
            add(m, _compact(m.group("part")) + "*")
    return found


def partial_vrm_fits(partial: str, vrm: str) -> bool:
    """Whether a full mark fits a part of one: KX19* fits KX19TVN, *TVN fits KX19TVN."""
    if partial.endswith("*"):
        return vrm.startswith(partial[:-1])
    return vrm.endswith(partial[1:])


# --- our own appeal references -------------------------------------------------------------------------------

# W- (wanted) or M- (missing) and four characters of the references' alphabet (appeals/references.py: no 0, 1, I,
# L, O or U). Written with a hyphen or a space it is taken whatever the letters; run together ("w4k9p") only with
# a digit among them, so "watch" stays a word.
_REFERENCE = re.compile(
    r"(?<![A-Za-z0-9-])(?P<prefix>[WMwm])(?P<sep>\s?-\s?|\s|)(?P<code>[2-9A-HJKMNP-TV-Za-hjkmnp-tv-z]{4})"
    r"(?![A-Za-z0-9])"
)


def extract_references(text: str) -> list[Extracted]:
    """One of our appeal references (W-VTT2, m-4k9p, "M 4K9P"), normalised to capitals with a hyphen. Taken
    before registration marks, so a quoted reference is never read as a plate."""
    found = []
    for m in _REFERENCE.finditer(text):
        code = m.group("code")
        has_digit = re.search(r"[0-9]", code) is not None
        if not has_digit and "-" not in m.group("sep"):
            continue
        if m.group("sep") == " " and not (has_digit and re.search(r"[A-Za-z]", code)):
            continue  # "w 2345" is nothing we issue a poster with; "M 4K9P" is
        value = f"{m.group('prefix').upper()}-{code.upper()}"
        found.append(Extracted(Kind.REFERENCE, m.group(), value, m.span()))
    return found


# --- talk about a person --------------------------------------------------------------------------------------

# Words that show a text is about a person rather than a place or a problem; people write "shes" and "hes".
_PERSON_TALK = re.compile(
    r"\b(he|she|him|her|his|hers|he['’]?s|she['’]?s|hes|shes|he['’]d|she['’]d|"
    r"lad|lass|girl|boy|man|woman|bloke|guy|fella|geezer|person|poster|picture|photo|pic|kid|son|daughter|"
    r"missing|wanted|sighting|seen|saw|spotted)\b",
    re.IGNORECASE,
)


def talks_about_person(text: str) -> bool:
    """Whether the text is about a person (a pronoun, a word for a person, a sighting), also as people text it
    ("shes back at her mums", "hes been seen")."""
    return _PERSON_TALK.search(text) is not None


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
        if _overlaps(span, spans):
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


# --- person names ---------------------------------------------------------------------------------------------

_CAP_WORD = re.compile(r"\b[A-Z][a-z]+(?:['’-][A-Z]?[a-z]+)?\b|\b(?:Mc|Mac|O')[A-Z][a-z]+\b")
# Capitalised words that are not names: sentence starters, days, months, titles of things, place words.
_NOT_NAME_WORDS = {
    "i", "i'm", "i've", "im", "ive", "saw", "seen", "see", "think", "thought", "pretty", "yesterday", "today",
    "tonight", "tomorrow", "last", "this", "that", "these", "those", "my", "his", "her", "he", "she", "they", "we",
    "you", "went", "there", "it", "its", "was", "is", "just", "also", "not", "no", "yes", "hi", "hello", "dear",
    "please", "sorry", "sure", "definitely", "and", "but", "so", "then", "when", "if", "on", "in", "at", "by",
    "outside", "near", "driving", "walking", "been", "have", "has", "had", "the", "a", "an", "mate", "lad", "guy",
    "bloke", "man", "woman", "girl", "boy", "police", "officer", "sir", "madam", "mr", "mrs", "ms", "miss", "dr",
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february", "march",
    "april", "may", "june", "july", "august", "september", "october", "november", "december", "christmas",
    "easter", "road", "street", "lane", "avenue", "close", "drive", "way", "crescent", "court", "place", "square",
    "hill", "green", "park", "estate", "station", "pub", "club", "gym", "shop", "school", "hotel", "cafe", "bar",
    "inn", "arms", "centre", "facebook", "instagram", "insta", "snapchat", "tiktok", "twitter", "whatsapp",
    "google", "tesco", "asda", "aldi", "lidl", "greggs", "costa", "mcdonalds", "ford", "vauxhall", "audi",
    "mercedes", "toyota", "nissan", "honda", "transit", "corsa", "fiesta", "focus", "golf", "astra", "there's",
    "he's", "she's", "they're", "what", "where", "who", "why", "how", "anyway", "don't", "can't", "didn't",
    "thanks", "thank", "cheers", "regards", "kind", "ok", "okay", "north", "south", "east", "west", "upper",
    "lower", "new", "old", "great", "little", "big", "st", "saint", "royal", "english", "british", "polish",
    "irish", "scottish", "welsh", "asian", "black", "white", "about", "after", "before", "around", "because",
    "might", "maybe", "could", "would", "should", "will", "one", "two", "three", "did", "does", "do", "got",
    "get", "our", "your", "their", "him", "them", "us", "me", "from", "with", "for", "to", "of", "all", "some",
    "every", "each", "other", "another", "someone", "somebody", "nobody", "people", "missing", "wanted", "appeal",
    "poster", "picture", "photo", "news", "uber", "bolt", "amazon", "sky", "bbc", "itv", "nhs", "urgent", "info",
    "information", "red", "blue", "silver", "grey", "gray", "dark", "light", "young", "older", "tall", "short",
    "still", "now", "again", "often", "usually", "always", "never", "sometimes", "probably", "apparently",
    "defo", "mum", "mam", "dad", "nan", "nana", "grandad", "uncle", "auntie", "aunt", "cousin", "brother",
    "sister", "son", "daughter", "wife", "husband", "girlfriend", "boyfriend", "ex", "partner", "friend",
    "hes", "shes", "theyre", "dont", "cant", "didnt", "wasnt", "isnt", "thats", "theres", "whats", "ill", "id",
    "lol", "omg", "tbh", "idk", "pls", "plz", "def", "deffo", "ya", "yeah", "yep", "nah", "hiya",
    "rd", "ave", "ln", "cres", "sq", "tce", "gdns",
}  # fmt: skip


def extract_people(text: str, taken: Sequence[Span] = ()) -> list[Extracted]:
    """A person's name is two or three capitalised words in a row ("Darren Kellow", "Mary Anne O'Neill") none of
    which is a sentence starter, day, month, place word, brand or title. Deliberately conservative: one capitalised
    word alone is not taken as a name (appeal names are found by match_names instead), and a run that touches a
    place already found ("Millford station") is not a person. Normalised to lower case."""
    words = [(m.group(), m.start(), m.end()) for m in _CAP_WORD.finditer(text)]
    found: list[Extracted] = []
    run: list[tuple[str, int, int]] = []

    def flush() -> None:
        if 2 <= len(run) <= 3:
            span = (run[0][1], run[-1][2])
            if not _overlaps(span, taken):
                raw = text[span[0] : span[1]]
                found.append(
                    Extracted(Kind.PERSON, raw, " ".join(w for w, _, _ in run).lower().replace("’", "'"), span)
                )
        run.clear()

    for word, start, end in words:
        contiguous = bool(run) and re.fullmatch(r"[ \t]+", text[run[-1][2] : start]) is not None
        if not contiguous:
            flush()
        if word.lower().replace("’", "'") in _NOT_NAME_WORDS:
            flush()
            continue
        run.append((word, start, end))
    flush()
    return found


# --- everything -----------------------------------------------------------------------------------------------


def extract(text: str) -> list[Extracted]:
    """Every entity in the text, in the order it appears. Overlapping readings are resolved by a fixed priority:
    e-mail, profile link or handle, appeal reference, phone, postcode, part of a registration, registration mark,
    place, person."""
    found: list[Extracted] = []
    taken: list[Span] = []

    def keep(items: list[Extracted]) -> None:
        for item in items:
            if not _overlaps(item.span, taken):
                found.append(item)
                taken.append(item.span)

    keep(extract_emails(text))
    keep(extract_handles(text, taken))
    keep(extract_references(text))
    keep(extract_phones(text))
    keep(extract_postcodes(text))
    keep(extract_partial_vrms(text, taken))
    keep(extract_vrms(text, taken))
    keep(extract_places(text, taken))
    keep(extract_people(text, taken))
    found.sort(key=lambda e: e.span)
    return found


# --- appeal names in free text --------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class NameMatch:
    name: str  # the appeal's name or alias as written on the appeal
    matched: str  # the text as the reporter wrote it
    span: tuple[int, int]
    score: float  # 0-1
    part: str = "whole"  # "whole", "first" / "last" when only that word of a longer name was found, "slip" for a
    # lower-case misspelling of a one-word nickname

    @property
    def partial(self) -> bool:
        return self.part != "whole"

    @property
    def similarity(self) -> float:
        """How closely the words written match, 0-1, before the discount for naming only part of the name."""
        factor = {"whole": 1.0, "first": FIRST_NAME_ONLY, "last": SURNAME_ONLY, "slip": LOWER_SLIP_FACTOR}[self.part]
        return min(1.0, self.score / factor)


# Hyphens split: "Ellie-May" is written "Ellie May" as often as not.
_TOKEN = re.compile(r"[A-Za-z][A-Za-z'’]*")
# A misspelling is tolerated only in words long enough for a slip to leave them recognisable.
MIN_FUZZY_LENGTH = 5
FULL_NAME_CUTOFF = 84.0
WORD_CUTOFF = 80.0
SHORT_WORD_CUTOFF = 70.0
LOWER_SLIP_CUTOFF = 70.0
LOWER_SLIP_FACTOR = 0.8
# Texting words that look like misspelt nicknames ("dunno" is not Dunny).
NOT_SLIPS = frozenset(
    ["dunno", "gonna", "wanna", "gotta", "innit", "bruvs", "mates", "lolll", "proper", "really", "sorry", "smell"]
)
# A part of a name alone is weaker evidence than the whole name.
FIRST_NAME_ONLY = 0.45
SURNAME_ONLY = 0.6


def tokens(text: str) -> list[tuple[str, int, int]]:
    return [(m.group().lower().replace("’", "'"), m.start(), m.end()) for m in _TOKEN.finditer(text)]


def _word_score(said: str, name_word: str, *, fuzzy: bool = True) -> float:
    """0-100: how well one written word stands for one word of a name. Short words must be exact."""
    if said == name_word:
        return 100.0
    said_bare, name_bare = said.removesuffix("'s"), name_word
    if said_bare == name_bare:
        return 100.0
    if not fuzzy or min(len(said_bare), len(name_bare)) < MIN_FUZZY_LENGTH:
        return 0.0
    return float(fuzz.ratio(said_bare, name_bare, score_cutoff=WORD_CUTOFF))


def _lower_slip(said: str, name_word: str) -> float:
    """0-100: a one-word nickname written in lower case and misspelt ("doyla" for Doyler, "lloydie" for Lloydy,
    "jonsey" for Jonesy). Believed only in words of MIN_FUZZY_LENGTH+ letters that begin as the name does (its
    first two letters: "yellow" is never "Kellow"), close enough (LOWER_SLIP_CUTOFF), and then discounted
    (LOWER_SLIP_FACTOR), because lower-case words are mostly just words."""
    said = said.removesuffix("'s")
    if min(len(said), len(name_word)) < MIN_FUZZY_LENGTH or said[:2] != name_word[:2] or said in NOT_SLIPS:
        return 0.0
    ratio = fuzz.ratio(said, name_word, score_cutoff=LOWER_SLIP_CUTOFF)
    return ratio * LOWER_SLIP_FACTOR


def match_names(
    text: str, names: Sequence[str], *, text_tokens: list[tuple[str, int, int]] | None = None
) -> list[NameMatch]:
    """Where the text names any of the given names (an appeal's name and aliases): the whole name, misspelt or
    not ("Darren Kelow" for "Darren Kellow", "darren kellow"), scores by similarity; a word standing alone (a
    one-word alias, or part of a name) may be misspelt only when it is written capitalised, as a name, and a
    short one ("Daz") must be written as it is; the first name alone scores lower (FIRST_NAME_ONLY) and the
    surname alone a little higher (SURNAME_ONLY), because first names are shared by many. The best reading of
    each place in the text wins, and each name is reported once, at its best."""
    if text_tokens is None:
        text_tokens = tokens(text)
    best: dict[str, NameMatch] = {}

    def offer(match: NameMatch) -> None:
        current = best.get(match.name)
        if current is None or match.score > current.score:
            best[match.name] = match

    for name in names:
        parts = [t for t, _, _ in tokens(name)]
        if not parts:
            continue
        n = len(parts)
        for i in range(len(text_tokens) - n + 1):
            window = text_tokens[i : i + n]
            # One word alone is misspelt only if written as a name (capitalised): "yellow" is not "Kellow".
            fuzzy = n >= 2 or text[window[0][1]].isupper()
            scores = [_word_score(w, p, fuzzy=fuzzy) for (w, _, _), p in zip(window, parts, strict=True)]
            if n == 1 and not fuzzy and not scores[0]:
                slip = _lower_slip(window[0][0], parts[0])
                if slip:
                    span = (window[0][1], window[0][2])
                    offer(NameMatch(name, text[span[0] : span[1]], span, round(slip / 100.0, 3), part="slip"))
                continue
            if n >= 2 and 100.0 in scores:
                # Beside a word written exactly, a slip in a short word is still a slip: "Kieran Mess", "Tomasz Wolk".
                scores = [
                    s or float(fuzz.ratio(w, p, score_cutoff=SHORT_WORD_CUTOFF))
                    for s, (w, _, _), p in zip(scores, window, parts, strict=True)
                ]
            if min(scores) == 0.0:
                continue
            score = sum(scores) / (100.0 * n)
            if score * 100 >= FULL_NAME_CUTOFF:
                span = (window[0][1], window[-1][2])
                offer(NameMatch(name, text[span[0] : span[1]], span, round(score, 3)))
        if n >= 2:
            for word, start, end in text_tokens:
                for part, which, weight in ((parts[0], "first", FIRST_NAME_ONLY), (parts[-1], "last", SURNAME_ONLY)):
                    s = _word_score(word, part, fuzzy=text[start].isupper())
                    if s:
                        score = round(weight * s / 100.0, 3)
                        offer(NameMatch(name, text[start:end], (start, end), score, part=which))
    return sorted(best.values(), key=lambda m: (m.span, -m.score))
