"""Peak memory of cleaning one image, by declared size and format (issue 9, item 12): each in a fresh subprocess.

DJANGO_SETTINGS_MODULE=lookout.settings.test .venv/bin/python bench/image_memory.py
"""

import os
import sys
import tempfile
from pathlib import Path

import django

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lookout.settings.test")
django.setup()

from tests.hostile_corpus import photo_jpeg, png_declaring  # noqa: E402 - after django.setup()
from tests.security import test_badinput_image_memory as probe  # noqa: E402 - needs django.setup()

folder = Path(tempfile.mkdtemp())
for size in [(8000, 5000), (6000, 4000), (4898, 4898), (4000, 3000)]:
    path = folder / "probe.png"
    path.write_bytes(png_declaring(*size))
    print(size, f"{path.stat().st_size} bytes", probe._clean_in_subprocess(path))  # noqa: SLF001
# Phone photos at full resolution (48/50 MP, generated patterns): baseline JPEGs are decoded reduced (draft);
# a progressive one keeps the 24 MP limit. Each is generated here, so this process grows, not the probe's.
for size, progressive in [((8064, 6048), False), ((8160, 6120), False), ((8064, 6048), True)]:
    path = folder / "probe.jpg"
    path.write_bytes(photo_jpeg(*size, progressive=progressive))
    label = "progressive JPEG" if progressive else "JPEG"
    print(size, label, f"{path.stat().st_size} bytes", probe._clean_in_subprocess(path))  # noqa: SLF001
