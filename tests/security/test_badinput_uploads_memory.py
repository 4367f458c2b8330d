"""Uploads never touch the disk (issue 9, item 11): a photo over 5 MB, posted through the real multipart
parser, leaves no file in FILE_UPLOAD_TEMP_DIR or the temp directory; a file over the limit is refused with
a clear message, and a request over the total limit is refused before it is read."""

import io
import os
import tempfile
from pathlib import Path

import pytest
from django.test import Client
from PIL import Image

from appeals.tests.factories import published
from reporting.models import Attachment
from reportkit.formtoken import form_token_new

# The public forms take posts from our own pages only (reportkit.views.same_origin).
SAME_ORIGIN = {"HTTP_SEC_FETCH_SITE": "same-origin"}

pytestmark = pytest.mark.django_db


def big_png_with_gps() -> bytes:
    """About 5.9 MB of noise (it cannot compress), carrying GPS and camera EXIF."""
    image = Image.frombytes("RGB", (1500, 1300), os.urandom(1500 * 1300 * 3))
    exif = Image.Exif()
    exif[0x010F] = "TestCam Maker"
    exif.get_ifd(0x8825)[2] = (51.0, 30.0, 12.5)
    out = io.BytesIO()
    image.save(out, format="PNG", exif=exif, compress_level=1)
    return out.getvalue()


def _entries(folder: Path) -> tuple[int, list[str]]:
    # The folder's mtime changes when any entry is created or removed, even one deleted again at once.
    return folder.stat().st_mtime_ns, sorted(p.name for p in folder.iterdir())


def _report(attachment: bytes, name: str = "IMG_0001.png") -> dict[str, object]:
    return {
        "token": form_token_new("report"),
        "details": "He drives a green van",
        "acquaintance": "of_them",
        "attachments": [_named(attachment, name)],
    }


def _named(data: bytes, name: str) -> io.BytesIO:
    buffer = io.BytesIO(data)
    buffer.name = name
    return buffer


def test_a_photo_over_5_mb_is_never_written_to_a_temporary_file(settings, monkeypatch, tmp_path):
    upload_dir = tmp_path / "uploads"
    temp_dir = tmp_path / "tmp"
    upload_dir.mkdir()
    temp_dir.mkdir()
    settings.FILE_UPLOAD_TEMP_DIR = str(upload_dir)
    monkeypatch.setattr(tempfile, "tempdir", str(temp_dir))  # anything using tempfile lands here too
    photo = big_png_with_gps()
    assert len(photo) > 5 * 1024 * 1024
    before = _entries(upload_dir), _entries(temp_dir)
    response = Client(**SAME_ORIGIN).post(f"/appeals/{published().reference}/report/form/", _report(photo))
    assert response.status_code == 200 and "receipt-code" in response.content.decode()
    assert (_entries(upload_dir), _entries(temp_dir)) == before
    stored = Attachment.objects.get()
    with stored.clean_file.open("rb") as handle, Image.open(handle) as clean:
        assert clean.format == "JPEG" and not clean.getexif() and "exif" not in clean.info
    with stored.clean_file.open("rb") as handle:
        assert b"TestCam" not in handle.read()


def test_a_file_over_the_limit_is_refused_clearly_and_kept_only_up_to_the_limit(settings):
    settings.LOOKOUT_IMAGE_MAX_BYTES = 1024 * 1024
    response = Client(**SAME_ORIGIN).post(
        f"/appeals/{published().reference}/report/form/", _report(os.urandom(3 * 1024 * 1024))
    )
    assert response.status_code == 200
    assert "The file is too large. Send one smaller than 1 MB." in response.content.decode()
    assert not Attachment.objects.exists()


def test_a_request_over_the_total_limit_is_refused_unread(settings):
    settings.LOOKOUT_UPLOAD_MAX_REQUEST_BYTES = 2 * 1024 * 1024
    response = Client(**SAME_ORIGIN).post(
        f"/appeals/{published().reference}/report/form/", _report(os.urandom(3 * 1024 * 1024))
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert "smaller than 8 MB" in html and "Traceback" not in html
