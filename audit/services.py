"""Writing and checking the audit trail. Every service that changes or reveals a record calls audit_record."""

import datetime
import hashlib
import json
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.contrib.auth.models import User
from django.db import models, transaction
from django.utils import timezone

from .models import AuditEvent, ChainHead

GENESIS = "0" * 64


def _event_hash(prev_hash: str, fields: dict[str, Any]) -> str:
    canonical = json.dumps({"prev": prev_hash, **fields}, sort_keys=True, separators=(",", ":"), default=str)
    return hashlib.sha256(canonical.encode()).hexdigest()


def _hashed_fields(event: AuditEvent) -> dict[str, Any]:
    return {
        "occurred_at": event.occurred_at.isoformat(),
        "actor_id": event.actor_id,
        "actor_label": event.actor_label,
        "action": event.action,
        "target_type": event.target_type,
        "target_id": event.target_id,
        "target_label": event.target_label,
        "detail": event.detail,
        "justification": event.justification,
    }


def audit_now() -> datetime.datetime:
    """When an event happened, as precisely as this service may know it: the independent service sets
    AUDIT_TIME_PRECISION = "day" (midnight, local), because it knows only the day of what a reporter does
    (docs/adr/0031-charity-time-and-sealing.md); events stay in order by id."""
    now = timezone.now()
    if getattr(settings, "AUDIT_TIME_PRECISION", "") == "day":
        return timezone.make_aware(datetime.datetime.combine(timezone.localdate(now), datetime.time.min))
    return now


def audit_record(
    *,
    actor: User | None,
    action: str,
    target: models.Model,
    detail: dict[str, Any] | None = None,
    justification: str = "",
    target_label: str = "",
) -> AuditEvent:
    """Append one event to the chain. Runs inside the caller's transaction, so the event and the change it
    records commit together or not at all."""
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("audit_record must be called inside the service's transaction")
    head, _ = ChainHead.objects.select_for_update().get_or_create(pk=1, defaults={"last_hash": GENESIS})
    event = AuditEvent(
        occurred_at=audit_now(),
        actor=actor if actor is not None and actor.is_authenticated else None,
        actor_label=actor.get_username() if actor is not None else "system",
        action=action,
        target_type=target._meta.label_lower,
        target_id=str(target.pk),
        target_label=target_label or str(target)[:200],
        detail=json.loads(json.dumps(detail or {}, default=str)),
        justification=justification,
        prev_hash=head.last_hash,
    )
    event.hash = _event_hash(head.last_hash, _hashed_fields(event))
    event.save()
    head.last_hash = event.hash
    head.save(update_fields=["last_hash"])
    return event


@dataclass(frozen=True)
class ChainReport:
    checked: int
    broken_at: int | None  # id of the first event whose hash or link does not match

    @property
    def ok(self) -> bool:
        return self.broken_at is None


def audit_verify_chain() -> ChainReport:
    """Recompute every hash in order; report the first event that was altered, removed or reordered."""
    prev = GENESIS
    checked = 0
    for event in AuditEvent.objects.order_by("id").iterator(chunk_size=2000):
        if event.prev_hash != prev or event.hash != _event_hash(prev, _hashed_fields(event)):
            return ChainReport(checked=checked, broken_at=event.pk)
        prev = event.hash
        checked += 1
    head = ChainHead.objects.filter(pk=1).first()
    if head is not None and head.last_hash != prev:
        return ChainReport(checked=checked, broken_at=-1)
    return ChainReport(checked=checked, broken_at=None)
