"""E-mail addresses and social-media handles."""

import re
from collections.abc import Sequence

from .entities import Extracted, Kind, Span, overlaps

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
        if handle in _NOT_PROFILES or overlaps(m.span(), spans):
            continue
        platform = _PLATFORM_HOSTS[m.group("host").lower()]
        found.append(Extracted(Kind.HANDLE, m.group(), f"{platform}:{handle}", m.span()))
        spans.append(m.span())
    for m in _AT_HANDLE.finditer(text):
        if overlaps(m.span(), spans) or m.group("handle").isdigit():
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
        if overlaps(span, spans) or handle.isdigit() or len(handle) < 3:
            continue
        if not m.group("said") and not looks_like_handle:
            continue
        platform = _PLATFORM_WORDS[m.group("platform").lower()]
        found.append(Extracted(Kind.HANDLE, m.group("handle"), f"{platform}:{handle}", span))
        spans.append(span)
    return found
