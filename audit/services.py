"""Writing and checking the audit trail. Every service that changes or reveals a record calls audit_record."""

import hashlib
import json
from dataclasses import dataclass
from datetime import datetime, time
from typing import Any

from django.conf import settings
from django.contrib.auth.models import User
from django.db import models, transaction
from django.utils import timezone

from .models import AuditEvent, ChainHead

GENESIS = "0" * 64


# Keys whose text would put a person's details into the chain, which can never be erased from it. audit_record
# refuses them (with a text value: a count of phone numbers found is fine) anywhere in `detail`; records are
# named by reference or id instead.
PERSONAL_KEYS = frozenset(
    {"name", "subject_name", "aliases", "email", "phone", "address", "contact", "details", "body", "text"}
)


def _event_hash(prev_hash: str, fields: dict[str, Any]) -> str:
    canonical = json.dumps({"prev": prev_hash, **fields}, sort_keys=True, separators=(",", ":"), default=str)
    return hashlib.sha256(canonical.encode()).hexdigest()


def justification_digest(text: str) -> str:
    """What the chain holds of a justification: its digest, so the text itself can be erased later."""
    return hashlib.sha256(text.encode()).hexdigest() if text else ""


def audit_label(target: models.Model) -> str:
    """A non-personal name for a record: its own `audit_label` (a reference) or "<kind> <id>", never str(),
    which for an appeal includes the subject's name."""
    label = getattr(target, "audit_label", None)
    return str(label) if label else f"{target._meta.verbose_name} {target.pk}"


def _refuse_personal_keys(detail: Any) -> None:
    if isinstance(detail, dict):
        found = [key for key in PERSONAL_KEYS.intersection(detail) if isinstance(detail[key], str | list)]
        if found:
            raise ValueError(f"audit detail must not hold personal data: {sorted(found)}")
        for value in detail.values():
            _refuse_personal_keys(value)
    elif isinstance(detail, list):
        for value in detail:
            _refuse_personal_keys(value)


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
        "justification_digest": event.justification_digest,
    }


def audit_now() -> datetime:
    """When an event happened, as precisely as this service may know it: the independent service sets
    AUDIT_TIME_PRECISION = "day" (midnight, local), because it knows only the day of what a reporter does
    (docs/adr/0031-charity-time-and-sealing.md); events stay in order by id."""
    now = timezone.now()
    if getattr(settings, "AUDIT_TIME_PRECISION", "") == "day":
        return timezone.make_aware(datetime.combine(timezone.localdate(now), time.min))
    return now


def audit_record(
    *,
    actor: User | None,
    action: str,
    target: models.Model,
    detail: dict[str, Any] | None = None,
    justification: str = "",
) -> AuditEvent:
    """Append one event to the chain. Runs inside the caller's transaction, so the event and the change it
    records commit together or not at all. The target is named by audit_label; `detail` must hold no personal
    data (PERSONAL_KEYS are refused); a justification may, and is chained by digest only."""
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("audit_record must be called inside the service's transaction")
    _refuse_personal_keys(detail or {})
    head, _ = ChainHead.objects.select_for_update().get_or_create(pk=1, defaults={"last_hash": GENESIS})
    event = AuditEvent(
        occurred_at=audit_now(),
        actor=actor if actor is not None and actor.is_authenticated else None,
        actor_label=actor.get_username() if actor is not None else "system",
        action=action,
        target_type=target._meta.label_lower,
        target_id=str(target.pk),
        target_label=audit_label(target)[:200],
        detail=json.loads(json.dumps(detail or {}, default=str)),
        justification=justification,
        justification_digest=justification_digest(justification),
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


def _justification_intact(event: AuditEvent) -> bool:
    """The text matches the chained digest, or was erased (and only then is it empty)."""
    if event.justification_erased_at is not None:
        return event.justification == ""
    return justification_digest(event.justification) == event.justification_digest


def audit_verify_chain() -> ChainReport:
    """Recompute every hash in order; report the first event that was altered, removed or reordered."""
    prev = GENESIS
    checked = 0
    for event in AuditEvent.objects.order_by("id").iterator(chunk_size=2000):
        if (
            event.prev_hash != prev
            or event.hash != _event_hash(prev, _hashed_fields(event))
            or not _justification_intact(event)
        ):
            return ChainReport(checked=checked, broken_at=event.pk)
        prev = event.hash
        checked += 1
    head = ChainHead.objects.filter(pk=1).first()
    if head is not None and head.last_hash != prev:
        return ChainReport(checked=checked, broken_at=-1)
    return ChainReport(checked=checked, broken_at=None)


def audit_erase_justifications(*, target: models.Model, now: datetime) -> int:
    """Erase the free-text reasons recorded against a record whose personal data retention has erased. The
    chain keeps each reason's digest, so it still verifies. Runs inside the caller's transaction (the purge
    records its own event for the erasure)."""
    events = AuditEvent.objects.for_target(target).exclude(justification="")
    # The one permitted change to an event: the queryset refuses update(), so go below it on purpose.
    return models.QuerySet.update(events, justification="", justification_erased_at=now)
