"""The appeal feeds carry nothing of the people who answered an appeal: not their words, not their contact details,
not even that someone did (issue 13, item 1)."""

import pytest
from django.test import Client

from appeals.tests.factories import published
from reporting.tests.factories import DISTINCTIVE_TEXT, submit

pytestmark = pytest.mark.django_db

CONTACT = {"name": "Petra Reporterson", "phone": "07700 900123", "email": "petra.reporterson@example.org"}


def test_a_report_on_an_appeal_changes_nothing_in_either_feed(client: Client):
    appeal = published()
    urls = ["/appeals/feed.atom", "/appeals/feed.json", "/appeals/feed.json?kind=wanted&area=eastbrook"]
    before = {url: client.get(url) for url in urls}
    submit(appeal, contact=CONTACT, details="Petra saw him at Mill Street")
    for url, earlier in before.items():
        response = client.get(url)
        body = response.content.decode()
        assert appeal.reference in body, url
        for personal in [*CONTACT.values(), "Petra", "Mill Street", DISTINCTIVE_TEXT]:
            assert personal not in body, (url, personal)
        assert response["ETag"] == earlier["ETag"], url  # a report is not a change readers can see
        assert client.get(url, HTTP_IF_NONE_MATCH=earlier["ETag"]).status_code == 304, url


def test_a_report_changes_nothing_in_the_cap_alerts_either(client: Client):
    """The CAP 1.2 alert and its index (issue 13, item 8) carry released information only."""
    from appeals.models import AppealKind

    appeal = published(AppealKind.MISSING)
    urls = ["/appeals/alerts.cap.xml", f"/cap/{appeal.reference}.xml"]
    before = {url: client.get(url).content for url in urls}
    submit(appeal, contact=CONTACT, details="Petra saw her at Mill Street")
    for url, earlier in before.items():
        body = client.get(url).content
        assert body == earlier, url
        for personal in [*CONTACT.values(), "Petra", "Mill Street", DISTINCTIVE_TEXT]:
            assert personal not in body.decode(), (url, personal)
