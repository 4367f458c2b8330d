"""Files from the public: each is re-encoded or refused with a reason a person can act on.

- Photos (JPEG, PNG, WebP, GIF, HEIC): re-encoded from pixels by reportkit.images, so the cleaned copy has no
  EXIF, GPS, XMP, ICC profile or comment.
- Plain text (.txt, UTF-8): re-written as normalised text, without control characters.
- PDF, Word and other documents are refused: they can carry hidden authors, tracked changes, scripts and
  embedded files, and we have no way here to clean them safely. The message asks for the words or a photo.
"""

import io
import unicodedata
import warnings
from dataclasses import dataclass

from django.conf import settings
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext, gettext_lazy, gettext_noop
from PIL import Image, UnidentifiedImageError

from .images import TOO_MANY_PIXELS, ImageRejected, reencode_image

ORIGINAL_TYPES = {
    "JPEG": "image/jpeg",
    "PNG": "image/png",
    "WEBP": "image/webp",
    "GIF": "image/gif",
    "HEIF": "image/heic",
    "MPO": "image/jpeg",
}
ACCEPTED_TEXT = gettext_lazy("Send photos (JPEG, PNG, WebP or HEIC) or plain text files (.txt).")
PDF_REFUSED = gettext_noop(
    "We cannot take PDF files: they can hide things that identify you, and we cannot clean them safely. "
    "Copy the words into the box above, or send a photo of the page."
)
OTHER_REFUSED = gettext_noop(
    "We cannot open this kind of file. Send photos (JPEG, PNG, WebP or HEIC) or plain text files (.txt). "
    "For other documents, copy the words into the box."
)


class AttachmentRejected(ValueError):
    """The file cannot be taken; the message says why in plain words."""


@dataclass(frozen=True)
class CleanAttachment:
    kind: str  # AttachmentKind value
    clean: bytes
    content_type: str
    original: bytes
    original_content_type: str
    width: int | None = None
    height: int | None = None


def _is_image(data: bytes) -> str | None:
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(data)) as probe:
                return probe.format
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
        raise AttachmentRejected(gettext(TOO_MANY_PIXELS)) from exc
    except (UnidentifiedImageError, OSError, ValueError, EOFError):
        return None


def sent_as_text(upload: UploadedFile) -> bool:
    """A file that is not an image is taken as text only when it says it is: named .txt, or unnamed and sent
    as text/plain. An SVG, an HTML page or a script is UTF-8 too, and under its own name it is refused, not
    kept as a text copy of something that was never meant as notes."""
    name = (upload.name or "").rsplit("/", 1)[-1].lower()
    if name.endswith(".txt"):
        return True
    return "." not in name and (upload.content_type or "").split(";")[0].strip() == "text/plain"


def _clean_text(data: bytes) -> bytes:
    if len(data) > settings.LOOKOUT_DOCUMENT_MAX_BYTES:
        raise AttachmentRejected(
            gettext(
                "The text file is too long. Send one smaller than %(size)s KB, or copy the most important part "
                "into the box."
            )
            % {"size": settings.LOOKOUT_DOCUMENT_MAX_BYTES // 1024}
        )
    if b"\x00" in data:
        raise AttachmentRejected(gettext(OTHER_REFUSED))
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise AttachmentRejected(gettext(OTHER_REFUSED)) from exc
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    kept = "".join(ch for ch in text if ch in "\n\t" or unicodedata.category(ch)[0] != "C")
    if not kept.strip():
        raise AttachmentRejected(gettext("The text file is empty."))
    return kept.encode("utf-8")


def _too_large(max_bytes: int) -> str:
    return gettext("The file is too large. Send one smaller than %(size)s MB.") % {"size": max_bytes // (1024 * 1024)}


def clean_attachment(upload: UploadedFile) -> CleanAttachment:
    """Re-encode one upload, or raise AttachmentRejected with the reason."""
    max_bytes: int = settings.LOOKOUT_IMAGE_MAX_BYTES
    if upload.size is not None and upload.size > max_bytes:
        raise AttachmentRejected(_too_large(max_bytes))
    data = upload.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise AttachmentRejected(_too_large(max_bytes))
    if not data:
        raise AttachmentRejected(gettext("The file is empty."))
    if data.startswith(b"%PDF"):
        raise AttachmentRejected(gettext(PDF_REFUSED))
    image_format = _is_image(data)
    if image_format is not None:
        try:
            clean = reencode_image(io.BytesIO(data), size=len(data))
        except ImageRejected as exc:
            raise AttachmentRejected(str(exc)) from exc
        return CleanAttachment(
            kind="image",
            clean=clean.full,
            content_type="image/jpeg",
            original=data,
            original_content_type=ORIGINAL_TYPES.get(image_format, "application/octet-stream"),
            width=clean.width,
            height=clean.height,
        )
    if not sent_as_text(upload):
        raise AttachmentRejected(gettext(OTHER_REFUSED))
    return CleanAttachment(
        kind="text",
        clean=_clean_text(data),
        content_type="text/plain; charset=utf-8",
        original=data,
        original_content_type="text/plain",
    )
