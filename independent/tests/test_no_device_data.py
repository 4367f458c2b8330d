"""The anonymity proof, run against this service in-process (the end-to-end test repeats it with both
services under gunicorn): a report, a look-up and an answer sent with a distinctive address, user agent and
referrer leave no trace of them in the database (every table), the logs (at DEBUG, SQL included) or the
stored files; and no original upload is stored."""

import re

import pytest
from django.test import Client

from independent.models import CleanFile
from tests.device_probe import CLIENT_HEADERS, NEEDLES, database_text, everything_logged, media_files  # noqa: F401

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
    captured = capsys.readouterr()
    log_text = everything_logged.text + "\n".join(str(r.__dict__) for r in everything_logged.records)
    log_text += captured.out + captured.err
    assert "INSERT" in log_text
    db = database_text()
    files = [data for _path, data in media_files()]
    assert files
    for needle in NEEDLES:
        assert needle not in db and needle not in log_text
        assert all(needle.encode() not in data for data in files)
    assert all(photo != data and b"TestCam" not in data for data in files)
    assert re.sub("-", "", code) not in db and "IMG_0001" not in db
