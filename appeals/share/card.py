"""The share card: a 1200x630 PNG (the size Open Graph and X/Twitter "summary_large_image" show uncropped) with
the released image on the left and, on the right, the force's name, WANTED or MISSING, the title as released and
the short address of the appeal page. Written from scratch on a new canvas, so the PNG holds pixels only: no
EXIF, no text chunks, no colour profile carried over from the source."""

import io

from PIL import Image, ImageDraw, ImageFont, ImageOps

from .content import ShareContent
from .fonts import font_path

WIDTH, HEIGHT = 1200, 630
PHOTO_WIDTH = 440
MARGIN = 48
WHITE = (255, 255, 255)
INK = (11, 12, 12)  # GOV.UK text colour: 19.8:1 on white
GREY = (80, 90, 95)  # secondary text: 7.4:1 on white
# White on these is 9:1 or better, and the two kinds differ at a glance.
BAND = {False: (148, 37, 20), True: (0, 48, 120)}
PLACEHOLDER_GROUND, PLACEHOLDER_FIGURE = (222, 226, 230), (160, 168, 175)


def placeholder_image(size: tuple[int, int]) -> Image.Image:
    """A neutral drawn figure for an appeal that releases no image: never anyone's likeness."""
    width, height = size
    image = Image.new("RGB", size, PLACEHOLDER_GROUND)
    draw = ImageDraw.Draw(image)
    cx, head_r = width // 2, width // 6
    head_cy = int(height * 0.36)
    draw.ellipse((cx - head_r, head_cy - head_r, cx + head_r, head_cy + head_r), fill=PLACEHOLDER_FIGURE)
    shoulders = int(width * 0.38)
    top = head_cy + head_r + height // 24
    draw.rounded_rectangle(
        (cx - shoulders, top, cx + shoulders, height + head_r), radius=head_r, fill=PLACEHOLDER_FIGURE
    )
    return image


def _font(size: int, *, bold: bool) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(str(font_path(bold)), size)


def _fit_lines(
    draw: ImageDraw.ImageDraw, text: str, *, width: int, sizes: range, bold: bool, max_lines: int
) -> tuple[ImageFont.FreeTypeFont, list[str]]:
    """The largest font size at which the text wraps into at most `max_lines` lines of `width` pixels; at the
    smallest size the last line is cut with an ellipsis."""
    for size in sizes:
        font = _font(size, bold=bold)
        lines = _wrap(draw, text, font, width)
        if len(lines) <= max_lines:
            return font, lines
    lines = lines[:max_lines]
    while lines[-1] and draw.textlength(lines[-1] + "…", font=font) > width:
        lines[-1] = lines[-1][:-1]
    lines[-1] = lines[-1].rstrip() + "…"
    return font, lines


def _wrap(draw: ImageDraw.ImageDraw, text: str, font: ImageFont.FreeTypeFont, width: int) -> list[str]:
    lines: list[str] = []
    for word in text.split():
        if lines and draw.textlength(f"{lines[-1]} {word}", font=font) <= width:
            lines[-1] = f"{lines[-1]} {word}"
        else:
            lines.append(word)
    return lines or [""]


def render_card(content: ShareContent, image: Image.Image | None) -> bytes:
    """The card as PNG bytes. `image` is the released image (already loaded) or None for the placeholder."""
    card = Image.new("RGB", (WIDTH, HEIGHT), WHITE)
    photo = placeholder_image((PHOTO_WIDTH, HEIGHT)) if image is None else image
    card.paste(ImageOps.fit(photo.convert("RGB"), (PHOTO_WIDTH, HEIGHT), centering=(0.5, 0.3)), (0, 0))
    draw = ImageDraw.Draw(card)
    left, text_width = PHOTO_WIDTH + MARGIN, WIDTH - PHOTO_WIDTH - 2 * MARGIN

    brand_font, brand = _fit_lines(
        draw, content.brand, width=text_width, sizes=range(34, 19, -2), bold=True, max_lines=1
    )
    draw.text((left, MARGIN), brand[0], font=brand_font, fill=INK)

    band_top, band_height = MARGIN + 64, 150
    draw.rectangle((PHOTO_WIDTH, band_top, WIDTH, band_top + band_height), fill=BAND[content.is_missing])
    head_font, head = _fit_lines(
        draw, content.headline, width=text_width, sizes=range(120, 47, -4), bold=True, max_lines=1
    )
    draw.text((left, band_top + band_height // 2), head[0], font=head_font, fill=WHITE, anchor="lm")

    title_font, title = _fit_lines(
        draw, content.title, width=text_width, sizes=range(60, 29, -2), bold=True, max_lines=3
    )
    y = band_top + band_height + 28
    for line in title:
        draw.text((left, y), line, font=title_font, fill=INK)
        y += int(title_font.size * 1.2)

    address_font, address = _fit_lines(
        draw, content.short_address, width=text_width, sizes=range(32, 17, -2), bold=False, max_lines=1
    )
    draw.text((left, HEIGHT - MARGIN), address[0], font=address_font, fill=GREY, anchor="ls")

    out = io.BytesIO()
    card.save(out, format="PNG", optimize=True)
    return out.getvalue()
