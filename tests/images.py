"""Test images for every suite, the independent service's included: nothing here loads Django or a model."""

import io

from PIL import Image

MAKE, MODEL = 0x010F, 0x0110
DATE_TIME, ORIENTATION, GPS_IFD = 0x0132, 0x0112, 0x8825


def jpeg_with_gps(
    size: tuple[int, int] = (800, 600), *, taken_at: str | None = "2026:11:01 10:00:00", orientation: int | None = None
) -> bytes:
    """A real JPEG carrying camera, GPS and comment metadata, as a phone photo does: what every upload path must
    strip. `taken_at` (EXIF DateTime) and `orientation` (EXIF Orientation, e.g. 6: rotate 90° clockwise to
    display) are left out when None."""
    image = Image.new("RGB", size, (120, 160, 200))
    exif = Image.Exif()
    exif[MAKE] = "TestCam Maker"
    exif[MODEL] = "TestCam 3000"
    if taken_at is not None:
        exif[DATE_TIME] = taken_at
    if orientation is not None:
        exif[ORIENTATION] = orientation
    gps = exif.get_ifd(GPS_IFD)
    gps[1] = "N"
    gps[2] = (51.0, 30.0, 12.5)
    gps[3] = "W"
    gps[4] = (0.0, 7.0, 40.2)
    out = io.BytesIO()
    image.save(out, format="JPEG", exif=exif, comment=b"secret comment", icc_profile=b"fake-icc" * 10)
    return out.getvalue()
