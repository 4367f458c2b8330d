"""A version number kept in the shared cache: readers key what they build on it, writers bump it, and every
process drops what it built from the old data. A fresh cache starts from the clock, so a version never repeats."""

import time

from django.core.cache import cache

# What the public may see of appeals (appeals.public_cache bumps it; lookout.page_cache keys pages on it).
PUBLIC_VERSION_KEY = "appeals:public-version"


def version(key: str) -> int:
    current = cache.get(key)
    if current is None:
        cache.add(key, time.time_ns(), timeout=None)
        current = cache.get(key, 0)
    return int(current)


def bump(key: str) -> None:
    try:
        cache.incr(key)
    except ValueError:  # not in the cache (evicted or never read)
        cache.set(key, time.time_ns(), timeout=None)
