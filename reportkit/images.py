"""Re-encoding uploaded images: anything that is not a real image is refused; what is kept has no metadata
(EXIF, GPS, XMP, ICC profile, comments), is size-limited, and comes with a thumbnail.

Used for appeal images and for the public's attachments in both services (reportkit.attachments).
HEIC/HEIF (iPhone photos) is read through pillow-heif and, like every other format, written out as a fresh
JPEG."""

import io
import warnings
from dataclasses import dataclass
from typing import IO

from django.conf import settings
from django.utils.translation import gettext, gettext_noop
from PIL import Image, ImageOps, UnidentifiedImageError
from pillow_heif import register_heif_opener

register_heif_opener()
# Pillow's own guard, at the highest limit we take (JPEG's): opening past it warns (turned into a refusal
# below), past twice it raises. Our stricter per-format limits are checked from the header after that.
Image.MAX_IMAGE_PIXELS = settings.LOOKOUT_JPEG_MAX_PIXELS

# MPO is what many phones' "JPEG" photos are (a JPEG with a second, depth or preview, frame after it).
ACCEPTED_FORMATS = {"JPEG", "MPO", "PNG", "WEBP", "GIF", "HEIF"}
# Formats libjpeg decodes straight at 1/2, 1/4 or 1/8 scale (draft), so their full bitmap is never made.
REDUCIBLE_FORMATS = {"JPEG", "MPO"}
TOO_MANY_PIXELS = gettext_noop("The image has too many pixels. Choose a smaller image, or a screenshot of it.")
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
        message = gettext("The image is too large. Choose one smaller than %(size)s MB.")
        raise ImageRejected(message % {"size": max_bytes // (1024 * 1024)})
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            rgb = _decode_bounded(upload)
    except ImageRejected:
        raise
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
        raise ImageRejected(gettext(TOO_MANY_PIXELS)) from exc
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, EOFError) as exc:
        raise ImageRejected(
            gettext("The file is not an image we can open. Choose a JPEG, PNG, WebP, GIF or HEIC photo.")
        ) from exc
    thumb = ImageOps.fit(rgb, THUMB_SIZE, Image.Resampling.LANCZOS, centering=(0.5, 0.35))
    return CleanImage(full=_encode(rgb), thumbnail=_encode(thumb), width=rgb.width, height=rgb.height)


def image_too_large(width: int, height: int, *, reducible: bool = False) -> bool:
    """An image is refused, before any pixel is decoded, when its header declares more than
    LOOKOUT_IMAGE_MAX_PIXELS pixels: decoding is what costs memory (4 bytes a pixel and more), and a
    38 KB PNG can declare 40 million of them. A baseline JPEG is decoded reduced (draft), so it may declare
    up to LOOKOUT_JPEG_MAX_PIXELS: a 48-50 MP phone photo is taken."""
    limit = settings.LOOKOUT_JPEG_MAX_PIXELS if reducible else settings.LOOKOUT_IMAGE_MAX_PIXELS
    return width * height > limit


def decodes_reduced(image: Image.Image) -> bool:
    """A JPEG (or MPO) decodes reduced only when it is baseline: a progressive JPEG makes libjpeg hold every
    DCT coefficient of the full-size image (2 bytes a sample) whatever the output scale, so it keeps the
    strict limit."""
    return image.format in REDUCIBLE_FORMATS and not image.info.get("progressive")


def _draft_size(width: int, height: int) -> tuple[int, int]:
    """The size the cleaned copy will have (fitting FULL_SIZE): drafting to it lets libjpeg pick the
    smallest DCT scale that still covers it, instead of thumbnail()'s twice-the-size request, which for a
    4:3 48 MP photo asks for the full-size decode."""
    scale = min(FULL_SIZE[0] / width, FULL_SIZE[1] / height, 1.0)
    return max(1, int(width * scale)), max(1, int(height * scale))


def _decode_bounded(upload: IO[bytes]) -> Image.Image:
    """The first frame, upright, at most FULL_SIZE, as plain RGB pixels with nothing from .info.

    Memory is bounded by the declared size (checked first, from the header alone): baseline JPEGs are
    decoded at a reduced scale (draft), every format is shrunk to FULL_SIZE before any other copy is made."""
    with Image.open(upload) as probe:
        if probe.format not in ACCEPTED_FORMATS:
            raise ImageRejected(gettext("The file must be a JPEG, PNG, WebP or GIF image, or a HEIC photo."))
        if image_too_large(probe.width, probe.height, reducible=decodes_reduced(probe)):
            raise ImageRejected(gettext(TOO_MANY_PIXELS))
        probe.verify()
    upload.seek(0)
    with Image.open(upload) as original:
        reducible = decodes_reduced(original)
        if image_too_large(original.width, original.height, reducible=reducible):  # pragma: no cover
            raise ImageRejected(gettext(TOO_MANY_PIXELS))  # the same header again
        if reducible:
            original.draft("RGB", _draft_size(original.width, original.height))
        # thumbnail() shrinks in place to FULL_SIZE, keeping the EXIF orientation to apply.
        original.thumbnail(FULL_SIZE, Image.Resampling.LANCZOS)
        # Apply the camera's rotation to the pixels, since the EXIF tag that carried it is dropped.
        upright = ImageOps.exif_transpose(original)
        converted = upright.convert("RGB")
        # Rebuild from raw pixels so nothing in .info (comments, ICC, XMP, EXIF) can ride along.
        return Image.frombytes("RGB", converted.size, converted.tobytes())
