"""Writes to the distribution ledger (docs/adr/0039-distribution-ledger.md): events to subscribers through the
partner outbox, the takedown of every copy when an appeal closes, and the copies officers make by hand. Each
write is audited with references only."""

import logging
import urllib.error
import urllib.request
from datetime import datetime, timedelta
from typing import Any
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied
from django.core.mail import send_mail
from django.db import transaction
from django.db.models import F
from django.urls import reverse
from django.utils import timezone

from appeals.models import Appeal
from audit.services import audit_record
from partner.http_signatures import public_key_pem
from partner.models import OutboxMessage
from partner.services import outbox_enqueue

from . import permissions, surfaces
from .models import CopyKind, EventKind, ManualCopy, Subscriber, SubscriberDelivery, SubscriberKind, SurfaceCheck
from .selectors import surface_paths

logger = logging.getLogger(__name__)
FETCH_TIMEOUT_SECONDS = 10
# The independent service's withdrawal is the message appeals.partners already queues (ADR 0030).
INDEPENDENT_WITHDRAWAL_ID = "withdrawn:{reference}"


def _public_url(path: str) -> str:
    return settings.LOOKOUT_PUBLIC_BASE_URL.rstrip("/") + path


def _event_payload(*, appeal: Appeal, event: str, message_id: str) -> dict[str, Any]:
    """What a subscriber is told: the event, the public reference and its public address. Nothing about the
    person: a subscriber reads the released details from the public API."""
    payload: dict[str, Any] = {
        "message_id": message_id,
        "event": event,
        "reference": appeal.reference,
        "url": _public_url(reverse("appeals:detail", args=[appeal.reference])),
        "api_url": _public_url(reverse("api:get_appeal", kwargs={"reference": appeal.reference})),
    }
    if event == EventKind.PUBLISHED and appeal.published_at:
        payload["published_at"] = appeal.published_at.isoformat()
    if event == EventKind.WITHDRAWN and appeal.closed_at:
        payload["withdrawn_at"] = appeal.closed_at.isoformat()
    return payload


def _send(*, appeal: Appeal, subscriber: Subscriber, event: str) -> SubscriberDelivery | None:
    """One event to one subscriber, once: the ledger row and the outbox message share the message id, which is
    the Idempotency-Key the subscriber de-duplicates on. Returns None if it was already sent."""
    if subscriber.uses_partner_channel:
        if event != EventKind.WITHDRAWN:
            return None  # the charity reads published appeals from the public API (independent.police_api)
        message_id = INDEPENDENT_WITHDRAWAL_ID.format(reference=appeal.reference)
    else:
        message_id = f"{event}:{appeal.reference}:s{subscriber.pk}"
    if SubscriberDelivery.objects.filter(message_id=message_id).exists():
        return None
    delivery = SubscriberDelivery.objects.create(
        appeal=appeal, subscriber=subscriber, event=event, message_id=message_id
    )
    if not subscriber.uses_partner_channel:
        outbox_enqueue(
            kind=f"distribution.{event}",
            path=urlsplit(subscriber.endpoint_url).path or "/",
            message_id=message_id,
            payload=_event_payload(appeal=appeal, event=event, message_id=message_id),
            endpoint=subscriber.endpoint_url,
            signing_key_id=subscriber.key_id,
            at_once=event == EventKind.WITHDRAWN,
        )
    return delivery


def appeal_distribute(*, appeal: Appeal) -> int:
    """On publication (inside its transaction): a "published" event to every active subscriber."""
    sent = [_send(appeal=appeal, subscriber=s, event=EventKind.PUBLISHED) for s in Subscriber.objects.active()]
    count = sum(1 for d in sent if d is not None)
    if count:
        audit_record(actor=None, action="distribution.published", target=appeal, detail={"subscribers": count})
    return count


