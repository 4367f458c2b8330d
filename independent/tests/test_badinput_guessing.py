"""Receipt guessing on the charity's follow-up and reward pages (issue 9, item 10): the limit is per bucket
of codes (reportkit.throttle), so wrong codes elsewhere never lock an honest reporter out."""

import pytest
from django.test import Client

from reportkit import throttle
from reportkit.receipts import ALPHABET

from .helpers import SAME_ORIGIN, form_token, receipt_of

pytestmark = pytest.mark.django_db


def _report(client: Client) -> str:
    data = {"form_token": form_token(client, "/report/form/"), "details": "x", "crime_category": "violence"}
    return receipt_of(client.post("/report/form/", data, **SAME_ORIGIN)).replace("-", "")


def test_wrong_codes_elsewhere_do_not_lock_out_follow_up_or_reward(police_api, settings):
    settings.LOOKOUT_FOLLOW_UP_FAILURES_PER_MINUTE = 2
    good = _report(Client())
    attacker = Client()
    # Before buckets existed every code shared one counter ("site"); the test then fails, as it should.
    bucket = getattr(throttle, "receipt_bucket", lambda _code: "site")
    outside = [
        code
        for i in range(32 * 32)
        if (code := ALPHABET[i % 32] + ALPHABET[i // 32] + "ZZ" + "0" * 24)[:4] != good[:4]
        and (bucket(code) != bucket(good) or bucket(good) == "site")
    ]
    for code in outside[:60]:
        for _ in range(2):
            attacker.post("/follow-up/", {"receipt": code}, **SAME_ORIGIN)
    honest = Client()
    page = honest.post("/follow-up/", {"receipt": good}, **SAME_ORIGIN)
    assert page.status_code == 200 and "Your information" in page.content.decode()
    claim = honest.post("/follow-up/claim/", {"receipt": good}, **SAME_ORIGIN)
    assert claim.status_code == 200


def test_a_bucket_under_attack_is_limited_on_the_reward_page_too(police_api, settings):
    settings.LOOKOUT_FOLLOW_UP_FAILURES_PER_MINUTE = 2
    good = _report(Client())
    wrong = good[:4] + ("0" * 24 if good[4:] != "0" * 24 else "1" * 24)
    for _ in range(2):
        Client().post("/follow-up/claim/", {"receipt": wrong}, **SAME_ORIGIN)
    assert Client().post("/follow-up/", {"receipt": good}, **SAME_ORIGIN).status_code == 429
    assert Client().post("/follow-up/claim/", {"receipt": good}, **SAME_ORIGIN).status_code == 429
