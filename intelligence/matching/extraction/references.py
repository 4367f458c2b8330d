"""Our own appeal references, quoted from a poster or the page."""

import re

from .entities import Extracted, Kind

# --- our own appeal references -------------------------------------------------------------------------------

# W- (wanted) or M- (missing) and four characters of the references' alphabet (appeals/references.py: no 0, 1, I,
# L, O or U). Written with a hyphen or a space it is taken whatever the letters; run together ("w4k9p") only with
# a digit among them, so "watch" stays a word. With a hyphen ("W-P8LM") any four letters or digits are taken:
# a slip of the pen or an older scheme is still one of our references, never a registration.
_ALPHABET = re.compile(r"[2-9A-HJKMNP-TV-Za-hjkmnp-tv-z]{4}")
_REFERENCE = re.compile(
    r"(?<![A-Za-z0-9-])(?P<prefix>[WMwm])(?P<sep>\s?-\s?|\s|)(?P<code>[A-Za-z0-9]{4})(?![A-Za-z0-9])"
)


def extract_references(text: str) -> list[Extracted]:
    """One of our appeal references (W-VTT2, m-4k9p, "M 4K9P"), normalised to capitals with a hyphen. Taken
    before registration marks, so a quoted reference is never read as a plate."""
    found = []
    for m in _REFERENCE.finditer(text):
        code = m.group("code")
        if "-" not in m.group("sep") and not _ALPHABET.fullmatch(code):
            continue
        has_digit = re.search(r"[0-9]", code) is not None
        if not has_digit and "-" not in m.group("sep"):
            continue
        if m.group("sep") == " " and not (has_digit and re.search(r"[A-Za-z]", code)):
            continue  # "w 2345" is nothing we issue a poster with; "M 4K9P" is
        value = f"{m.group('prefix').upper()}-{code.upper()}"
        found.append(Extracted(Kind.REFERENCE, m.group(), value, m.span()))
    return found
