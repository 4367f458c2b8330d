"""The anonymity proof: a report sent with a distinctive address, user agent and referrer leaves no trace of
them in the database (every table), the logs (at DEBUG, SQL included) or the media folder."""

import io
import logging
import os
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command
from django.db import connection
from django.test import Client

from appeals.tests.factories import published
from deploy import gunicorn_conf
from reporting.models import Attachment, InformationReport, Message
from reportkit.formtoken import form_token_new

from .factories import jpeg_with_gps, upload

CLIENT_ADDRESS = "203.0.113.77"
FORWARDED_ADDRESS = "198.51.100.42"
USER_AGENT = "DistinctiveAgent/9.9 (LookoutProbe; Zx81)"
REFERRER = "https://referrer-probe.example.net/came-from"
NEEDLES = [CLIENT_ADDRESS, FORWARDED_ADDRESS, "DistinctiveAgent", "LookoutProbe", "referrer-probe"]


@pytest.fixture
def everything_logged(caplog: pytest.LogCaptureFixture) -> Iterator[pytest.LogCaptureFixture]:
    """Capture every logger at DEBUG, including Django's (which do not propagate) and SQL with parameters."""
    names = ["", "django", "django.request", "django.server", "django.db.backends", "django.security"]
    loggers = [logging.getLogger(name) for name in names]
    saved = [(lg, lg.level) for lg in loggers]
    for lg in loggers:
        lg.setLevel(logging.DEBUG)
        lg.addHandler(caplog.handler)
    caplog.handler.setLevel(logging.DEBUG)
    connection.force_debug_cursor = True
    try:
        yield caplog
    finally:
        connection.force_debug_cursor = False
        for lg, level in saved:
            lg.setLevel(level)
            lg.removeHandler(caplog.handler)


def database_text() -> str:
    """A full dump (dumpdata) plus a raw scan of every table, binary columns included."""
    out = io.StringIO()
    call_command("dumpdata", stdout=out)
    parts = [out.getvalue()]
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names():
            cursor.execute(f"SELECT * FROM {connection.ops.quote_name(table)}")  # noqa: S608 - table names from introspection
            for row in cursor.fetchall():
                for value in row:
                    if isinstance(value, bytes | memoryview):
                        parts.append(bytes(value).decode("latin-1"))
                    else:
                        parts.append(str(value))
    return "\n".join(parts)


def media_bytes() -> list[tuple[Path, bytes]]:
    found = []
    for root, _dirs, files in os.walk(settings.MEDIA_ROOT):
        for name in files:
            path = Path(root) / name
            found.append((path, path.read_bytes()))
    return found


def _record_text(record: logging.LogRecord) -> str:
    """Everything a handler could write for this record, including the request an error report would dump."""
    text = str(record.__dict__)
    request = getattr(record, "request", None)
    if request is not None and hasattr(request, "META"):
        text += repr(request.META)
    return text


def assert_no_trace(log_text: str) -> None:
    db = database_text()
    media = media_bytes()
    assert media, "the test must have stored files to search"
    for needle in NEEDLES:
        assert needle not in db, f"{needle} found in the database"
        assert needle not in log_text, f"{needle} found in the logs"
        for path, data in media:
            assert needle.encode() not in data, f"{needle} found in {path}"


@pytest.mark.django_db
def test_report_with_device_details_leaves_no_trace(everything_logged, capsys):
    appeal = published()
    client = Client(
        REMOTE_ADDR=CLIENT_ADDRESS,
        HTTP_USER_AGENT=USER_AGENT,
        HTTP_X_FORWARDED_FOR=FORWARDED_ADDRESS,
        HTTP_X_REAL_IP=FORWARDED_ADDRESS,
        HTTP_FORWARDED=f"for={FORWARDED_ADDRESS}",
        HTTP_REFERER=REFERRER,
        HTTP_SEC_FETCH_SITE="same-origin",
    )
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
    captured = capsys.readouterr()
    log_text = everything_logged.text + "\n".join(_record_text(r) for r in everything_logged.records)
    assert "INSERT" in log_text  # the SQL really was logged, parameters and all
    assert_no_trace(log_text + captured.out + captured.err)


def test_served_app_access_log_has_no_client_address_user_agent_or_referrer():
    for directive in ("%(h)s", "%(a)s", "%(f)s", "%({x-forwarded-for}i)s"):
        assert directive not in gunicorn_conf.access_log_format
