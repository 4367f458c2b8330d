"""Rendered public pages, kept in the shared cache and served before sessions, CSRF and the view run
(docs/adr/0042-public-caching-and-takedown.md).

A page is kept only if its view marked it public (lookout.http_cache) and it sets no cookie; it is looked up only
for an anonymous GET/HEAD (no Cookie header at all: the public site sets none) whose query string holds only the
parameters the public pages read. Each kept page carries the public version (lookout.cache_version) it was
rendered under: any change to what the public may see bumps it, and the very next request renders afresh. The
version is read before the page is rendered, so a page rendered across a takedown is stored under the old
version and never served.

Each process also keeps its last few hundred pages in memory, with their versions: a request still reads the
shared version (one small round trip), so a takedown in any process is seen by every process on its very next
request, but a page's body crosses the network only once. Pages are whole responses with no per-response secret
(the public pages have no CSP nonce, no CSRF token and no form token; the reporting journey is no-store and is
never kept).
"""

import hashlib
import logging
import threading
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import urlencode

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import DisallowedHost
from django.http import HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.utils import translation

from . import http_cache
from .cache_version import PUBLIC_VERSION_KEY, request_snapshot, version

logger = logging.getLogger(__name__)

# The query parameters the public pages read; a request with any other is rendered, never looked up or kept.
KEPT_PARAMETERS = frozenset({"page", "kind", "area", "q"})
KEPT_STATUSES = frozenset({200, 404, 410})
# Headers the page cache stores with a page; the outer middleware (SecurityMiddleware) adds its own each time.
_SKIPPED_HEADERS = frozenset({"date", "set-cookie"})
LOCAL_PAGES = 256


@dataclass(frozen=True)
class StoredPage:
    version: int
    status: int
    headers: tuple[tuple[str, str], ...]
    content: bytes

    def response(self) -> HttpResponse:
        response = HttpResponse(self.content, status=self.status)
        for name, value in self.headers:
            response[name] = value
        return response


def page_key(request: HttpRequest) -> str | None:
    """The cache key of this request's page, or None if it must not be looked up (signed in, or unknown
    parameters, or a host we do not serve)."""
    if request.method not in {"GET", "HEAD"} or request.META.get("HTTP_COOKIE"):
        return None
    if any(name not in KEPT_PARAMETERS for name in request.GET):
        return None
    try:
        host = request.get_host()
    except DisallowedHost:
        return None
    query = urlencode(sorted((k, v) for k in request.GET for v in request.GET.getlist(k)))
    scheme = "https" if request.is_secure() else "http"
    address = f"{translation.get_language()} {scheme}://{host}{request.path}?{query}"
    return "lookout:page:" + hashlib.blake2b(address.encode(), digest_size=20).hexdigest()


def _storable(response: HttpResponseBase) -> bool:
    return (
        response.status_code in KEPT_STATUSES
        and http_cache.is_public(response)
        and not response.streaming
        and not response.cookies
        and "Set-Cookie" not in response
        # Only cookie-less requests are looked up, so a page that varies on Cookie holds for all of them.
        and not (set(response.get("Vary", "").lower().replace(" ", "").split(",")) - {"", "accept-encoding", "cookie"})
    )


@dataclass(frozen=True)
class Unkept:
    """A page this process rendered under `version` that its view marked private (the report form, a receipt):
    it is rendered each time without first asking the shared cache for a copy that is never there."""

    version: int


class LocalPages:
    """The pages this process served last (least recently used dropped first), shared by its threads."""

    def __init__(self, size: int = LOCAL_PAGES) -> None:
        self.size = size
        self.pages: OrderedDict[str, StoredPage | Unkept] = OrderedDict()
        self.lock = threading.Lock()

    def get(self, key: str, version: int) -> StoredPage | Unkept | None:
        with self.lock:
            page = self.pages.get(key)
            if page is None or page.version != version:
                return None
            self.pages.move_to_end(key)
            return page

    def put(self, key: str, page: StoredPage | Unkept) -> None:
        with self.lock:
            self.pages[key] = page
            self.pages.move_to_end(key)
            while len(self.pages) > self.size:
                self.pages.popitem(last=False)


class PublicPageCacheMiddleware:
    """Serve a kept copy of a public page, or render it and keep it; then apply the public cache policy
    (surrogate keys, ETag, 304) to every public response, kept or not."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]) -> None:
        self.get_response = get_response
        self.timeout = getattr(settings, "LOOKOUT_PAGE_CACHE_SECONDS", 300)
        self.local = LocalPages()

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        with request_snapshot():  # the public version is read once for the whole request
            return self._serve(request)

    def _serve(self, request: HttpRequest) -> HttpResponseBase:
        key = page_key(request) if self.timeout > 0 else None
        if key is None:
            return http_cache.finish(request, self.get_response(request))
        try:
            current = version(PUBLIC_VERSION_KEY)
        except Exception:  # noqa: BLE001 - no shared cache: render afresh (always right), keep nothing
            logger.warning("Public page cache unavailable: rendering without it")
            return http_cache.finish(request, self.get_response(request))
        kept = self.local.get(key, current)
        if isinstance(kept, Unkept):
            return http_cache.finish(request, self.get_response(request))
        if kept is None:
            shared: StoredPage | None = cache.get(key)
            if shared is not None and shared.version == current:
                self.local.put(key, kept := shared)
        if kept is not None:
            return http_cache.finish(request, kept.response())
        response = self.get_response(request)
        if request.method == "GET" and _storable(response):
            if response.status_code == 200 and "ETag" not in response:
                response["ETag"] = http_cache.content_etag(response.content)  # type: ignore[attr-defined]
            headers = tuple((k, v) for k, v in response.items() if k.lower() not in _SKIPPED_HEADERS)
            page = StoredPage(int(current), response.status_code, headers, response.content)  # type: ignore[attr-defined]
            cache.set(key, page, self.timeout)
            self.local.put(key, page)
        elif response.status_code in KEPT_STATUSES and not http_cache.is_public(response):
            # Private by the view's choice, not by accident (an error page is asked about again next time).
            self.local.put(key, Unkept(int(current)))
        return http_cache.finish(request, response)
