"""Uploaded images are re-encoded: metadata gone, size limited, non-images refused."""

import io

import pytest
from PIL import Image

from appeals.images import ImageRejected, reencode_image
from tests import images


def jpeg_with_gps() -> bytes:
    return images.jpeg_with_gps((1200, 900), orientation=6)  # Orientation 6: rotate 90° clockwise to display


def test_jpeg_metadata_is_stripped_and_orientation_applied():
    raw = jpeg_with_gps()
    with Image.open(io.BytesIO(raw)) as original:
        assert original.getexif().get_ifd(0x8825)  # the test image really carries GPS
    clean = reencode_image(io.BytesIO(raw), size=len(raw))
    for data in (clean.full, clean.thumbnail):
        with Image.open(io.BytesIO(data)) as image:
            assert image.format == "JPEG"
            assert not image.getexif()
            assert "icc_profile" not in image.info
            assert "comment" not in image.info
            assert "exif" not in image.info
        assert b"TestCam" not in data and b"secret comment" not in data
    # Orientation 6 means the stored 1200x900 pixels display as 900x1200.
    assert (clean.width, clean.height) == (900, 1200)


def test_large_images_are_scaled_down():
    out = io.BytesIO()
    Image.new("RGB", (4000, 3000), (1, 2, 3)).save(out, format="PNG")
    clean = reencode_image(io.BytesIO(out.getvalue()))
    assert max(clean.width, clean.height) == 1600


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"%PDF-1.4 not an image", "not an image"),
        (b"", "not an image"),
        (b"\xff\xd8\xff\xe0 truncated jpeg", "not an image"),
    ],
)
def test_non_images_are_refused_with_a_clear_message(content, message):
    with pytest.raises(ImageRejected, match=message):
        reencode_image(io.BytesIO(content))


def test_unsupported_format_is_refused():
    out = io.BytesIO()
    Image.new("RGB", (10, 10)).save(out, format="BMP")
    with pytest.raises(ImageRejected, match="JPEG, PNG, WebP or GIF"):
        reencode_image(io.BytesIO(out.getvalue()))


def test_oversized_file_is_refused(settings):
    settings.LOOKOUT_IMAGE_MAX_BYTES = 1000
    with pytest.raises(ImageRejected, match="too large"):
        reencode_image(io.BytesIO(b"x" * 2000), size=2000)


def test_too_many_pixels_is_refused(settings):
    settings.LOOKOUT_IMAGE_MAX_PIXELS = 100
    out = io.BytesIO()
    Image.new("RGB", (20, 20)).save(out, format="PNG")
    with pytest.raises(ImageRejected, match="too many pixels"):
        reencode_image(io.BytesIO(out.getvalue()))
