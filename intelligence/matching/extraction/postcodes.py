"""UK postcodes."""

import re

from .entities import Extracted, Kind

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
