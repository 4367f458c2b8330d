"""The poster: a one-page vector PDF to print, A4 for a wall or A5 as a handbill. Text and the QR code are
vectors in an embedded TTF font (so the text can be searched, copied and read aloud); only the released image is
a picture. The layout is drawn once at A4 and scaled, so the handbill is the same poster, smaller."""

import io
from dataclasses import dataclass
from functools import cache

import segno
from PIL import Image
from reportlab.lib.colors import Color, HexColor, white
from reportlab.lib.pagesizes import A4, A5
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas

from .card import placeholder_image
from .content import ShareContent
from .fonts import font_path

REGULAR, BOLD = "LookoutSans", "LookoutSans-Bold"
INK = HexColor("#0b0c0c")
GREY = HexColor("#505a5f")
BAND = {False: HexColor("#942514"), True: HexColor("#003078")}


@dataclass(frozen=True)
class PosterSize:
    name: str
    width: float
    height: float


SIZES = {"a4": PosterSize("A4", *A4), "a5": PosterSize("A5", *A5)}
DEFAULT_SIZE = "a4"


@cache
def _register_fonts() -> None:
    pdfmetrics.registerFont(TTFont(REGULAR, str(font_path(bold=False))))
    pdfmetrics.registerFont(TTFont(BOLD, str(font_path(bold=True))))


class _Page:
    """Drawing in A4 points on a page of any size: every length is scaled by the page's width over A4's."""

    def __init__(self, canvas: Canvas, size: PosterSize) -> None:
        self.canvas, self.scale = canvas, size.width / A4[0]

    def text_lines(self, text: str, *, font: str, size: float, width: float) -> list[str]:
        """Greedy wrapping at ordinary spaces only: a no-break space (in a phone number) keeps its words together."""
        limit, points = width * self.scale, size * self.scale
        lines: list[str] = []
        for paragraph in text.splitlines() or [""]:
            current = ""
            for word in (w for w in paragraph.split(" ") if w):
                trial = f"{current} {word}" if current else word
                if current and pdfmetrics.stringWidth(trial, font, points) > limit:
                    lines.append(current)
                    current = word
                else:
                    current = trial
            lines.append(current)
        return lines

    def fit_size(self, text: str, *, font: str, start: float, smallest: float, width: float) -> float:
        size = start
        while size > smallest and pdfmetrics.stringWidth(text, font, size * self.scale) > width * self.scale:
            size -= 1
        return size

    def write(self, x: float, y: float, text: str, *, font: str, size: float, color: Color = INK) -> None:
        self.canvas.setFillColor(color)
        self.canvas.setFont(font, size * self.scale)
        self.canvas.drawString(x * self.scale, y * self.scale, text)

    def rect(self, x: float, y: float, w: float, h: float, *, fill: Color | None = None, stroke: Color | None = None):
        if stroke is not None:
            self.canvas.setStrokeColor(stroke)
            self.canvas.setLineWidth(2 * self.scale)
        if fill is not None:
            self.canvas.setFillColor(fill)
        s = self.scale
        self.canvas.rect(x * s, y * s, w * s, h * s, stroke=int(stroke is not None), fill=int(fill is not None))


def _draw_qr(page: _Page, data: str, x: float, y: float, size: float) -> None:
    """The QR code as vector squares (one rectangle per run of dark modules), with its quiet zone."""
    qr = segno.make(data, error="m")
    rows = [list(row) for row in qr.matrix_iter(scale=1, border=4)]
    module = size / len(rows)
    page.rect(x, y, size, size, fill=white)
    page.canvas.setFillColor(INK)
    s = page.scale
    for r, row in enumerate(rows):
        c = 0
        while c < len(row):
            if not row[c]:
                c += 1
                continue
            start = c
            while c < len(row) and row[c]:
                c += 1
            top = y + size - (r + 1) * module
            # A hair wider than the module, so runs and rows meet without a white seam in print.
            page.canvas.rect(
                (x + start * module) * s,
                top * s,
                ((c - start) * module + 0.05) * s,
                (module + 0.05) * s,
                stroke=0,
                fill=1,
            )


def _draw_lines(
    page: _Page, lines: list[str], *, x: float, top: float, bottom: float, font: str, size: float, color: Color = INK
) -> float:
    """Lines from `top` down, stopping (with an ellipsis) before `bottom`; returns where the next line goes."""
    leading = size * 1.3
    y = top - size
    for index, line in enumerate(lines):
        if y < bottom:
            break
        more = index + 1 < len(lines) and y - leading < bottom
        page.write(x, y, line + (" …" if more else ""), font=font, size=size, color=color)
        y -= leading
    return y + size


