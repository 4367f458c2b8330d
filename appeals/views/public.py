"""Public pages: the gallery, the list with filters, an appeal and its images (the feeds are appeals.feeds)."""

from typing import TypeVar

from django.conf import settings
from django.http import FileResponse, Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.http.response import HttpResponseBase
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.cache import get_conditional_response
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from ..forms import PublicFilterForm
from ..references import normalise_reference
from ..selectors import (
    PublicAppeal,
    appeal_has_ended,
    public_appeal,
    public_appeals,
    public_areas,
    public_image,
    search_public_appeals,
)
from ..share.content import card_alt
from ..share.poster import DEFAULT_SIZE, SIZES
from ..share.rendered import Rendered, card_for, poster_for

HttpResponseBaseT = TypeVar("HttpResponseBaseT", bound=HttpResponseBase)


def _public_cache_headers(response: HttpResponseBaseT) -> HttpResponseBaseT:
    # Any cache in between must check with us before reusing a page, so a takedown is seen at once.
    response["Cache-Control"] = "no-cache"
    return response


@require_safe
def home(request: HttpRequest) -> HttpResponse:
    appeals = public_appeals()
    return _public_cache_headers(render(request, "appeals/public/home.html", {"appeals": appeals}))


@require_safe
def appeal_list(request: HttpRequest) -> HttpResponse:
    form = PublicFilterForm(request.GET or None, areas=public_areas())
    if form.is_bound and form.is_valid():
        data = form.cleaned_data
        appeals = search_public_appeals(kind=data["kind"], area=data["area"], text=data["q"])
        filtered = any(data.values())
    else:
        appeals, filtered = public_appeals(), False
    context = {"form": form, "appeals": appeals, "filtered": filtered}
    return _public_cache_headers(render(request, "appeals/public/list.html", context))


def _ended(request: HttpRequest) -> HttpResponse:
    return render(request, "appeals/public/ended.html", status=410)


@require_safe
def appeal_detail(request: HttpRequest, reference: str) -> HttpResponse:
    canonical = normalise_reference(reference)
    if canonical != reference:
        return redirect("appeals:detail", canonical, permanent=False)
    appeal = public_appeal(canonical)
    if appeal is None:
        if appeal_has_ended(canonical):
            return _public_cache_headers(_ended(request))
        raise Http404
    context = {"appeal": appeal, "card_alt": card_alt(appeal, brand=settings.LOOKOUT_FORCE_NAME)}
    return _public_cache_headers(render(request, "appeals/public/detail.html", context))


@require_safe
def appeal_image(request: HttpRequest, reference: str, public_id: str, size: str) -> HttpResponseBase:
    if size not in {"thumb", "full"}:
        raise Http404
    image = public_image(reference, public_id)
    if image is None:
        if appeal_has_ended(reference):
            return _public_cache_headers(HttpResponse("This appeal has ended.", status=410, content_type="text/plain"))
        raise Http404
    stored = image.thumbnail if size == "thumb" else image.image
    response = FileResponse(stored.open("rb"), content_type="image/jpeg")
    return _public_cache_headers(response)


def _public_or_gone(request: HttpRequest, reference: str, *, url_name: str, page: bool) -> PublicAppeal | HttpResponse:
    """The appeal as the public sees it; or, for an appeal that has ended, 410 (the ended page for a document a
    person opens, plain text for a picture); 404 for one that never was public."""
    canonical = normalise_reference(reference)
    if canonical != reference:
        query = request.META.get("QUERY_STRING", "")
        return HttpResponseRedirect(reverse(url_name, args=[canonical]) + (f"?{query}" if query else ""))
    appeal = public_appeal(canonical)
    if appeal is None:
        if not appeal_has_ended(canonical):
            raise Http404
        if page:
            return _public_cache_headers(_ended(request))
        return _public_cache_headers(HttpResponse(_("This appeal has ended."), status=410, content_type="text/plain"))
    return appeal


def _send(request: HttpRequest, rendered: Rendered, content_type: str, filename: str) -> HttpResponse:
    response = get_conditional_response(request, etag=rendered.etag) or HttpResponse(
        rendered.body, content_type=content_type
    )
    response["ETag"] = rendered.etag
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return _public_cache_headers(response)


@require_safe
def appeal_card(request: HttpRequest, reference: str) -> HttpResponse:
    """The share card (1200x630 PNG) that the appeal page's Open Graph and Twitter tags point at."""
    appeal = _public_or_gone(request, reference, url_name="appeals:card", page=False)
    if isinstance(appeal, HttpResponse):
        return appeal
    return _send(request, card_for(appeal, request), "image/png", f"{appeal.reference}.png")


@require_safe
def appeal_poster(request: HttpRequest, reference: str) -> HttpResponse:
    """The poster to print: A4 by default, or `?size=a5` for a handbill."""
    appeal = _public_or_gone(request, reference, url_name="appeals:poster", page=True)
    if isinstance(appeal, HttpResponse):
        return appeal
    size_name = request.GET.get("size", DEFAULT_SIZE).strip().lower()
    if size_name not in SIZES:
        context = {"appeal": appeal, "sizes": SIZES}
        return _public_cache_headers(render(request, "appeals/public/poster_size.html", context, status=400))
    size = SIZES[size_name]
    filename = f"{appeal.reference}-{size.name.lower()}.pdf"
    return _send(request, poster_for(appeal, request, size), "application/pdf", filename)


@require_safe
def how_to_help(request: HttpRequest) -> HttpResponse:
    return render(request, "appeals/public/how_to_help.html")
