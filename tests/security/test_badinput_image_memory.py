"""Memory amplification (issue 9, item 12): an image is refused by the pixels its header declares, before
decoding, and a decode that is allowed stays within a stated bound. Measured in a subprocess (peak RSS), so
the figures are the cleaning's own, not the test runner's."""

import io
import json
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

import pytest
from PIL import Image

from reporting.tests.factories import submit, upload
from reportkit.attachments import AttachmentRejected, clean_attachment
from tests.hostile_corpus import MARKERS, png_declaring

ROOT = Path(__file__).resolve().parents[2]
# Cleaning the largest image we take (24 MP PNG, 52 MP baseline JPEG decoded reduced) adds less than this to a
# process's peak memory; before the fix a 40 MP PNG took a worker from 90 MB to 670 MB. Figures:
# bench/image_memory.py.
PEAK_GROWTH_BOUND_MB = 200
PHONE_48MP = (8064, 6048)


def _clean_in_subprocess(path: Path) -> dict[str, Any]:
    script = textwrap.dedent(
        f"""
        import json, os, django
        os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lookout.settings.test")
        django.setup()
        from django.core.files.uploadedfile import SimpleUploadedFile
        from reportkit.attachments import AttachmentRejected, clean_attachment
        data = open({str(path)!r}, "rb").read()
        def status(field):
            for line in open("/proc/self/status"):
                if line.startswith(field + ":"):
                    return int(line.split()[1]) // 1024
        with open("/proc/self/clear_refs", "w") as refs:
            refs.write("5")  # resets the peak (VmHWM) to the current RSS
        before = status("VmRSS")
        try:
            clean = clean_attachment(SimpleUploadedFile("a.png", data, content_type="image/png"))
            outcome = f"taken {{clean.width}}x{{clean.height}}"
        except AttachmentRejected as exc:
            outcome = "refused: " + str(exc)
        peak = status("VmHWM")
        print(json.dumps({{"before_mb": before, "peak_mb": peak, "outcome": outcome}}))
        """
    )
    done = subprocess.run(  # noqa: S603 - our own interpreter and script
        [sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, timeout=120, check=True
    )
    return json.loads(done.stdout.strip().splitlines()[-1])


def _photo_in_subprocess(path: Path, *, progressive: bool = False) -> Path:
    """A generated 48 MP phone-sized JPEG, written by a subprocess: building it holds the full bitmap (about
    150 MB), which the test runner should not keep."""
    script = (
        "from tests.hostile_corpus import photo_jpeg; "
        f"open({str(path)!r}, 'wb').write(photo_jpeg(*{PHONE_48MP!r}, progressive={progressive!r}))"
    )
    subprocess.run([sys.executable, "-c", script], cwd=ROOT, timeout=120, check=True)  # noqa: S603
    return path


@pytest.fixture(scope="module")
def phone_photo(tmp_path_factory) -> Path:
    return _photo_in_subprocess(tmp_path_factory.mktemp("photo") / "IMG_48MP.jpg")


def test_a_small_png_declaring_40_megapixels_is_refused_before_decoding(tmp_path):
    data = png_declaring(8000, 5000)
    assert len(data) < 200_000
    path = tmp_path / "bomb.png"
    path.write_bytes(data)
    result = _clean_in_subprocess(path)
    assert str(result["outcome"]).startswith("refused: The image has too many pixels")
    assert int(result["peak_mb"]) - int(result["before_mb"]) < 20  # nothing was decoded


@pytest.mark.parametrize("size", [(6000, 4000), (4898, 4898)])
def test_the_largest_image_taken_is_cleaned_within_the_memory_bound(tmp_path, size):
    path = tmp_path / "large.png"
    path.write_bytes(png_declaring(*size))
    result = _clean_in_subprocess(path)
    assert str(result["outcome"]).startswith("taken 1600x")
    assert int(result["peak_mb"]) - int(result["before_mb"]) < PEAK_GROWTH_BOUND_MB, result


@pytest.mark.django_db
def test_pillow_bomb_guard_is_a_refusal_not_a_crash():
    # Pillow raises its own DecompressionBombError past twice MAX_IMAGE_PIXELS, even for formats whose
    # header we read through another route (here GIF): it is a clear refusal too.
    out = io.BytesIO()
    Image.new("P", (10, 10)).save(out, format="GIF")
    data = bytearray(out.getvalue())
    data[6:10] = (20000).to_bytes(2, "little") + (20000).to_bytes(2, "little")  # logical screen 400 MP
    with pytest.raises(AttachmentRejected, match="too many pixels|not an image"):
        clean_attachment(upload(bytes(data), "a.gif", "image/gif"))


def test_a_48_megapixel_phone_jpeg_is_taken_within_the_memory_bound(phone_photo):
    # Decoded at 1/4 scale (draft) it never becomes the 146 MB full-size bitmap: about 40 MB at peak.
    result = _clean_in_subprocess(phone_photo)
    assert result["outcome"] == "taken 1600x1200", result
    assert int(result["peak_mb"]) - int(result["before_mb"]) < PEAK_GROWTH_BOUND_MB, result


@pytest.mark.django_db
def test_a_48_megapixel_phone_jpeg_is_stored_as_a_clean_copy_without_metadata(phone_photo):
    raw = phone_photo.read_bytes()
    with Image.open(io.BytesIO(raw)) as original:
        assert original.size == PHONE_48MP and original.getexif()  # the test photo really carries EXIF
    report = submit(files=[clean_attachment(upload(raw, "IMG_48MP.jpg"))]).report
    stored = report.attachments.get()
    with stored.clean_file.open("rb") as handle:
        clean = handle.read()
    with Image.open(io.BytesIO(clean)) as image:
        assert image.format == "JPEG" and max(image.size) <= 1600
        assert (stored.width, stored.height) == image.size
        assert not image.getexif()
        for key in ("exif", "icc_profile", "comment", "xmp"):
            assert key not in image.info
    assert not [marker for marker in MARKERS if marker in clean]


def test_a_progressive_48_megapixel_jpeg_keeps_the_strict_limit(tmp_path):
    # libjpeg holds every coefficient of a progressive JPEG at full size whatever the scale, so it is not
    # decoded reduced and is refused by its header like a PNG would be.
    path = _photo_in_subprocess(tmp_path / "progressive.jpg", progressive=True)
    result = _clean_in_subprocess(path)
    assert str(result["outcome"]).startswith("refused: The image has too many pixels"), result


def test_a_format_that_cannot_be_decoded_reduced_keeps_the_24_megapixel_limit():
    out = io.BytesIO()
    Image.new("P", (10, 10)).save(out, format="GIF")
    data = bytearray(out.getvalue())
    data[6:10] = (6000).to_bytes(2, "little") + (5000).to_bytes(2, "little")  # 30 MP: under JPEG's limit
    with pytest.raises(AttachmentRejected, match="too many pixels"):
        clean_attachment(upload(bytes(data), "a.gif", "image/gif"))
