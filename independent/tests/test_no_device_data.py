"""The anonymity proof, run against this service in-process (the end-to-end test repeats it with both
services under gunicorn): a report, a look-up and an answer sent with a distinctive address, user agent and
referrer leave no trace of them in the database (every table), the logs (at DEBUG, SQL included) or the
stored files; and no original upload is stored."""

import re

import pytest
from django.test import Client

from independent.models import CleanFile
from tests.device_probe import (  # noqa: F401 - the fixture is used by name
    CLIENT_HEADERS,
    assert_no_trace,
    database_text,
    everything_logged,
    logged_text,
    media_files,
)

from .helpers import SAME_ORIGIN, form_token, jpeg_with_gps, receipt_of, upload


@pytest.mark.django_db
def test_an_anonymous_report_leaves_no_trace_of_the_device(everything_logged, capsys, police_api):  # noqa: F811
    client = Client(**CLIENT_HEADERS)
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
    log_text = logged_text(everything_logged, capsys)
    assert "INSERT" in log_text
    assert_no_trace(log_text)
    assert all(photo != data and b"TestCam" not in data for _path, data in media_files())
    db = database_text()
    assert re.sub("-", "", code) not in db and "IMG_0001" not in db
