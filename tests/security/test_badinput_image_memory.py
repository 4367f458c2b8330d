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

from reporting.attachments import AttachmentRejected, clean_attachment
from reporting.tests.factories import upload
from tests.hostile_corpus import png_declaring

ROOT = Path(__file__).resolve().parents[2]
# Cleaning the largest image we take (24 MP) adds less than this to a process's peak memory; before the
# fix a 40 MP PNG took a worker from 90 MB to 670 MB. Figures: bench/image_memory.py.
PEAK_GROWTH_BOUND_MB = 200


def _clean_in_subprocess(path: Path) -> dict[str, Any]:
    script = textwrap.dedent(
        f"""
        import json, os, django
        os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lookout.settings.test")
        django.setup()
        from django.core.files.uploadedfile import SimpleUploadedFile
        from reporting.attachments import AttachmentRejected, clean_attachment
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
