"""Probes both services' tests share; like the kit, nothing here loads a model. The phone photo itself is
tests.images' (one generator for every suite)."""

from django.core.files.uploadedfile import SimpleUploadedFile

from tests.images import jpeg_with_gps

__all__ = ["jpeg_with_gps", "upload"]


def upload(data: bytes, name: str = "IMG_0001.jpg", content_type: str = "image/jpeg") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, data, content_type=content_type)
