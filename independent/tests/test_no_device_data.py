"""The anonymity proof, run against this service in-process (the end-to-end test repeats it with both
services under gunicorn): a report, a look-up and an answer sent with a distinctive address, user agent and
referrer leave no trace of them in the database (every table), the logs (at DEBUG, SQL included) or the
stored files; and no original upload is stored."""

import io
import logging
import os
import re
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command
from django.db import connection
from django.test import Client

from independent.models import CleanFile

from .e2e import CLIENT_ADDRESS, FORWARDED_ADDRESS, NEEDLES, REFERRER, USER_AGENT
from .helpers import SAME_ORIGIN, form_token, jpeg_with_gps, receipt_of, upload


@pytest.fixture
def everything_logged(caplog):  # type: ignore[no-untyped-def]
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
    out = io.StringIO()
    call_command("dumpdata", stdout=out)
    parts = [out.getvalue()]
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names():
            cursor.execute(f"SELECT * FROM {connection.ops.quote_name(table)}")  # noqa: S608
            for row in cursor.fetchall():
                parts.extend(bytes(v).decode("latin-1") if isinstance(v, bytes | memoryview) else str(v) for v in row)
    return "\n".join(parts)


@pytest.mark.django_db
def test_an_anonymous_report_leaves_no_trace_of_the_device(everything_logged, capsys, police_api):
    client = Client(
        REMOTE_ADDR=CLIENT_ADDRESS,
        HTTP_USER_AGENT=USER_AGENT,
        HTTP_X_FORWARDED_FOR=FORWARDED_ADDRESS,
        HTTP_X_REAL_IP=FORWARDED_ADDRESS,
        HTTP_FORWARDED=f"for={FORWARDED_ADDRESS}",
        HTTP_REFERER=REFERRER,
    )
    url = "/appeals/W-7KQ2/form/"
    photo = jpeg_with_gps()
    response = client.post(
        url,
        {"form_token": form_token(client, url), "details": "At the car wash", "attachments": [upload(photo)]},
        **SAME_ORIGIN,
    )
    code = receipt_of(response)
    client.post("/follow-up/", {"receipt": "0" * 28}, **SAME_ORIGIN)
    client.post("/follow-up/", {"receipt": code}, **SAME_ORIGIN)
    client.post("/report/form/", {"details": "x"}, HTTP_ORIGIN="https://evil.example")  # refused, logged
    client.get("/appeals/W-ZZZZ/")  # a 404
    assert CleanFile.objects.count() == 1
    captured = capsys.readouterr()
    log_text = everything_logged.text + "\n".join(str(r.__dict__) for r in everything_logged.records)
    log_text += captured.out + captured.err
    assert "INSERT" in log_text
    db = database_text()
    files = [(Path(root) / n).read_bytes() for root, _d, names in os.walk(settings.MEDIA_ROOT) for n in names]
    assert files
    for needle in NEEDLES:
        assert needle not in db and needle not in log_text
        assert all(needle.encode() not in data for data in files)
    assert all(photo != data and b"TestCam" not in data for data in files)
    assert re.sub("-", "", code) not in db and "IMG_0001" not in db
