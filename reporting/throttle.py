"""Slowing down receipt guessing without tracking anyone.

Failed look-ups are counted for the whole site per minute, in the shared cache, with nothing about who made
them. Once the count reaches LOOKOUT_FOLLOW_UP_FAILURES_PER_MINUTE, every look-up (right or wrong) waits for
the next minute, so a guesser gains nothing by trying faster. With 140-bit codes guessing is hopeless anyway;
this keeps it so. The price: a flood of wrong codes makes honest people wait up to a minute.
"""

import time

from django.conf import settings
from django.core.cache import cache


def _key(now: float | None = None) -> str:
    minute = int((time.time() if now is None else now) // 60)
    return f"reporting:failed-lookups:{minute}"


def lookups_blocked() -> bool:
    """True while this minute's failed look-ups have reached the limit."""
    return int(cache.get(_key(), 0)) >= settings.LOOKOUT_FOLLOW_UP_FAILURES_PER_MINUTE


def failed_lookup_count() -> None:
    key = _key()
    # add() then incr() is atomic on Redis and the local-memory cache; the key expires after its minute.
    cache.add(key, 0, timeout=120)
    try:
        cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, timeout=120)
