"""Helpers for the independent service's tests: a fake police API, same-origin posts, operators."""

import re
import urllib.parse
from datetime import timedelta
from decimal import Decimal
from typing import Any

from django.contrib.auth.models import Group, User
from django.test import Client
from django.utils import timezone

from independent.models import AnonymousReport, Reward
from independent.services import OPERATOR_GROUP, reward_offer
from partner.testing import QuietHandler, send_json, serve_loopback
from reportkit.tests.factories import upload as upload  # re-exported for the tests here
from tests import images

SAME_ORIGIN = {"HTTP_SEC_FETCH_SITE": "same-origin"}


def appeal_item(reference: str, kind: str, title: str, **fields: Any) -> dict[str, Any]:
    """One appeal as GET /api/v1/public/appeals gives it (partner.public_api.AppealOut), absolute URLs and all."""
    page = f"https://police.example/appeals/{reference}/"
    item: dict[str, Any] = {
        "reference": reference,
        "kind": kind,
        "status": "current",
        "title": title,
        "summary": "",
        "name": title,
        "aliases": [],
        "sex": None,
        "age_min": None,
        "age_max": None,
        "height_cm": None,
        "build": None,
        "hair": None,
        "eyes": None,
        "distinguishing_features": None,
        "vehicle": None,
        "description": None,
        "caution": None,
        "wanted_reason": None,
        "offence_category": None,
        "offence_summary": None,
        "last_seen_on": None,
        "last_seen_place": None,
        "vulnerability": None,
        "reward_text": None,
        "areas": [],
        "publication": "2026-11-20T09:00:00Z",
        "modified": "2026-11-21T09:00:00Z",
        "url": page,
        "report_url": page + "report/",
        "images": [],
    }
    return item | fields


APPEALS = [
    appeal_item(
        "W-7KQ2",
        "wanted",
        "Darren Kellow",
        summary="Wanted: robbery",
        caution="Do not approach him.",
        offence_summary="Armed robbery at a petrol station.",
        wanted_reason="offence",
        offence_category="robbery",
    ),
    appeal_item("M-3XPD", "missing", "Jodie Pryce", summary="Missing from Millford", last_seen_place="Millford"),
]


class FakePoliceApi:
    """Serves GET /api/v1/public/appeals like the police service, a page at a time (`page_size` caps the size
    a client asks for, to make it follow `next`); can be stopped to play "down". Counts the requests it
    answers (`hits`), so a test can prove which code calls the police."""

    def __init__(self, page_size: int = 100) -> None:
        self.hits = 0
        self.appeals = list(APPEALS)
        self.page_size = page_size
        fake = self

        class Handler(QuietHandler):
            def do_GET(self) -> None:  # noqa: N802
                fake.hits += 1
                send_json(self, fake.page(self.path))

        self.server = serve_loopback(Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"

    def page(self, target: str) -> dict[str, Any]:
        parts = urllib.parse.urlsplit(target)
        query = dict(urllib.parse.parse_qsl(parts.query))
        number, size = int(query.get("page", 1)), min(int(query.get("page_size", 20)), self.page_size)
        start = (number - 1) * size

        def link(n: int) -> str:
            return f"{self.url}{parts.path}?{urllib.parse.urlencode(query | {'page': n})}"

        return {
            "total": len(self.appeals),
            "page": number,
            "page_size": size,
            "next": link(number + 1) if start + size < len(self.appeals) else None,
            "previous": link(number - 1) if number > 1 else None,
            "items": self.appeals[start : start + size],
        }

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
