"""Hostile uploads on the charity's anonymous form (issue 9, suite): the same generated corpus as the police
side (tests/hostile_corpus.py); each file is refused clearly or kept only as a clean copy, and a photo over
5 MB never touches a temporary file."""

import io
import os
import tempfile

import pytest
from django.test import Client
from PIL import Image

from independent.models import AnonymousReport, CleanFile
from independent.sealing import sealed_open
from tests.hostile_corpus import Hostile, assert_clean_copy, assert_refused_or_taken, corpus

from .helpers import SAME_ORIGIN, form_token

pytestmark = pytest.mark.django_db

CORPUS = corpus()


def _post(files: list[tuple[str, bytes]]):  # type: ignore[no-untyped-def]
    client = Client(raise_request_exception=False)
    uploads = []
    for name, data in files:
        buffer = io.BytesIO(data)
        buffer.name = name
        uploads.append(buffer)
    data = {"form_token": form_token(client, "/report/form/"), "details": "x", "crime_category": "violence"}
    return client.post("/report/form/", data | {"attachments": uploads}, **SAME_ORIGIN)


@pytest.mark.parametrize("item", CORPUS, ids=[item.label for item in CORPUS])
def test_each_hostile_file_is_refused_clearly_or_kept_only_clean(item: Hostile, police_api):
    response = _post([(item.name, item.data)])
    if not assert_refused_or_taken(item, response):
        assert not AnonymousReport.objects.exists()
        return
    with CleanFile.objects.get().clean_file.open("rb") as handle:
        assert_clean_copy(sealed_open(handle.read()))  # the charity seals files at rest (ADR 0031)


def test_six_files_are_refused(police_api):
    photo = next(item for item in CORPUS if item.label == "photo with GPS")
    html = _post([(f"IMG_{i}.jpg", photo.data) for i in range(6)]).content.decode()
    assert "Choose 5 files or fewer" in html and not AnonymousReport.objects.exists()


def test_a_photo_over_5_mb_is_never_written_to_a_temporary_file(police_api, settings, monkeypatch, tmp_path):
    settings.FILE_UPLOAD_TEMP_DIR = str(tmp_path)
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    image = Image.frombytes("RGB", (1500, 1300), os.urandom(1500 * 1300 * 3))
    out = io.BytesIO()
    image.save(out, format="PNG", compress_level=1)
    assert out.tell() > 5 * 1024 * 1024
    before = tmp_path.stat().st_mtime_ns, sorted(p.name for p in tmp_path.iterdir())
    response = _post([("IMG_big.png", out.getvalue())])
    assert "receipt-code" in response.content.decode()
    assert (tmp_path.stat().st_mtime_ns, sorted(p.name for p in tmp_path.iterdir())) == before
