"""An appeal's images: public only as their appeal is, and only those its assessment releases."""

import uuid
from typing import TYPE_CHECKING

from django.conf import settings
from django.db import models
from django.db.models import F
from django.utils.translation import gettext_lazy as _

if TYPE_CHECKING:
    pass
from .appeal import PUBLIC, Appeal


class ImageKind(models.TextChoices):
    PHOTO = "photo", _("Photograph supplied by family or friends")
    CUSTODY = "custody", _("Custody image")
    CCTV = "cctv", _("CCTV still")
    EFIT = "efit", _("E-fit or artist's impression")
    VEHICLE = "vehicle", _("Vehicle")
    OTHER = "other", _("Other")


def _image_path(instance: "AppealImage", filename: str) -> str:
    return f"appeals/{uuid.uuid4().hex}.jpg"


class AppealImageQuerySet(models.QuerySet["AppealImage"]):
    """An image is public because its appeal is: the filter is the appeal's own rule through `appeal_field`
    (as Read the Docs' RelatedProjectQuerySetBase.public() follows its project_field), never a copy of it."""

    appeal_field = "appeal"

    def public(self) -> "AppealImageQuerySet":
        """Images the public may see: of a public appeal, and released by that appeal's publicity assessment."""
        released = {f"{self.appeal_field}__assessment__released_images": F("pk")}
        return self.filter(PUBLIC.q(via=self.appeal_field), **released)


class AppealImage(models.Model):
    """An image re-encoded on upload (metadata stripped). Served only through a view that checks the
    appeal is still public, so closing an appeal stops every image URL at once."""

    appeal = models.ForeignKey(Appeal, on_delete=models.CASCADE, related_name="images")
    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    kind = models.CharField(max_length=10, choices=ImageKind.choices, default=ImageKind.PHOTO)
    alt_text = models.CharField(
        "description for people who cannot see the image", max_length=200, help_text="For example: Photo of Sam."
    )
    image = models.FileField(upload_to=_image_path)
    thumbnail = models.FileField(upload_to=_image_path)
    width = models.PositiveIntegerField()
    height = models.PositiveIntegerField()
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    uploaded_at = models.DateTimeField(auto_now_add=True)

    objects = AppealImageQuerySet.as_manager()

    class Meta:
        ordering = ["id"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} for {self.appeal.reference}"
