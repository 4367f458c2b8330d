"""Nothing is lost (ADR 0030): an appeal that closes while someone fills in its form takes their words anyway,
as a report without the appeal; the page says the appeal has ended and never shows the person's name."""

import re

import pytest
from django.test import Client, TestCase

from appeals import services as appeal_services
from appeals.models import Outcome
from appeals.tests.factories import published
from audit.models import AuditEvent
from reporting.models import InformationReport

from .factories import DISTINCTIVE_TEXT

pytestmark = pytest.mark.django_db

RECEIPT = re.compile(r'id="receipt-code">([0-9A-Z-]+)<')
NAME = "Ended Person"


def _shown_form(client: Client) -> tuple[str, str]:
    """An appeal's form as the public saw it (with the name), then the appeal closed: its URL and token."""
    appeal = published(subject_name=NAME)
    url = f"/appeals/{appeal.reference}/report/form/"
    page = client.get(url).content.decode()
    assert NAME in page
    token = re.search(r'name="token" value="([^"]+)"', page)
    assert token
    # As in production, the close's on-commit work runs (it purges the public cache the form is read through).
    with TestCase.captureOnCommitCallbacks(execute=True):
        appeal_services.appeal_close(appeal=appeal, actor=appeal.author, outcome=Outcome.ARRESTED, note="")
    return url, token.group(1)


def test_a_report_sent_after_the_appeal_closed_is_kept_once_without_the_appeal(client: Client):
    url, token = _shown_form(client)
    data = {"token": token, "details": DISTINCTIVE_TEXT, "last_seen_where": "Mill Street"}

    first = client.post(url, data)
    page = first.content.decode()
    assert first.status_code == 200 and RECEIPT.search(page) and NAME not in page
    assert "has ended" in page and "received your information" in page
    again = client.post(url, data)  # a double click, or a retry
    assert again.status_code == 200 and NAME not in again.content.decode()
    assert RECEIPT.search(again.content.decode()).group(1) == RECEIPT.search(page).group(1)  # type: ignore[union-attr]

    report = InformationReport.objects.get()
    assert report.appeal is None and report.details == DISTINCTIVE_TEXT and report.last_seen_where == "Mill Street"
    reference = url.split("/")[2]
    assert AuditEvent.objects.get(action="report.received").detail["ended_appeal"] == reference
    ended = client.get(url)
    assert ended.status_code == 410 and NAME not in ended.content.decode()


def test_an_invalid_post_after_the_appeal_closed_shows_the_errors_without_the_name(client: Client):
    url, token = _shown_form(client)
    response = client.post(url, {"token": token, "details": ""})
    page = response.content.decode()
    assert response.status_code == 200 and "govuk-error-summary" in page and NAME not in page
    assert not InformationReport.objects.exists()
