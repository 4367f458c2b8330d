"""The public, read-only API for partners (and the independent service): current appeals as the public sees
them, in typed fields, a page at a time; and which appeals have been withdrawn, so a mirror can delete them."""

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.urls import reverse
from ninja import Query, Router, Status

from appeals.listing import AppealFilter, public_appeals_page, withdrawn_page
from appeals.pagination import Page
from appeals.references import normalise_reference
from appeals.selectors import PublicAppeal, appeal_has_ended, public_appeal
from lookout import http_cache
from reportkit.images import THUMB_SIZE

from .schemas import AppealOut, AppealPageOut, AppealQuery, ErrorOut, WithdrawnPageOut, WithdrawnQuery

router = Router(tags=["public"])


def _out(request: HttpRequest, appeal: PublicAppeal) -> dict[str, Any]:
    subject = appeal.subject
    absolute = request.build_absolute_uri
    return {
        "reference": appeal.reference,
        "kind": appeal.kind,
        "status": "current",
        "title": appeal.title,
        "summary": appeal.summary_line,
        "name": subject.name,
        "aliases": list(subject.aliases),
        "sex": subject.sex,
        "age_min": subject.age_min,
        "age_max": subject.age_max if subject.age_max != subject.age_min else None,
        "height_cm": subject.height_cm,
        "build": subject.build,
        "hair": subject.hair,
        "eyes": subject.eyes,
        "distinguishing_features": subject.distinguishing_features,
        "vehicle": subject.vehicle,
        "description": appeal.description or None,
        "caution": appeal.caution_note or None,
        "wanted_reason": subject.wanted_reason,
        "offence_category": subject.offence_category,
        "offence_summary": appeal.offence_summary or None,
        "last_seen_on": subject.last_seen_on,
        "last_seen_place": subject.last_seen_place,
        "vulnerability": appeal.vulnerability or None,
        "reward_text": appeal.reward_text or None,
        "areas": list(appeal.areas),
        "publication": appeal.published_at,
        "modified": appeal.modified_at,
        "url": absolute(appeal.url),
        "report_url": absolute(reverse("reporting:appeal_start", args=[appeal.reference])),
        "images": [
            {
                "original": absolute(image.url),
                "width": image.width,
                "height": image.height,
                "thumb": absolute(image.thumb_url),
                "thumb_width": THUMB_SIZE[0],
                "thumb_height": THUMB_SIZE[1],
                "caption": image.alt,
            }
            for image in appeal.images
        ],
    }


def _page_link(request: HttpRequest, page: int) -> str:
    query = request.GET.copy()
    query["page"] = str(page)
    return request.build_absolute_uri(f"{request.path}?{query.urlencode()}")


def _page_out(request: HttpRequest, page: Page[Any], items: list[Any]) -> dict[str, Any]:
    return {
        "total": page.count,
        "page": page.number,
        "page_size": page.per_page,
        "next": _page_link(request, page.number + 1) if page.has_next else None,
        "previous": _page_link(request, page.number - 1) if page.has_previous else None,
        "items": items,
    }


def _public_cache_headers(response: HttpResponse) -> None:
    # The one public cache policy (lookout.http_cache): the surrogate keys, ETag and 304 follow on the way out
    # (lookout.page_cache), as for every public page.
    http_cache.public(response)


def _error(code: str, message: str) -> dict[str, Any]:
    return {"error": {"code": code, "message": message}}


@router.get(
    "/appeals",
    response={200: AppealPageOut, 422: ErrorOut},
    summary="Current appeals, a page at a time",
    description="Filter by kind, area and modified_since; order by publication, modified or reference. "
    "Follow `next` until it is null to read them all.",
)
def list_appeals(request: HttpRequest, response: HttpResponse, query: Query[AppealQuery]) -> dict[str, Any]:
    _public_cache_headers(response)
    filters = AppealFilter(
        kind=query.kind, area=query.area, modified_since=query.modified_since, ordering=query.ordering
    )
    page = public_appeals_page(filters=filters, page=query.page, page_size=query.page_size)
    return _page_out(request, page, [_out(request, a) for a in page.items])


@router.get(
    "/appeals/withdrawn",
    response={200: WithdrawnPageOut, 422: ErrorOut},
    summary="Appeals that stopped being public",
    description="The reference and time of every appeal withdrawn (at or after `since`), oldest first, so a "
    "mirror can delete its copy. Nothing else about the person is given.",
)
def list_withdrawn(request: HttpRequest, response: HttpResponse, query: Query[WithdrawnQuery]) -> dict[str, Any]:
    _public_cache_headers(response)
    page = withdrawn_page(since=query.since, page=query.page, page_size=query.page_size)
    items = [{"reference": w.reference, "withdrawn_at": w.withdrawn_at} for w in page.items]
    return _page_out(request, page, items)


@router.get(
    "/appeals/{reference}",
    response={200: AppealOut, 404: ErrorOut, 410: ErrorOut},
    summary="One current appeal",
    description="404 if there is no such appeal; 410 once it has ended (delete any copy).",
)
def get_appeal(request: HttpRequest, reference: str, response: HttpResponse) -> Status[dict[str, Any]]:
    _public_cache_headers(response)
    canonical = normalise_reference(reference)
    appeal = public_appeal(canonical)
    if appeal is not None:
        return Status(200, _out(request, appeal))
    if appeal_has_ended(canonical):
        return Status(410, _error("ended", "This appeal has ended."))
    return Status(404, _error("not_found", "There is no current appeal with that reference."))
