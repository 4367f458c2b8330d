"""Receipt guessing (issue 9, item 10): wrong codes are limited per bucket of codes, so a guesser cannot lock
every honest reporter out of follow-ups, and nothing about anyone is kept to do it (docs/adr/0032)."""

import pytest
from django.core.cache import cache
from django.test import Client

from appeals.tests.factories import published
from reporting.tests.factories import submit
from reportkit import throttle
from reportkit.receipts import ALPHABET, receipt_normalise
from reportkit.views import THROTTLED

# The public forms take posts from our own pages only (reportkit.views.same_origin).
SAME_ORIGIN = {"HTTP_SEC_FETCH_SITE": "same-origin"}

pytestmark = pytest.mark.django_db


def _bucket(code: str) -> object:
    # Before buckets existed every code shared one counter; this keeps the test meaningful (failing) there.
    return getattr(throttle, "receipt_bucket", lambda _code: "site")(code)


def _wrong_codes_outside(good: str, count: int) -> list[str]:
    """Wrong codes with many different prefixes, none in the honest code's bucket."""
    codes = []
    for i in range(len(ALPHABET) ** 2):
        code = ALPHABET[i % 32] + ALPHABET[i // 32] + "ZZ" + "0" * 24
        if code[:4] != good[:4] and (_bucket(code) != _bucket(good) or _bucket(good) == "site"):
            codes.append(code)
        if len(codes) == count:
            return codes
    raise AssertionError("not enough prefixes")


def test_wrong_codes_in_many_buckets_do_not_lock_out_an_honest_reporter(settings):
    settings.LOOKOUT_FOLLOW_UP_FAILURES_PER_MINUTE = 3
    good = submit(published()).receipt_code
    attacker = Client(**SAME_ORIGIN)
    for code in _wrong_codes_outside(receipt_normalise(good or "") or "", 100):
        for _ in range(3):
            attacker.post("/follow-up/", {"receipt": code})
    honest = Client(**SAME_ORIGIN)
    page = honest.post("/follow-up/", {"receipt": good})
    assert page.status_code == 200 and "Received. We have your information" in page.content.decode()
    assert honest.post("/follow-up/reply/", {"receipt": good, "body": "x"}).status_code == 200


def test_a_bucket_under_attack_is_limited_for_every_code_in_it(settings):
    settings.LOOKOUT_FOLLOW_UP_FAILURES_PER_MINUTE = 3
    good = receipt_normalise(submit(published()).receipt_code or "") or ""
    same_prefix = good[:4] + ("0" * 24 if good[4:] != "0" * 24 else "1" * 24)  # same bucket, wrong code
    attacker = Client(**SAME_ORIGIN)
    for _ in range(3):
        assert attacker.post("/follow-up/", {"receipt": same_prefix}).status_code == 200
    assert attacker.post("/follow-up/", {"receipt": same_prefix}).status_code == 429
    blocked = Client(**SAME_ORIGIN).post("/follow-up/", {"receipt": good})
    assert blocked.status_code == 429 and THROTTLED in blocked.content.decode()


def test_the_counters_hold_only_a_minute_and_a_bucket_number(settings):
    settings.LOOKOUT_FOLLOW_UP_FAILURES_PER_MINUTE = 3
    Client(**SAME_ORIGIN).post("/follow-up/", {"receipt": "7KQ2" + "0" * 24}, HTTP_USER_AGENT="Probe/1.0")
    keys = [k for k in cache._cache if "failed-lookups" in k]  # type: ignore[attr-defined]
    assert keys
    for key in keys:
        minute, bucket = key.rsplit(":", 2)[-2:]
        assert minute.isdigit() and bucket.isdigit() and int(bucket) < throttle.BUCKETS
        assert "7KQ2" not in key and "Probe" not in key
