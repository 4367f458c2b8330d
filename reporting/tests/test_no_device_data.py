"""The anonymity proof: a report sent with a distinctive address, user agent and referrer leaves no trace of
them in the database (every table), the logs (at DEBUG, SQL included) or the media folder."""

import re

import pytest
from django.test import Client

from appeals.tests.factories import published
from deploy import gunicorn_conf
from reporting.models import Attachment, InformationReport, Message
from reportkit.formtoken import form_token_new
from tests.device_probe import (  # noqa: F401 - the fixture is used by name
    CLIENT_HEADERS,
    assert_no_trace,
    everything_logged,
    logged_text,
)

from .factories import jpeg_with_gps, upload


@pytest.mark.django_db
def test_report_with_device_details_leaves_no_trace(everything_logged, capsys):  # noqa: F811 - the fixture
    appeal = published()
    client = Client(**CLIENT_HEADERS, HTTP_SEC_FETCH_SITE="same-origin")
    client.get(f"/appeals/{appeal.reference}/report/", {"now": "no"})
    data = {
        "token": form_token_new("report"),
        "details": "Seen at the market",
        "contact_name": "Alex Witness",
        "attachments": [upload(jpeg_with_gps()), upload(b"note", "n.txt", "text/plain")],
    }
    response = client.post(f"/appeals/{appeal.reference}/report/form/", data)
    assert response.status_code == 200
    code = re.search(r'id="receipt-code">([0-9A-Z-]+)<', response.content.decode()).group(1)
    client.post("/follow-up/", {"receipt": "0" * 28})  # a failure, which is counted
    client.post("/follow-up/", {"receipt": code})
    reply = {
        "receipt": code,
        "token": form_token_new("follow_up"),
        "body": "More",
        "attachments": [upload(jpeg_with_gps())],
    }
    assert client.post("/follow-up/reply/", reply).status_code == 200
    client.get("/appeals/W-ZZZZ/report/")  # a 404, which Django logs
    assert InformationReport.objects.count() == 1 and Message.objects.count() == 1
    assert Attachment.objects.count() == 3
    log_text = logged_text(everything_logged, capsys)
    assert "INSERT" in log_text  # the SQL really was logged, parameters and all
    assert_no_trace(log_text)


def test_served_app_access_log_has_no_client_address_user_agent_or_referrer():
    for directive in ("%(h)s", "%(a)s", "%(f)s", "%({x-forwarded-for}i)s"):
        assert directive not in gunicorn_conf.access_log_format
