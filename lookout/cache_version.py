"""A version number kept in the shared cache: readers key what they build on it, writers bump it, and every
process drops what it built from the old data. A fresh cache starts from the clock, so a version never repeats."""

import time
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

from django.core.cache import cache

# What the public may see of appeals (appeals.public_cache bumps it; lookout.page_cache keys pages on it).
PUBLIC_VERSION_KEY = "appeals:public-version"


# Within one request the version is read once (request_snapshot): the page cache, the view and the public
# cache it reads agree on one version, and a surge costs one cache read per request instead of one per use.
_snapshot: ContextVar[dict[str, int] | None] = ContextVar("cache_version_snapshot", default=None)


@contextmanager
def request_snapshot() -> Iterator[None]:
    """Versions read inside are read once and kept until the block ends (or this process bumps them)."""
    token = _snapshot.set({})
    try:
        yield
    finally:
        _snapshot.reset(token)


def version(key: str) -> int:
    """One GET (the Redis backend keeps its client, lookout.redis_cache), or none inside a request snapshot."""
    memo = _snapshot.get()
    if memo is not None and key in memo:
        return memo[key]
    current = cache.get(key)
    if current is None:
        cache.add(key, time.time_ns(), timeout=None)
        current = cache.get(key, 0)
    if memo is not None:
        memo[key] = int(current)
    return int(current)


def bump(key: str) -> None:
    memo = _snapshot.get()
    if memo is not None:
        memo.pop(key, None)  # what this request reads next comes after its own change
    try:
        cache.incr(key)
    except ValueError:  # not in the cache (evicted or never read)
        cache.set(key, time.time_ns(), timeout=None)
