"""Cards and posters rendered once per version of what they show: the cache key names the appeal, its last change,
the released image, the language, the host (the card prints its address) and the size, so a burst of shares
re-renders nothing and an edit is never served stale. Callers check the appeal is public first, on every request:
the cache never decides visibility."""

import hashlib
from collections.abc import Callable
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest
from django.utils.translation import get_language
from PIL import Image

from ..models import AppealImage
from ..selectors import PublicAppeal, public_share_image
from .card import render_card
from .content import share_content
from .poster import PosterSize, render_poster

# Bump when the drawing changes, so copies drawn by the previous code are not served.
DRAWING_VERSION = 1


@dataclass(frozen=True)
class Rendered:
    body: bytes
    etag: str


def _load(image: AppealImage | None) -> Image.Image | None:
    if image is None:
        return None
    with image.image.open("rb") as stored, Image.open(stored) as picture:
        picture.load()
        return picture.copy()


def _cached(what: str, appeal: PublicAppeal, request: HttpRequest, draw: Callable[[Image.Image | None], bytes]):
    image = public_share_image(appeal.reference)
    parts = [
        str(DRAWING_VERSION),
        what,
        appeal.reference,
        appeal.modified_at.isoformat() if appeal.modified_at else "",
        str(image.public_id) if image else "placeholder",
        get_language() or "",
        request.get_host(),
    ]
    digest = hashlib.sha256("\x1f".join(parts).encode()).hexdigest()
    key = f"appeals:share:{digest}"
    body: bytes | None = cache.get(key)
    if body is None:
        body = draw(_load(image))
        cache.set(key, body, settings.LOOKOUT_SHARE_CACHE_SECONDS)
    return Rendered(body=body, etag=f'"{digest[:40]}"')


def card_for(appeal: PublicAppeal, request: HttpRequest) -> Rendered:
    content = share_content(appeal, request)
    return _cached("card", appeal, request, lambda image: render_card(content, image))


def poster_for(appeal: PublicAppeal, request: HttpRequest, size: PosterSize) -> Rendered:
    content = share_content(appeal, request)
    return _cached(f"poster-{size.name}", appeal, request, lambda image: render_poster(content, image, size))
