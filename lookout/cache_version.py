"""A version number kept in the shared cache: readers key what they build on it, writers bump it, and every
process drops what it built from the old data. A fresh cache starts from the clock, so a version never repeats."""

import time
from functools import cache as once
from typing import Any

from django.core.cache import cache, caches
from django.core.cache.backends.redis import RedisCache

# What the public may see of appeals (appeals.public_cache bumps it; lookout.page_cache keys pages on it).
PUBLIC_VERSION_KEY = "appeals:public-version"


@once
def _redis_client(backend: RedisCache) -> Any:
    # Django's Redis backend builds a new client object for every call (about 0.2 ms of CPU: it copies the
    # command table); the public version is read on every public request, so each process keeps one client
    # over the backend's own (thread-safe) connection pool.
    return backend._cache.get_client(write=False)  # type: ignore[attr-defined]


def _read(key: str) -> int | None:
    backend = caches["default"]  # the same object `cache` stands for in this thread
    if isinstance(backend, RedisCache):
        raw = _redis_client(backend).get(backend.make_and_validate_key(key))
        return None if raw is None else int(raw)  # Django stores an int as its digits (RedisSerializer)
    current = cache.get(key)
    return None if current is None else int(current)


def version(key: str) -> int:
    current = _read(key)
    if current is None:
        cache.add(key, time.time_ns(), timeout=None)
        current = cache.get(key, 0)
    return int(current)


def bump(key: str) -> None:
    try:
        cache.incr(key)
    except ValueError:  # not in the cache (evicted or never read)
        cache.set(key, time.time_ns(), timeout=None)
