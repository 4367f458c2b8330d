"""Fetching an imported record's image: only from the origins settings.LOOKOUT_IMPORT_IMAGE_ORIGINS lists, with a
time-out and a size limit, never following a redirect. The bytes are then cleaned by the appeals image service
(re-encoded, metadata stripped) like any upload; a refusal is a note on the item, never a failed import."""

import urllib.error
import urllib.request
from urllib.parse import urlsplit

from django.conf import settings


class ImageSkipped(Exception):
    """The image was not fetched: the message says why, in words for the report."""


class _NoRedirects(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        return None  # a redirect could leave the allowed origins: it is an error instead


def allowed_origin(url: str) -> bool:
    parts = urlsplit(url)
    if parts.scheme not in {"http", "https"} or not parts.hostname or parts.username or parts.password:
        return False
    origin = f"{parts.scheme}://{parts.netloc}".lower()
    return origin in settings.LOOKOUT_IMPORT_IMAGE_ORIGINS


def fetch_image(url: str) -> bytes:
    if not allowed_origin(url):
        raise ImageSkipped("its address is not on the allowed list (LOOKOUT_IMPORT_IMAGE_ORIGINS)")
    max_bytes: int = settings.LOOKOUT_IMAGE_MAX_BYTES
    opener = urllib.request.build_opener(_NoRedirects)
    request = urllib.request.Request(url, headers={"Accept": "image/*"})  # noqa: S310 - scheme checked above
    try:
        with opener.open(request, timeout=settings.LOOKOUT_IMPORT_IMAGE_TIMEOUT) as response:
            body: bytes = response.read(max_bytes + 1)
    except urllib.error.HTTPError as exc:
        raise ImageSkipped(f"the server answered {exc.code}") from exc
    except (urllib.error.URLError, TimeoutError, OSError) as exc:
        raise ImageSkipped("the server could not be reached in time") from exc
    if len(body) > max_bytes:
        raise ImageSkipped(f"it is larger than {max_bytes // (1024 * 1024)} MB")
    if not body:
        raise ImageSkipped("the server sent nothing")
    return body