def appeal_takedown_start(*, appeal: Appeal) -> None:
    """On closing (inside its transaction): the withdrawal to every active subscriber, one check per surface of
    ours, and (by being open on a closed appeal) every manual copy becomes a task on its recorder's desk. The
    checks start after commit (distribution.tasks.verify_takedown)."""
    if not appeal.was_public:
        return  # a draft never left the back office
    for subscriber in Subscriber.objects.active():
        _send(appeal=appeal, subscriber=subscriber, event=EventKind.WITHDRAWN)
    for surface, paths in surface_paths(appeal):
        if paths is None:
            SurfaceCheck.objects.get_or_create(
                appeal=appeal, surface=surface.key, path="", defaults={"deployed": False}
            )
            continue
        for path in paths:
            SurfaceCheck.objects.get_or_create(appeal=appeal, surface=surface.key, path=path)
    copies = ManualCopy.objects.filter(appeal=appeal, removed_at__isnull=True).count()
    audit_record(
        actor=None,
        action="distribution.takedown_started",
        target=appeal,
        detail={"surfaces": len(surfaces.SURFACES), "manual_copies": copies},
    )
    appeal_id = appeal.pk
    transaction.on_commit(lambda: _start_verification(appeal_id))


def _start_verification(appeal_id: int) -> None:
    from .tasks import verify_takedown

    verify_takedown.enqueue(appeal_id)


def _fetch(url: str) -> tuple[int, bytes]:
    """GET a public address the way a member of the public would, through any proxy in front of us."""
    request = urllib.request.Request(url, headers={"Accept": "*/*"})  # noqa: S310 - our own configured base URL
    try:
        with urllib.request.urlopen(request, timeout=FETCH_TIMEOUT_SECONDS) as response:  # noqa: S310
            return response.status, response.read()
    except urllib.error.HTTPError as exc:
        return exc.code, b""


def takedown_verify(*, appeal_id: int, now: datetime | None = None) -> bool:
    """Check every unconfirmed surface and copy subscriber acknowledgements from the outbox. Returns True once
    every deployed surface and every subscriber has confirmed (manual copies are the officers' tasks)."""
    appeal = Appeal.objects.get(pk=appeal_id)
    pending = SurfaceCheck.objects.filter(appeal=appeal, deployed=True, confirmed_at__isnull=True)
    for check in pending:
        surface = surfaces.BY_KEY.get(check.surface)
        if surface is None:
            continue
        try:
            status, body = _fetch(_public_url(check.path))
        except (urllib.error.URLError, TimeoutError, ConnectionError, OSError, ValueError) as exc:
            logger.warning(
                "Takedown check of %s for %s failed: %s", check.surface, appeal.reference, type(exc).__name__
            )
            status, body = 0, b""
        checked = now or timezone.now()
        check.attempts += 1
        check.last_status = status or None
        check.last_checked_at = checked
        fields = ["attempts", "last_status", "last_checked_at"]
        if status and surfaces.is_gone(surface, status=status, body=body, reference=appeal.reference):
            check.confirmed_at = checked
            fields.append("confirmed_at")
        check.save(update_fields=fields)
    deliveries = SubscriberDelivery.objects.filter(appeal=appeal, confirmed_at__isnull=True)
    acks = dict(
        OutboxMessage.objects.filter(
            message_id__in=deliveries.values("message_id"), acknowledged_at__isnull=False
        ).values_list("message_id", "acknowledged_at")
    )
    for delivery in deliveries:
        if delivery.message_id in acks:
            delivery.confirmed_at = acks[delivery.message_id]
            delivery.save(update_fields=["confirmed_at"])
    done = not (
        SurfaceCheck.objects.filter(appeal=appeal, deployed=True, confirmed_at__isnull=True).exists()
        or SubscriberDelivery.objects.filter(appeal=appeal, confirmed_at__isnull=True).exists()
    )
    if done and not _audited_complete(appeal):
        with transaction.atomic():
            audit_record(actor=None, action="distribution.takedown_confirmed", target=appeal)
    return done


def _audited_complete(appeal: Appeal) -> bool:
    from audit.models import AuditEvent

    return AuditEvent.objects.for_target(appeal).filter(action="distribution.takedown_confirmed").exists()


def takedowns_verify_due(*, now: datetime | None = None) -> tuple[int, int]:
    """The sweep (`manage.py distribution_takedown_check`): every closed appeal still waiting on a confirmation.
    Returns (confirmed now, still waiting)."""
    waiting = set(
        SurfaceCheck.objects.filter(deployed=True, confirmed_at__isnull=True).values_list("appeal_id", flat=True)
    ) | set(
        SubscriberDelivery.objects.filter(confirmed_at__isnull=True, event=EventKind.WITHDRAWN).values_list(
            "appeal_id", flat=True
        )
    )
    results = [takedown_verify(appeal_id=a, now=now) for a in sorted(waiting)]
    return sum(results), len(results) - sum(results)


