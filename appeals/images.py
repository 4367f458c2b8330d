"""Re-encoding uploaded images: anything that is not a real image is refused; what is kept has no metadata
(EXIF, GPS, XMP, ICC profile, comments), is size-limited, and comes with a thumbnail.

Used for appeal images and for the public's attachments (reporting.attachments). HEIC/HEIF (iPhone photos)
is read through pillow-heif and, like every other format, written out as a fresh JPEG."""

import io
from dataclasses import dataclass
from typing import IO

from django.conf import settings
from PIL import Image, ImageOps, UnidentifiedImageError
from pillow_heif import register_heif_opener

register_heif_opener()

ACCEPTED_FORMATS = {"JPEG", "PNG", "WEBP", "GIF", "HEIF"}
FULL_SIZE = (1600, 1600)
THUMB_SIZE = (480, 600)


class ImageRejected(ValueError):
    """The upload is not an image we can use; the message says why in plain words."""


@dataclass(frozen=True)
class CleanImage:
    full: bytes
    thumbnail: bytes
    width: int
    height: int


def _encode(image: Image.Image) -> bytes:
    out = io.BytesIO()
    # A fresh JPEG written from pixels alone: no exif=, icc_profile= or comment= is passed, so none is kept.
    image.save(out, format="JPEG", quality=85, optimize=True, progressive=True)
    return out.getvalue()


def reencode_image(upload: IO[bytes], *, size: int | None = None) -> CleanImage:
    max_bytes: int = settings.LOOKOUT_IMAGE_MAX_BYTES
    if size is not None and size > max_bytes:
        raise ImageRejected(f"The image is too large. Choose one smaller than {max_bytes // (1024 * 1024)} MB.")
    try:
        with Image.open(upload) as probe:
            if probe.format not in ACCEPTED_FORMATS:
                raise ImageRejected("The file must be a JPEG, PNG, WebP or GIF image, or a HEIC photo.")
            if probe.width * probe.height > settings.LOOKOUT_IMAGE_MAX_PIXELS:
                raise ImageRejected("The image has too many pixels. Choose a smaller image.")
            probe.verify()
        upload.seek(0)
        with Image.open(upload) as original:
            original.load()
            # Apply the camera's rotation to the pixels, since the EXIF tag that carried it is dropped.
            upright = ImageOps.exif_transpose(original)
            converted = upright.convert("RGB")
            # Rebuild from raw pixels so nothing in .info (comments, ICC, XMP, EXIF) can ride along.
            rgb = Image.frombytes("RGB", converted.size, converted.tobytes())
    except ImageRejected:
        raise
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, Image.DecompressionBombError) as exc:
        raise ImageRejected(
            "The file is not an image we can open. Choose a JPEG, PNG, WebP, GIF or HEIC photo."
        ) from exc
    full = rgb.copy()
    full.thumbnail(FULL_SIZE, Image.Resampling.LANCZOS)
    thumb = ImageOps.fit(rgb, THUMB_SIZE, Image.Resampling.LANCZOS, centering=(0.5, 0.35))
    return CleanImage(full=_encode(full), thumbnail=_encode(thumb), width=full.width, height=full.height)
