"""Phone numbers, UK by default, normalised to E.164."""

import re

import phonenumbers

from .entities import Extracted, Kind, overlaps

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
        if overlaps(span, [e.span for e in found]) or re.search(r"\d\s*[/:]\s*\d", raw):
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