def render_poster(content: ShareContent, image: Image.Image | None, size: PosterSize) -> bytes:
    """The poster as PDF bytes. `image` is the released image (already loaded) or None for the neutral figure."""
    _register_fonts()
    out = io.BytesIO()
    canvas = Canvas(out, pagesize=(size.width, size.height), invariant=True, pageCompression=1)
    canvas.setTitle(f"{content.headline}: {content.title} ({content.reference})")
    canvas.setAuthor(content.brand)
    canvas.setSubject(content.page_url)
    canvas.setCreator(content.brand)
    page = _Page(canvas, size)
    width, height = A4
    margin = 36.0
    inner = width - 2 * margin

    # The force's name, then WANTED or MISSING on a band of its kind's colour.
    page.write(margin, height - margin - 16, content.brand, font=BOLD, size=16)
    band_top = height - margin - 30
    band_height = 84.0
    page.rect(margin, band_top - band_height, inner, band_height, fill=BAND[content.is_missing])
    head_size = page.fit_size(content.headline, font=BOLD, start=72, smallest=30, width=inner - 32)
    page.write(
        margin + 16,
        band_top - band_height / 2 - head_size * 0.36,
        content.headline,
        font=BOLD,
        size=head_size,
        color=white,
    )

    # The title as released.
    title_lines = page.text_lines(content.title, font=BOLD, size=28, width=inner)[:2]
    y = _draw_lines(page, title_lines, x=margin, top=band_top - band_height - 14, bottom=0, font=BOLD, size=28)

    # What to do, in a box at the foot of the page with the QR code to the report page.
    qr_size, step_size = 150.0, 14.0
    step_width = inner - qr_size - 44
    steps = [
        page.text_lines(step, font=BOLD if index == 0 else REGULAR, size=step_size, width=step_width)
        for index, step in enumerate(content.what_to_do)
    ]
    steps_height = sum(len(lines) * step_size * 1.3 + 8 for lines in steps) + 34
    box_bottom = margin + 18
    box_height = max(qr_size + 44, steps_height + 22)
    box_top = box_bottom + box_height
    page.rect(margin, box_bottom, inner, box_height, stroke=INK)
    line_y = _draw_lines(
        page, [content.what_to_do_heading], x=margin + 14, top=box_top - 14, bottom=box_bottom, font=BOLD, size=18
    )
    for index, lines in enumerate(steps):
        font = BOLD if index == 0 else REGULAR
        line_y = (
            _draw_lines(page, lines, x=margin + 14, top=line_y - 6, bottom=box_bottom, font=font, size=step_size) - 2
        )
    qr_x = margin + inner - qr_size - 12
    _draw_qr(page, content.report_url, qr_x, box_top - qr_size - 10, qr_size)
    caption_size = page.fit_size(content.qr_caption, font=BOLD, start=10.5, smallest=7, width=qr_size)
    page.write(qr_x + 6, box_top - qr_size - 24, content.qr_caption, font=BOLD, size=caption_size)
    page.write(margin, margin, content.reference_line, font=REGULAR, size=10, color=GREY)

    # The released image (or the neutral figure) on the left; released details and description on the right.
    middle_top, middle_bottom = y - 8, box_top + 16
    photo_width = inner * 0.48
    photo = placeholder_image((440, 550)) if image is None else image.convert("RGB")
    photo_height = min(middle_top - middle_bottom, photo_width * photo.height / photo.width)
    drawn_width = photo_height * photo.width / photo.height
    s = page.scale
    canvas.drawImage(ImageReader(photo), margin * s, (middle_top - photo_height) * s, drawn_width * s, photo_height * s)
    column_x = margin + photo_width + 18
    column_width = inner - photo_width - 18
    text_y = middle_top
    for label, value in content.details:
        text_y = _draw_lines(page, [label], x=column_x, top=text_y, bottom=middle_bottom, font=BOLD, size=11)
        value_lines = page.text_lines(value, font=REGULAR, size=12, width=column_width)
        text_y = _draw_lines(page, value_lines, x=column_x, top=text_y, bottom=middle_bottom, font=REGULAR, size=12) - 6
    if content.description:
        description = page.text_lines(content.description, font=REGULAR, size=12, width=column_width)
        _draw_lines(page, description, x=column_x, top=text_y - 4, bottom=middle_bottom, font=REGULAR, size=12)

    canvas.showPage()
    canvas.save()
    return out.getvalue()