def retry_wait(attempts: int) -> timedelta:
    """15 s, 30 s, 60 s … doubling, at most 15 minutes between checks of a takedown."""
    return min(timedelta(seconds=15 * 2 ** min(max(attempts - 1, 0), 10)), timedelta(minutes=15))


@transaction.atomic
def manual_copy_record(*, appeal: Appeal, actor: User, kind: str, where: str, count: int = 1) -> ManualCopy:
    """An officer records a copy they made by hand (a social post's address, or posters and where)."""
    if not permissions.can_record_copy(actor, appeal):
        raise PermissionDenied(permissions.REFUSE_RECORD)
    copy = ManualCopy.objects.create(
        appeal=appeal, kind=CopyKind(kind).value, where=where.strip(), count=max(count, 1), recorded_by=actor
    )
    audit_record(
        actor=actor, action="distribution.copy_recorded", target=appeal, detail={"copy": copy.pk, "kind": copy.kind}
    )
    return copy


@transaction.atomic
def manual_copy_remove(*, copy: ManualCopy, actor: User, now: datetime | None = None) -> ManualCopy:
    """The officer who recorded a copy ticks it as taken down."""
    copy = ManualCopy.objects.select_for_update().select_related("appeal").get(pk=copy.pk)
    if not permissions.can_tick_copy(actor, copy):
        raise PermissionDenied(permissions.REFUSE_TICK)
    if copy.removed_at is None:
        copy.removed_at = now or timezone.now()
        copy.save(update_fields=["removed_at"])
        audit_record(actor=actor, action="distribution.copy_removed", target=copy.appeal, detail={"copy": copy.pk})
    return copy


def copies_remind(*, now: datetime | None = None, every: timedelta = timedelta(hours=24)) -> int:
    """E-mail each officer once per `every` about the copies of closed appeals they have still to take down.
    Returns how many officers were reminded."""
    now = now or timezone.now()
    due = ManualCopy.objects.filter(removed_at__isnull=True, appeal__closed_at__isnull=False).exclude(
        last_reminded_at__gt=now - every
    )
    by_officer: dict[int, list[ManualCopy]] = {}
    for copy in due.select_related("appeal", "recorded_by"):
        by_officer.setdefault(copy.recorded_by_id, []).append(copy)
    desk = settings.LOOKOUT_STAFF_BASE_URL.rstrip("/") + reverse("distribution_staff:desk")
    for copies in by_officer.values():
        officer = copies[0].recorded_by
        if officer.email:
            references = ", ".join(sorted({c.appeal.reference for c in copies}))
            send_mail(
                "Lookout: copies of closed appeals to take down",
                f"You recorded {len(copies)} copies of closed appeals ({references}) that are not yet ticked as "
                f"removed. Take them down, then tick them on your desk: {desk}",
                None,
                [officer.email],
            )
        ManualCopy.objects.filter(pk__in=[c.pk for c in copies]).update(
            last_reminded_at=now, reminders_sent=F("reminders_sent") + 1
        )
    return len(by_officer)


@transaction.atomic
def subscriber_add(*, name: str, kind: str, endpoint_url: str = "", key_id: str = "") -> Subscriber:
    """Add or update a subscriber (the admin does the same for administrators). Every subscriber but the
    independent service needs an http(s) endpoint and one of our signing key ids."""
    kind = SubscriberKind(kind).value
    if kind != SubscriberKind.INDEPENDENT:
        if not endpoint_url.startswith(("https://", "http://")):
            raise ValueError("A subscriber needs an http(s) endpoint.")
        if key_id not in settings.LOOKOUT_DISTRIBUTION_SIGNING_KEYS:
            raise ValueError("Choose one of our signing key ids (LOOKOUT_DISTRIBUTION_SIGNING_KEYS).")
    subscriber, _created = Subscriber.objects.update_or_create(
        name=name,
        defaults={
            "kind": kind,
            "endpoint_url": endpoint_url,
            "key_id": key_id,
            "public_key": public_key_pem(key_id) if key_id else "",
            "active": True,
        },
    )
    audit_record(actor=None, action="distribution.subscriber_saved", target=subscriber, detail={"kind": kind})
    return subscriber
