"""The cache behind the public gallery and lists. Keys carry a version number; any change to what the public
may see bumps the version, so every cached page is dropped at once (takedown within a second)."""

from collections.abc import Callable
from typing import TypeVar

from django.conf import settings
from django.core.cache import cache
from django.utils.translation import get_language

from lookout.cache_version import PUBLIC_VERSION_KEY, bump, version
from reportkit.memo import Memo

VERSION_KEY = PUBLIC_VERSION_KEY
TIMEOUT_SECONDS = 300
# Each process keeps what it read last: the key carries the public version, so a takedown is never served from
# here (the next request asks for the new version's key). Callers must not change what they are given.
KEPT = Memo(512)
T = TypeVar("T")


def public_version() -> int:
    return version(VERSION_KEY)


def purge_public_cache() -> None:
    """Invalidate every cached public surface."""
    bump(VERSION_KEY)


def cached_public(name: str, build: Callable[[], T]) -> T:
    """One copy per language: what is built carries the page's language (labels, dates, Welsh text). Read from
    this process's memo, else the shared cache, else built. None is never kept, so a made-up reference fills no
    cache (and is built again each time it is asked for)."""
    key = f"appeals:public:{public_version()}:{get_language() or settings.LANGUAGE_CODE}:{name}"
    value: T | None = KEPT.read_through(key, cache.get)
    if value is None:
        value = build()
        if value is not None:
            cache.set(key, value, TIMEOUT_SECONDS)
            KEPT.put(key, value)
    return value
