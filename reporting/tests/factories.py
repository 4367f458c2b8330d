"""Reports made the way the public makes them: through reporting.services."""

import uuid
from typing import Any

from django.core.files.uploadedfile import SimpleUploadedFile

from appeals.models import Appeal
from reporting import services
from reporting.attachments import CleanAttachment, clean_attachment
from tests.images import jpeg_with_gps

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
