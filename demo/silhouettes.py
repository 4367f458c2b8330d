"""Generated pictures for demo and test data: a drawn head-and-shoulders silhouette on a patterned ground.
Never a photograph of a real person."""

import io
import random

from PIL import Image, ImageDraw

PALETTES = [
    ((214, 222, 235), (60, 72, 98)),
    ((232, 220, 206), (88, 64, 52)),
    ((210, 230, 218), (40, 80, 64)),
    ((226, 214, 232), (72, 52, 92)),
    ((236, 230, 200), (90, 82, 40)),
]


def silhouette_png(seed: int, size: tuple[int, int] = (480, 600)) -> bytes:
    rng = random.Random(seed)  # noqa: S311 - decoration, not security
    background, figure = PALETTES[seed % len(PALETTES)]
    width, height = size
    image = Image.new("RGB", size, background)
    draw = ImageDraw.Draw(image)
    stripe = rng.randint(18, 40)
    for x in range(-height, width, stripe * 2):
        shade = tuple(max(0, c - 10) for c in background)
        draw.polygon([(x, 0), (x + stripe, 0), (x + stripe + height, height), (x + height, height)], fill=shade)
    cx = width // 2 + rng.randint(-20, 20)
    head_r = int(width * rng.uniform(0.15, 0.19))
    head_top = int(height * 0.18)
    draw.ellipse([cx - head_r, head_top, cx + head_r, head_top + int(head_r * 2.4)], fill=figure)
    neck_y = head_top + int(head_r * 2.2)
    draw.rectangle([cx - head_r // 2, neck_y - 10, cx + head_r // 2, neck_y + 30], fill=figure)
    shoulder = int(width * rng.uniform(0.36, 0.44))
    draw.ellipse([cx - shoulder, neck_y + 10, cx + shoulder, height + height // 2], fill=figure)
    out = io.BytesIO()
    image.save(out, format="PNG")
    return out.getvalue()
