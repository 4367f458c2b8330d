"""Uploaded files are held in memory only: never spooled to a temporary file, because an original photo
carries its GPS position and camera details until it is cleaned, and an anonymous original must not be
written anywhere (issue 9, item 11).

Memory is bounded two ways. A request whose declared length is over LOOKOUT_UPLOAD_MAX_REQUEST_BYTES is
refused before any of it is read (a 400 page that says what the limits are). Within a request, at most
LOOKOUT_IMAGE_MAX_BYTES + 1 bytes of each file are kept; the rest is read and dropped, and the file keeps its
real size, so the form refuses it as too large (reportkit.attachments.clean_attachment) with a clear message.
"""

from io import BytesIO
from typing import Any

from django.conf import settings
from django.core.exceptions import RequestDataTooBig
from django.core.files.uploadedfile import InMemoryUploadedFile
from django.core.files.uploadhandler import FileUploadHandler


class UploadTooLarge(RequestDataTooBig):
    """The request declares more bytes than any form here takes; refused before reading it."""


class MemoryOnlyUploadHandler(FileUploadHandler):
    """Keeps each file in a BytesIO, truncated past the per-file limit; never touches the disk."""

    def handle_raw_input(
        self,
        input_data: Any,
        META: dict[str, Any],  # noqa: N803 - the name Django calls it by
        content_length: int,
        boundary: str,
        encoding: str | None = None,
    ) -> None:
        if content_length is not None and content_length > settings.LOOKOUT_UPLOAD_MAX_REQUEST_BYTES:
            raise UploadTooLarge("The upload is larger than any form here accepts.")

    def new_file(self, *args: Any, **kwargs: Any) -> None:
        super().new_file(*args, **kwargs)
        self.file = BytesIO()
        self.kept = 0

    def receive_data_chunk(self, raw_data: bytes, start: int) -> None:
        room = settings.LOOKOUT_IMAGE_MAX_BYTES + 1 - self.kept
        if room > 0:
            self.file.write(raw_data[:room])
            self.kept += min(room, len(raw_data))

    def file_complete(self, file_size: int) -> InMemoryUploadedFile:
        self.file.seek(0)
        return InMemoryUploadedFile(
            file=self.file,
            field_name=self.field_name,
            name=self.file_name,
            content_type=self.content_type,
            size=file_size,  # the real size, so a truncated file is refused as too large
            charset=self.charset,
            content_type_extra=self.content_type_extra,
        )
