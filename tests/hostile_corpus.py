"""Hostile uploads, made fresh by the tests (issue 9, suite): each is either refused with a clear message or
kept only as a clean re-encoded copy. Pure bytes, no models, so both services' tests use it."""

import io
import zipfile
import zlib
from dataclasses import dataclass
from typing import Any

from PIL import Image

REFUSED = "refused"
CLEANED = "cleaned"
# Bytes that must never survive into a stored copy.
MARKERS = (b"TestCam", b"PK\x03\x04", b"alert(", b"<script", b"secret-gps")


@dataclass(frozen=True)
class Hostile:
    label: str
    name: str
    data: bytes
    content_type: str
    expect: str
    message: str = ""


def png_declaring(width: int, height: int) -> bytes:
    """A valid PNG of one flat colour: a few KB that decode to width x height pixels."""
    raw = zlib.compress((b"\x00" + b"\x00\x80\xff" * width) * height, 9)

    def chunk(kind: bytes, data: bytes) -> bytes:
        return len(data).to_bytes(4, "big") + kind + data + zlib.crc32(kind + data).to_bytes(4, "big")

    header = width.to_bytes(4, "big") + height.to_bytes(4, "big") + bytes([8, 2, 0, 0, 0])
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", raw) + chunk(b"IEND", b"")


def photo_jpeg(width: int, height: int, *, progressive: bool = False) -> bytes:
    """A camera-sized JPEG of a generated pattern (no photograph), with EXIF and a comment that must not
    survive cleaning. Building it holds the full bitmap, so tests make it in a subprocess of its own."""
    tile = Image.merge(
        "RGB",
        (
            Image.linear_gradient("L").resize((width // 8, height // 8)),
            Image.radial_gradient("L").resize((width // 8, height // 8)),
            Image.effect_mandelbrot((width // 8, height // 8), (-2.0, -1.2, 1.0, 1.2), 64),
        ),
    )
    image = Image.new("RGB", (width, height))
    for left in range(0, width, tile.width):
        for top in range(0, height, tile.height):
            image.paste(tile, (left, top))
    exif = Image.Exif()
    exif[0x010F] = "TestCam Maker"
    out = io.BytesIO()
    image.save(out, format="JPEG", quality=90, exif=exif, comment=b"secret-gps", progressive=progressive)
    return out.getvalue()


def _jpeg_with_metadata(size: tuple[int, int] = (400, 300)) -> bytes:
    image = Image.new("RGB", size, (120, 160, 200))
    exif = Image.Exif()
    exif[0x010F] = "TestCam Maker"
    exif.get_ifd(0x8825)[2] = (51.0, 30.0, 12.5)
    out = io.BytesIO()
    image.save(out, format="JPEG", exif=exif, comment=b"secret-gps")
    return out.getvalue()


def _mpo() -> bytes:
    """What many phones call a JPEG: a multi-picture file (a second frame after the first)."""
    first, second = Image.new("RGB", (320, 240), (200, 30, 30)), Image.new("RGB", (320, 240), (30, 30, 200))
    exif = Image.Exif()
    exif[0x010F] = "TestCam Maker"
    out = io.BytesIO()
    first.save(out, format="MPO", save_all=True, append_images=[second], exif=exif)
    return out.getvalue()


def _zip_polyglot() -> bytes:
    archive = io.BytesIO()
    with zipfile.ZipFile(archive, "w") as zipped:
        zipped.writestr("payload.js", "alert(document.domain)")
    return _jpeg_with_metadata() + archive.getvalue()


def _gif_with_script() -> bytes:
    out = io.BytesIO()
    Image.new("P", (40, 30), 3).save(out, format="GIF", comment=b"<script>alert(1)</script>")
    return out.getvalue()


def _zip_bomb() -> bytes:
    archive = io.BytesIO()
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as zipped:
        zipped.writestr("bomb.bin", b"\x00" * 20_000_000)
    return archive.getvalue()


def corpus() -> list[Hostile]:
    photo = _jpeg_with_metadata()
    return [
        Hostile(
            "pixel bomb (40 MP PNG)", "IMG_1.png", png_declaring(8000, 5000), "image/png", REFUSED, "too many pixels"
        ),
        Hostile("pixel bomb (400 MP PNG)", "IMG_2.png", png_declaring(20000, 20000)[:4000], "image/png", REFUSED),
        Hostile("zip bomb", "photos.zip", _zip_bomb(), "application/zip", REFUSED, "cannot open this kind of file"),
        Hostile("truncated JPEG", "IMG_3.jpg", photo[: len(photo) // 2], "image/jpeg", REFUSED),
        Hostile("JPEG + ZIP polyglot", "IMG_4.jpg", _zip_polyglot(), "image/jpeg", CLEANED),
        Hostile("GIF carrying a script", "IMG_5.gif", _gif_with_script(), "image/gif", CLEANED),
        Hostile("JS pretending to be a GIF", "IMG_6.gif", b"GIF89a=1;alert(1)//", "image/gif", REFUSED),
        Hostile(
            "SVG with a script",
            "drawing.svg",
            b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
            "image/svg+xml",
            REFUSED,
            "cannot open this kind of file",
        ),
        Hostile("HTML named .jpg", "IMG_7.jpg", b"<html><script>alert(1)</script></html>", "image/jpeg", REFUSED),
        Hostile("PNG named .txt", "notes.txt", png_declaring(64, 48), "text/plain", CLEANED),
        Hostile("PDF named .jpg", "IMG_8.jpg", b"%PDF-1.7\n1 0 obj\n", "image/jpeg", REFUSED, "cannot take PDF"),
        Hostile("zero bytes", "IMG_9.jpg", b"", "image/jpeg", REFUSED),
        Hostile("MPO phone photo", "IMG_10.JPG", _mpo(), "image/jpeg", CLEANED),
        Hostile("photo with GPS", "IMG_11.jpg", photo, "image/jpeg", CLEANED),
    ]


def assert_refused_or_taken(item: Hostile, response: Any) -> bool:
    """The answer to a form posted with `item` is a page, never a crash: the file refused with its clear
    message (False) or the report taken with a receipt (True), as the corpus expects."""
    html = response.content.decode()
    assert response.status_code == 200 and "Traceback" not in html
    if item.expect == REFUSED:
        assert "File 1 was not taken" in html and item.message in html
        return False
    assert item.expect == CLEANED and "receipt-code" in html
    return True


def assert_clean_copy(clean: bytes) -> None:
    """A stored copy is a single-frame JPEG re-encoded without metadata and without any hostile marker."""
    assert not any(marker in clean for marker in MARKERS)
    with Image.open(io.BytesIO(clean)) as image:
        assert image.format == "JPEG" and not image.getexif()
        assert not {"exif", "icc_profile", "comment", "xmp"} & set(image.info)
        assert getattr(image, "n_frames", 1) == 1
