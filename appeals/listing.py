"""Pages of public appeals for partners (the public API): filtered, ordered, and a page (appeals.pagination.Page,
the gallery's too) costs the same few queries however many appeals a force has; and the list of appeals that
stopped being public, so a mirror can delete them. What is public is decided by Appeal.objects.public() and
appeals.selectors.to_public alone."""

from dataclasses import dataclass
from datetime import datetime
from typing import Final

from django.db.models import F, Prefetch
from django.db.models.functions import Greatest

from .models import Appeal, AppealImage
from .pagination import Page
from .selectors import PublicAppeal, to_public

# The orderings a partner may ask for, by name: each ends with a unique column so pages never overlap.
ORDERINGS: dict[str, tuple[str, ...]] = {
    "-publication": ("-published_at", "-id"),
    "publication": ("published_at", "id"),
    "-modified": ("-modified", "-id"),
    "modified": ("modified", "id"),
    "reference": ("reference",),
    "-reference": ("-reference",),
}
DEFAULT_ORDERING: Final = "-publication"


@dataclass(frozen=True)
class AppealFilter:
    """What a partner may filter public appeals on: released information only."""

    kind: str | None = None
    area: str | None = None
    modified_since: datetime | None = None
    ordering: str = DEFAULT_ORDERING


@dataclass(frozen=True)
class Withdrawal:
    """That an appeal stopped being public, and when: nothing else about the person."""

    reference: str
    withdrawn_at: datetime


def _rows(page: int, page_size: int) -> slice:
    start = (page - 1) * page_size
    return slice(start, start + page_size)


def public_appeals_page(*, filters: AppealFilter, page: int, page_size: int) -> Page[PublicAppeal]:
    """One page of public appeals: a count, the page's appeals with their assessments, and their released
    images - three queries, whatever the number of appeals."""
    query = Appeal.objects.public().annotate(modified=Greatest(F("updated_at"), F("assessment__updated_at")))
    if filters.kind:
        query = query.filter(kind=filters.kind)
    if filters.area:
        # public_areas holds released areas only (empty unless the assessment releases them).
        query = query.filter(public_areas__icontains=filters.area)
    if filters.modified_since is not None:
        query = query.filter(modified__gte=filters.modified_since)
    total = query.count()
    rows = (
        query.select_related("assessment")
        .prefetch_related(Prefetch("assessment__released_images", queryset=AppealImage.objects.order_by("id")))
        .order_by(*ORDERINGS[filters.ordering])
    )[_rows(page, page_size)]
    items = [to_public(a, a.assessment, list(a.assessment.released_images.all())) for a in rows]
    return Page(items=items, number=page, count=total, per_page=page_size)


def withdrawn_page(*, since: datetime | None, page: int, page_size: int) -> Page[Withdrawal]:
    """Appeals that were public and have ended, oldest withdrawal first (since a time, if given): the
    reference and the time only."""
    query = Appeal.objects.ended().was_public().filter(closed_at__isnull=False)
    if since is not None:
        query = query.filter(closed_at__gte=since)
    total = query.count()
    rows = query.order_by("closed_at", "id").values_list("reference", "closed_at")[_rows(page, page_size)]
    items = [Withdrawal(reference=reference, withdrawn_at=closed_at) for reference, closed_at in rows if closed_at]
    return Page(items=items, number=page, count=total, per_page=page_size)
