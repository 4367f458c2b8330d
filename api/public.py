"""The public, read-only API: current appeals as the public sees them (used by the independent service)."""

from typing import Any

from django.http import HttpRequest, HttpResponse
from ninja import Router, Status

from appeals.references import normalise_reference
from appeals.selectors import PublicAppeal, appeal_has_ended, public_appeal, public_appeals
from lookout import http_cache

from .schemas import ErrorOut, PublicAppealOut

router = Router(tags=["public"])


def _out(appeal: PublicAppeal) -> dict[str, Any]:
    return {
        "reference": appeal.reference,
        "kind": appeal.kind,
        "title": appeal.title,
        "summary": appeal.summary_line,
        "details": appeal.details,
        "description": appeal.description,
        "caution_note": appeal.caution_note,
        "offence_summary": appeal.offence_summary,
        "vulnerability": appeal.vulnerability,
        "published_on": appeal.published_on,
        "url": appeal.url,
        "images": [image.__dict__ for image in appeal.images],
    }


def _public_cache_headers(response: HttpResponse) -> None:
    # The one public cache policy (lookout.http_cache): the surrogate keys, ETag and 304 follow on the way out
    # (lookout.page_cache), as for every public page.
    http_cache.public(response)


def _error(code: str, message: str) -> dict[str, Any]:
    return {"error": {"code": code, "message": message}}


@router.get("/appeals", response=list[PublicAppealOut], summary="Current appeals")
def list_appeals(request: HttpRequest, response: HttpResponse) -> list[dict[str, Any]]:
    _public_cache_headers(response)
    return [_out(a) for a in public_appeals()]


@router.get(
    "/appeals/{reference}",
    response={200: PublicAppealOut, 404: ErrorOut, 410: ErrorOut},
    summary="One current appeal",
)
def get_appeal(request: HttpRequest, reference: str, response: HttpResponse) -> Status[dict[str, Any]]:
    _public_cache_headers(response)
    canonical = normalise_reference(reference)
    appeal = public_appeal(canonical)
    if appeal is not None:
        return Status(200, _out(appeal))
    if appeal_has_ended(canonical):
        return Status(410, _error("ended", "This appeal has ended."))
    return Status(404, _error("not_found", "There is no current appeal with that reference."))
