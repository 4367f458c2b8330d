"""Helpers for the independent service's tests: a fake police API, same-origin posts, operators."""

import re
from datetime import timedelta
from decimal import Decimal

from django.contrib.auth.models import Group, User
from django.test import Client
from django.utils import timezone

from independent.models import AnonymousReport, Reward
from independent.services import OPERATOR_GROUP, reward_offer
from partner.testing import QuietHandler, send_json, serve_loopback
from reportkit.tests.factories import upload as upload  # re-exported for the tests here
from tests import images

SAME_ORIGIN = {"HTTP_SEC_FETCH_SITE": "same-origin"}
APPEALS = [
    {
        "reference": "W-7KQ2",
        "kind": "wanted",
        "title": "Darren Kellow",
        "summary": "Wanted: robbery",
        "details": {"Name": "Darren Kellow"},
        "caution_note": "Do not approach him.",
        "offence_summary": "Armed robbery at a petrol station.",
        "url": "/appeals/W-7KQ2/",
    },
    {
        "reference": "M-3XPD",
        "kind": "missing",
        "title": "Jodie Pryce",
        "summary": "Missing from Millford",
        "details": {},
        "caution_note": "",
        "offence_summary": "",
        "url": "/appeals/M-3XPD/",
    },
]


class FakePoliceApi:
    """Serves GET /api/v1/public/appeals like the police service; can be stopped to play "down". Counts the
    requests it answers (`hits`), so a test can prove which code calls the police."""

    def __init__(self) -> None:
        self.hits = 0
        self.appeals = list(APPEALS)
        fake = self

        class Handler(QuietHandler):
            def do_GET(self) -> None:  # noqa: N802
                fake.hits += 1
                send_json(self, fake.appeals)

        self.server = serve_loopback(Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()


def make_operator(username: str = "olu.operator") -> User:
    user = User.objects.create_user(username=username, password="operator-pass-2026")  # noqa: S106
    group, _ = Group.objects.get_or_create(name=OPERATOR_GROUP)
    user.groups.add(group)
    return user


def offer_reward(report: AnonymousReport, operator: User, amount: int) -> Reward:
    """The operator offers `amount` GBP, open for 30 days, on a report whose outcome has arrived."""
    report.refresh_from_db()
    return reward_offer(
        report=report,
        actor=operator,
        amount=Decimal(amount),
        currency="GBP",
        expires_on=timezone.localdate() + timedelta(days=30),
    )


def form_token(client: Client, url: str) -> str:
    page = client.get(url).content.decode()
    match = re.search(r'name="form_token" value="([^"]+)"', page)
    assert match, "the page has no form token"
    return match.group(1)


def receipt_of(response) -> str:  # type: ignore[no-untyped-def]
    match = re.search(r'id="receipt-code">([0-9A-Z-]+)<', response.content.decode())
    assert match, "no receipt shown"
    return match.group(1)


def jpeg_with_gps(size: tuple[int, int] = (800, 600)) -> bytes:
    """A phone photo with camera, GPS and comment metadata (tests.images), without the time it was taken."""
    return images.jpeg_with_gps(size, taken_at=None)
