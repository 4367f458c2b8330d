"""The read side of the ledger: where an appeal went, the takedown report once it closed, an officer's desk."""

from dataclasses import dataclass
from datetime import datetime

from django.contrib.auth.models import User
from django.utils.functional import Promise

from appeals.models import Appeal, PublicityAssessment
from partner.models import OutboxMessage

from . import surfaces
from .models import EventKind, ManualCopy, Subscriber, SubscriberDelivery, SurfaceCheck


@dataclass(frozen=True)
class Row:
    """One line of the ledger or the takedown report."""

    label: str | Promise
    detail: str
    deployed: bool = True
    confirmed_at: datetime | None = None
    note: str = ""


@dataclass(frozen=True)
class Ledger:
    surfaces: list[Row]
    subscribers: list[Row]
    copies: list[ManualCopy]
    closed: bool
    takedown: list[Row]

    @property
    def all_confirmed(self) -> bool:
        return all(r.confirmed_at for r in self.takedown if r.deployed) and all(c.removed_at for c in self.copies)


def surface_paths(appeal: Appeal) -> list[tuple[surfaces.Surface, list[str] | None]]:
    """Each surface of ours with the appeal's paths on it (its released images for the image surface); None
    for a surface not deployed here."""
    assessment = PublicityAssessment.objects.filter(appeal=appeal).first()
    image_ids = [str(i) for i in assessment.released_images.values_list("public_id", flat=True)] if assessment else []
    return [
        (surface, surfaces.paths_for(surface, reference=appeal.reference, image_ids=image_ids))
        for surface in surfaces.SURFACES
    ]


def _surface_rows(appeal: Appeal) -> list[Row]:
    return [
        Row(label=surface.label, detail=", ".join(paths or []), deployed=paths is not None)
        for surface, paths in surface_paths(appeal)
    ]


def _subscriber_rows(appeal: Appeal) -> list[Row]:
    deliveries = list(SubscriberDelivery.objects.filter(appeal=appeal).select_related("subscriber"))
    acks = dict(
        OutboxMessage.objects.filter(message_id__in=[d.message_id for d in deliveries]).values_list(
            "message_id", "acknowledged_at"
        )
    )
    return [
        Row(
            label=d.subscriber.name,
            detail=d.get_event_display(),
            confirmed_at=d.confirmed_at or acks.get(d.message_id),
        )
        for d in deliveries
    ]


def _takedown_rows(appeal: Appeal) -> list[Row]:
    rows = [
        Row(
            label=surfaces.BY_KEY[c.surface].label if c.surface in surfaces.BY_KEY else c.surface,
            detail=c.path,
            deployed=c.deployed,
            confirmed_at=c.confirmed_at,
            note=f"HTTP {c.last_status}" if c.last_status else "",
        )
        for c in SurfaceCheck.objects.filter(appeal=appeal)
    ]
    rows += [r for r in _subscriber_rows(appeal) if r.detail == EventKind.WITHDRAWN.label]
    return rows


def ledger_for(appeal: Appeal) -> Ledger:
    """Everything the staff appeal page shows about where the appeal went and whether it came back."""
    closed = appeal.has_ended and appeal.was_public
    return Ledger(
        surfaces=_surface_rows(appeal),
        subscribers=_subscriber_rows(appeal),
        copies=list(ManualCopy.objects.filter(appeal=appeal).select_related("recorded_by")),
        closed=closed,
        takedown=_takedown_rows(appeal) if closed else [],
    )


def desk_tasks(user: User) -> list[ManualCopy]:
    """The copies this officer recorded of appeals now closed, not yet ticked as removed: oldest closure first."""
    return list(
        ManualCopy.objects.filter(recorded_by=user, removed_at__isnull=True, appeal__closed_at__isnull=False)
        .select_related("appeal")
        .order_by("appeal__closed_at", "id")
    )


def active_subscribers() -> list[Subscriber]:
    return list(Subscriber.objects.active())
