"""The embed for partner sites: a small, script-free list of current appeals that a partner shows in a frame.

Only this view may be framed, and only by the origins in settings.LOOKOUT_EMBED_FRAME_ANCESTORS: it is exempt from
X-Frame-Options and its Content-Security-Policy frame-ancestors is that list (django-csp's per-view override).
Every other page keeps X-Frame-Options: DENY and frame-ancestors 'none'.
"""

from collections.abc import Callable
from functools import wraps
from typing import Any
from urllib.parse import urlencode

from csp.decorators import csp_replace
from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import render
from django.views.decorators.clickjacking import xframe_options_exempt
from django.views.decorators.http import require_safe

from lookout import http_cache

from ..forms import EmbedFilterForm
from ..pagination import NoSuchPage, Page
from ..selectors import PublicAppeal, public_appeal_page

EMBED_PAGE_SIZE = 6


def framable_by_partners(view: Callable[..., HttpResponseBase]) -> Callable[..., HttpResponseBase]:
    """Let the configured partner origins, and nobody else, frame this view's pages. The list is read on each
    request (not at import), so a deployment's configuration and the tests' settings both apply."""

    @wraps(view)
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        ancestors = list(settings.LOOKOUT_EMBED_FRAME_ANCESTORS) or ["'none'"]
        return csp_replace({"frame-ancestors": ancestors})(view)(request, *args, **kwargs)

    return xframe_options_exempt(wrapped)


def _page(number: int, *, kind: str, area: str) -> Page[PublicAppeal]:
    """That page of the partner's choice, or its last page when the number is past the end (as a partner's
    old link after appeals closed should still show something)."""
    try:
        return public_appeal_page(number, kind=kind, area=area, per_page=EMBED_PAGE_SIZE)
    except NoSuchPage:
        last = public_appeal_page(1, kind=kind, area=area, per_page=EMBED_PAGE_SIZE).num_pages
        return public_appeal_page(last, kind=kind, area=area, per_page=EMBED_PAGE_SIZE)


def _page_url(query: dict[str, str], number: int) -> str:
    return "?" + urlencode({**query, "page": number})


@require_safe
@framable_by_partners
def embed_appeals(request: HttpRequest) -> HttpResponse:
    form = EmbedFilterForm(request.GET)
    if not form.is_valid():
        response = render(request, "appeals/embed/appeals.html", {"form": form, "page": None}, status=400)
    else:
        data = form.cleaned_data
        page = _page(data["page"] or 1, kind=data["kind"], area=data["area"])
        query = {k: v for k, v in (("kind", data["kind"]), ("area", data["area"])) if v}
        context = {
            "form": form,
            "page": page,
            "area": data["area"],
            "kind": data["kind"],
            "site_root": request.build_absolute_uri("/").rstrip("/"),
            "previous_url": _page_url(query, page.number - 1) if page.has_previous else "",
            "next_url": _page_url(query, page.number + 1) if page.has_next else "",
        }
        response = render(request, "appeals/embed/appeals.html", context)
    if response.status_code != 200:
        # A partner's wrong filter is told at once, never kept by a cache.
        response["Cache-Control"] = "no-cache"
        return response
    # As every public page (lookout.http_cache): a shared cache keeps it for a second, so a takedown outruns it.
    return http_cache.public(response)
