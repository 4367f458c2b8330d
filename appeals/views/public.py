"""Public pages: the gallery, the list with filters, an appeal and its images (the feeds are appeals.feeds)."""

from typing import TypeVar

from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import redirect, render
from django.views.decorators.http import require_safe

from ..forms import PublicFilterForm
from ..references import normalise_reference
from ..selectors import (
    appeal_has_ended,
    public_appeal,
    public_appeals,
    public_areas,
    public_image,
    search_public_appeals,
)

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
    return _public_cache_headers(render(request, "appeals/public/detail.html", {"appeal": appeal}))


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


@require_safe
def how_to_help(request: HttpRequest) -> HttpResponse:
    return render(request, "appeals/public/how_to_help.html")
