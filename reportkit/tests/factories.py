"""Probes both services' tests share; like the kit, nothing here loads a model."""

import io

from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image


def jpeg_with_gps(size: tuple[int, int] = (800, 600), *, orientation: int | None = None) -> bytes:
    """A real JPEG carrying camera, GPS and comment metadata, as a phone photo does."""
    image = Image.new("RGB", size, (120, 160, 200))
    exif = Image.Exif()
    exif[0x010F] = "TestCam Maker"  # Make
    exif[0x0110] = "TestCam 3000"  # Model
    exif[0x0132] = "2026:11:01 10:00:00"  # DateTime
    if orientation is not None:
        exif[0x0112] = orientation  # 6: rotate 90° clockwise to display
    gps = exif.get_ifd(0x8825)
    gps[1] = "N"
    gps[2] = (51.0, 30.0, 12.5)
    gps[3] = "W"
    gps[4] = (0.0, 7.0, 40.2)
    out = io.BytesIO()
    image.save(out, format="JPEG", exif=exif, comment=b"secret comment", icc_profile=b"fake-icc" * 10)
    return out.getvalue()


def upload(data: bytes, name: str = "IMG_0001.jpg", content_type: str = "image/jpeg") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, data, content_type=content_type)
