"""Slowing down receipt guessing without tracking anyone, and without letting a guesser lock everyone out.

Failed look-ups are counted per minute in one of BUCKETS buckets, in the shared cache. The bucket is a keyed
hash of the first PREFIX_LENGTH characters of the code that was typed: nothing about who typed it is used or
kept, and the counter does not reveal those characters (sixteen prefixes share a bucket and the key is secret).
Once a bucket's count reaches LOOKOUT_FOLLOW_UP_FAILURES_PER_MINUTE, every look-up of a code in that bucket
(right or wrong) waits for the next minute, so guessing faster gains nothing. A flood of wrong codes in one
bucket delays only the honest reporters whose code falls in it (1 in 65,536); to delay everyone a guesser must
fill every bucket, about two million requests a minute at the default limit. The arithmetic is in
docs/adr/0032-receipt-guessing.md.
"""

import hashlib
import hmac
import time

from django.conf import settings
from django.core.cache import cache

PREFIX_LENGTH = 4  # 20 bits of the 140: 2**20 prefixes over the buckets
BUCKETS = 65_536


def receipt_bucket(code: str) -> int:
    """The bucket of a canonical code: HMAC-SHA256 of its first characters, keyed apart from the stored hash."""
    key = hmac.new(settings.LOOKOUT_RECEIPT_KEY.encode(), b"lookout-throttle-bucket", hashlib.sha256).digest()
    digest = hmac.new(key, code[:PREFIX_LENGTH].encode(), hashlib.sha256).digest()
    return int.from_bytes(digest[:4], "big") % BUCKETS


def _key(bucket: int, now: float | None = None) -> str:
    minute = int((time.time() if now is None else now) // 60)
    return f"reporting:failed-lookups:{minute}:{bucket}"


def lookups_blocked(code: str) -> bool:
    """True while this minute's failed look-ups in the code's bucket have reached the limit."""
    return int(cache.get(_key(receipt_bucket(code)), 0)) >= settings.LOOKOUT_FOLLOW_UP_FAILURES_PER_MINUTE


def failed_lookup_count(code: str) -> None:
    key = _key(receipt_bucket(code))
    # add() then incr() is atomic on Redis and the local-memory cache; the key expires after its minute.
    cache.add(key, 0, timeout=120)
    try:
        cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, timeout=120)
