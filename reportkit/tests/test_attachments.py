"""Files from the public: photos lose every piece of metadata; other files are cleaned or refused clearly."""

import io

import pytest
from PIL import Image

from reportkit.attachments import PDF_REFUSED, AttachmentRejected, clean_attachment

from .factories import jpeg_with_gps, upload


def test_photo_with_gps_is_reencoded_without_metadata_and_original_kept_intact():
    raw = jpeg_with_gps()
    with Image.open(io.BytesIO(raw)) as original:
        assert original.getexif().get_ifd(0x8825)  # the test photo really carries GPS
    clean = clean_attachment(upload(raw))
    assert clean.kind == "image" and clean.content_type == "image/jpeg"
    with Image.open(io.BytesIO(clean.clean)) as image:
        assert image.format == "JPEG"
        assert not image.getexif()
        for key in ("exif", "icc_profile", "comment", "xmp"):
            assert key not in image.info
    assert b"TestCam" not in clean.clean and b"secret comment" not in clean.clean
    assert clean.original == raw and clean.original_content_type == "image/jpeg"


def test_heic_photo_is_taken_and_becomes_a_jpeg():
    out = io.BytesIO()
    Image.new("RGB", (320, 240), (10, 200, 30)).save(out, format="HEIF")
    clean = clean_attachment(upload(out.getvalue(), "IMG_0002.HEIC", "image/heic"))
    assert clean.original_content_type == "image/heic"
    with Image.open(io.BytesIO(clean.clean)) as image:
        assert image.format == "JPEG" and image.size == (320, 240)


@pytest.mark.parametrize("fmt", ["PNG", "WEBP"])
def test_png_and_webp_are_taken(fmt):
    out = io.BytesIO()
    Image.new("RGB", (50, 40)).save(out, format=fmt)
    assert clean_attachment(upload(out.getvalue(), f"x.{fmt.lower()}")).kind == "image"


def test_plain_text_is_rewritten_without_control_characters():
    clean = clean_attachment(upload("Caf\u00e9 on Mill St\r\nvan\x1b[31m QZ71\x07".encode(), "notes.txt", "text/plain"))
    assert clean.kind == "text"
    assert clean.clean.decode() == "Caf\u00e9 on Mill St\nvan[31m QZ71"


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"%PDF-1.7\n...", "cannot take PDF"),
        (b"PK\x03\x04word-document\x00\x00", "cannot open this kind of file"),
        (b"\xff\xfe\x00bad", "cannot open this kind of file"),
        (b"", "empty"),
        (b"   \n", "cannot open this kind of file"),  # text only as .txt: empty.txt says "empty"
        (b"\xff\xd8\xff\xe0 truncated jpeg", "cannot open this kind of file"),
    ],
)
def test_other_files_are_refused_with_a_reason(data, message):
    with pytest.raises(AttachmentRejected, match=message):
        clean_attachment(upload(data, "file.bin", "application/octet-stream"))
    assert "photo of the page" in PDF_REFUSED


def test_text_is_taken_only_under_a_text_name():
    with pytest.raises(AttachmentRejected, match="empty"):
        clean_attachment(upload(b"   \n", "empty.txt", "text/plain"))
    for name, content_type in [("evil.svg", "image/svg+xml"), ("photo.jpg", "image/jpeg"), ("page.html", "text/html")]:
        with pytest.raises(AttachmentRejected, match="cannot open this kind of file"):
            clean_attachment(upload(b"<svg><script>alert(1)</script></svg>", name, content_type))
    assert clean_attachment(upload(b"notes", "file", "text/plain")).kind == "text"  # as the partner sends


def test_size_limits(settings):
    settings.LOOKOUT_IMAGE_MAX_BYTES = 1000
    with pytest.raises(AttachmentRejected, match="too large"):
        clean_attachment(upload(b"x" * 2000, "big.txt", "text/plain"))
    settings.LOOKOUT_IMAGE_MAX_BYTES = 10_000
    settings.LOOKOUT_DOCUMENT_MAX_BYTES = 100
    with pytest.raises(AttachmentRejected, match="text file is too long"):
        clean_attachment(upload(b"a" * 500, "long.txt", "text/plain"))
