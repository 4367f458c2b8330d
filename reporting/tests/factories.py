"""Reports made the way the public makes them: through reporting.services."""

import io
import uuid
from typing import Any

from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from appeals.models import Appeal
from reporting import services
from reporting.attachments import CleanAttachment, clean_attachment

DISTINCTIVE_TEXT = "He drives a green van and goes to the Mill Street gym"


def answers(**overrides: Any) -> dict[str, Any]:
    data = {
        "details": DISTINCTIVE_TEXT,
        "acquaintance": "of_them",
        "last_seen_when": "Yesterday about 6pm",
        "last_seen_where": "Mill Street",
        "in_your_area": "yes",
        "vehicle_make": "Ford",
        "vehicle_model": "Transit",
        "vehicle_colour": "Green",
        "vehicle_registration": "QZ71 XLR",
        "places": "Mill Street gym",
        "companions": "Two friends",
    }
    return data | overrides


def jpeg_with_gps(size: tuple[int, int] = (800, 600)) -> bytes:
    """A real JPEG carrying camera, GPS and comment metadata, as a phone photo does."""
    image = Image.new("RGB", size, (120, 160, 200))
    exif = Image.Exif()
    exif[0x010F] = "TestCam Maker"  # Make
    exif[0x0110] = "TestCam 3000"  # Model
    exif[0x0132] = "2026:11:01 10:00:00"  # DateTime
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


def clean_photo() -> CleanAttachment:
    return clean_attachment(upload(jpeg_with_gps()))


def submit(
    appeal: Appeal | None = None,
    *,
    contact: dict[str, str] | None = None,
    files: list[CleanAttachment] | None = None,
    urgent: bool = False,
    token: uuid.UUID | None = None,
    **overrides: Any,
) -> services.Submitted:
    return services.report_submit(
        token=token or uuid.uuid4(),
        appeal=appeal,
        answers=answers(**overrides),
        crime_category="" if appeal else "drugs",
        urgent=urgent,
        contact=contact,
        files=files,
    )
