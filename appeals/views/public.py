"""Public pages: the gallery, the list with filters, an appeal and its images (the feeds are appeals.feeds)."""

from django.conf import settings
from django.http import FileResponse, Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.http.response import HttpResponseBase
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.cache import get_conditional_response
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from lookout import http_cache

from ..forms import PublicFilterForm
from ..pagination import NoSuchPage, Page, page_number
from ..references import normalise_reference
from ..selectors import (
    PublicAppeal,
    appeal_has_ended,
    public_appeal,
    public_appeal_page,
    public_areas,
    public_image,
)
from ..share.content import card_alt
from ..share.poster import DEFAULT_SIZE, SIZES
from ..share.rendered import Rendered, card_for, poster_for


def _page(request: HttpRequest, *, kind: str = "", area: str = "", text: str = "") -> Page[PublicAppeal]:
    try:
        return public_appeal_page(page_number(request.GET.get("page")), kind=kind, area=area, text=text)
    except NoSuchPage as error:
        raise Http404("There is no such page of appeals.") from error


def _page_url(request: HttpRequest, number: int) -> str:
    """The address of a page, keeping the filter; page 1 has no page parameter (one address per page)."""
    query = request.GET.copy()
    query.pop("page", None)
    if number > 1:
        query["page"] = str(number)
    return request.path + (f"?{query.urlencode()}" if query else "")


def _pagination(request: HttpRequest, page: Page[PublicAppeal]) -> dict[str, object]:
    """What the GOV.UK pagination component and the rel=prev/next links need."""
    return {
        "prev": _page_url(request, page.number - 1) if page.has_previous else "",
        "next": _page_url(request, page.number + 1) if page.has_next else "",
        "items": [
            {"number": n, "url": _page_url(request, n) if n else "", "current": n == page.number}
            for n in page.numbers()
        ]
        if page.num_pages > 1
        else [],
    }


@require_safe
def home(request: HttpRequest) -> HttpResponse:
    page = _page(request)
    context = {"page": page, "appeals": page.items, "pagination": _pagination(request, page)}
    return http_cache.public(render(request, "appeals/public/home.html", context))


@require_safe
def appeal_list(request: HttpRequest) -> HttpResponse:
    filters = {k: v for k, v in request.GET.items() if k != "page"}
    form = PublicFilterForm(filters or None, areas=public_areas())
    if form.is_bound and form.is_valid():
        data = form.cleaned_data
        page = _page(request, kind=data["kind"], area=data["area"], text=data["q"])
        filtered = any(data.values())
    else:
        page, filtered = _page(request), False
    context = {
        "form": form,
        "page": page,
        "appeals": page.items,
        "filtered": filtered,
        "pagination": _pagination(request, page),
    }
    return http_cache.public(render(request, "appeals/public/list.html", context))


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
            return http_cache.gone(_ended(request))
        raise Http404
    context = {"appeal": appeal, "card_alt": card_alt(appeal, brand=settings.LOOKOUT_FORCE_NAME)}
    return http_cache.public(render(request, "appeals/public/detail.html", context))


@require_safe
def appeal_image(request: HttpRequest, reference: str, public_id: str, size: str) -> HttpResponseBase:
    if size not in {"thumb", "full"}:
        raise Http404
    image = public_image(reference, public_id)
    if image is None:
        if appeal_has_ended(reference):
            return http_cache.gone(HttpResponse("This appeal has ended.", status=410, content_type="text/plain"))
        raise Http404
    stored = image.thumbnail if size == "thumb" else image.image
    response = FileResponse(stored.open("rb"), content_type="image/jpeg")
    # An image's bytes never change under its public id (a new image is a new id): the id is its validator.
    response["ETag"] = f'"{public_id}-{size}"'
    return http_cache.public(response)


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
            return http_cache.gone(_ended(request))
        return http_cache.gone(HttpResponse(_("This appeal has ended."), status=410, content_type="text/plain"))
    return appeal


def _send(request: HttpRequest, rendered: Rendered, content_type: str, filename: str) -> HttpResponse:
    response = get_conditional_response(request, etag=rendered.etag) or HttpResponse(
        rendered.body, content_type=content_type
    )
    response["ETag"] = rendered.etag
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return http_cache.public(response)


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
        response = render(request, "appeals/public/poster_size.html", context, status=400)
        response["Cache-Control"] = "no-cache"  # a wrong size is told at once, never kept by a cache
        return response
    size = SIZES[size_name]
    filename = f"{appeal.reference}-{size.name.lower()}.pdf"
    return _send(request, poster_for(appeal, request, size), "application/pdf", filename)


@require_safe
def how_to_help(request: HttpRequest) -> HttpResponse:
    return http_cache.public(render(request, "appeals/public/how_to_help.html"))
