"""Writing and checking the audit trail. Every service that changes or reveals a record calls audit_record."""

import hashlib
import json
from dataclasses import dataclass
from datetime import datetime, time, timedelta
from typing import Any

from django.conf import settings
from django.contrib.auth.models import User
from django.db import models, transaction
from django.utils import timezone

from lookout.task_queue import on_commit_once

from .chain import GENESIS, entry_hash, event_hash, hashed_fields
from .models import AuditEvent, ChainHead
from .sequencer import audit_seal_soon

__all__ = ["GENESIS", "audit_erase_justifications", "audit_label", "audit_record", "audit_verify_chain"]


# Keys whose text would put a person's details into the chain, which can never be erased from it. audit_record
# refuses them (with a text value: a count of phone numbers found is fine) anywhere in `detail`; records are
# named by reference or id instead.
PERSONAL_KEYS = frozenset(
    {"name", "subject_name", "aliases", "email", "phone", "address", "contact", "details", "body", "text"}
)


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


def _day_precision() -> bool:
    """Whether this service's events carry the day only (AUDIT_TIME_PRECISION = "day": the independent service)."""
    return getattr(settings, "AUDIT_TIME_PRECISION", "") == "day"


def audit_now() -> datetime:
    """When an event happened, as precisely as this service may know it: the independent service sets
    AUDIT_TIME_PRECISION = "day" (midnight, local), because it knows only the day of what a reporter does
    (docs/adr/0031-charity-time-and-sealing.md); events stay in order by id."""
    now = timezone.now()
    if _day_precision():
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
    """Write one event. Runs inside the caller's transaction, so the event and the change it records commit
    together or not at all. It reads and locks no shared row: the sequencer chains it after the commit
    (audit.sequencer, queued here on commit; docs/adr/0037-audit-sequencer.md). The target is named by
    audit_label; `detail` must hold no personal data (PERSONAL_KEYS are refused); a justification may, and is
    chained by digest only."""
    connection = transaction.get_connection()
    if not connection.in_atomic_block:
        raise RuntimeError("audit_record must be called inside the service's transaction")
    _refuse_personal_keys(detail or {})
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
    )
    event.entry_hash = entry_hash(event)
    event.save()
    # One sequencer run per transaction, however many events it writes (where the queue may time it: see
    # AUDIT_SEAL_ON_COMMIT).
    if settings.AUDIT_SEAL_ON_COMMIT:
        on_commit_once(audit_seal_soon)
    return event


@dataclass(frozen=True)
class ChainReport:
    checked: int  # sealed events whose hash and link were recomputed
    broken_at: int | None  # id of the first event altered, removed or reordered (-1: the newest sealed removed)
    unsealed: int = 0  # events written but not yet chained by the sequencer
    oldest_unsealed_age: timedelta | None = None
    stale: bool = False  # an unsealed event is older than AUDIT_UNSEALED_MAX_SECONDS: is the sequencer running?

    @property
    def intact(self) -> bool:
        return self.broken_at is None

    @property
    def ok(self) -> bool:
        return self.intact and not self.stale


def _justification_intact(event: AuditEvent) -> bool:
    """The text matches the chained digest, or was erased (and only then is it empty)."""
    if event.justification_erased_at is not None:
        return event.justification == ""
    return justification_digest(event.justification) == event.justification_digest


def _entry_intact(event: AuditEvent) -> bool:
    """Events written since the sequencer exist carry their own hash: it must still match (sealed or not)."""
    return (not event.entry_hash or event.entry_hash == entry_hash(event)) and _justification_intact(event)


def _unsealed_allowance() -> timedelta:
    """How long an event may wait for the sequencer before verify calls it a problem. Where events carry the
    day only (AUDIT_TIME_PRECISION = "day") their age is known to within a day, which is added."""
    allowance = timedelta(seconds=settings.AUDIT_UNSEALED_MAX_SECONDS)
    if _day_precision():
        allowance += timedelta(days=1)
    return allowance


def audit_verify_chain(*, now: datetime | None = None) -> ChainReport:
    """Recompute every sealed hash in chain order and report the first event that was altered, removed or
    reordered; then check the events not yet sealed (their own hashes, how many, the oldest one's age)."""
    prev = GENESIS
    checked = 0
    for event in AuditEvent.objects.filter(seq__isnull=False).order_by("seq").iterator(chunk_size=2000):
        if (
            event.seq != checked + 1
            or event.prev_hash != prev
            or event.hash != event_hash(prev, hashed_fields(event))
            or not _entry_intact(event)
        ):
            return ChainReport(checked=checked, broken_at=event.pk)
        prev = event.hash
        checked += 1
    head = ChainHead.objects.filter(pk=1).first()
    head_matches = (head.last_hash, head.last_seq) == (prev, checked) if head is not None else checked == 0
    if not head_matches:
        return ChainReport(checked=checked, broken_at=-1)
    unsealed = 0
    oldest: datetime | None = None
    for event in AuditEvent.objects.filter(seq__isnull=True).order_by("id").iterator(chunk_size=2000):
        if not _entry_intact(event):
            return ChainReport(checked=checked, broken_at=event.pk)
        unsealed += 1
        oldest = event.occurred_at if oldest is None else min(oldest, event.occurred_at)
    age = (now or timezone.now()) - oldest if oldest is not None else None
    return ChainReport(
        checked=checked,
        broken_at=None,
        unsealed=unsealed,
        oldest_unsealed_age=age,
        stale=age is not None and age > _unsealed_allowance(),
    )


def audit_erase_justifications(*, target: models.Model, now: datetime) -> int:
    """Erase the free-text reasons recorded against a record whose personal data retention has erased. The
    chain keeps each reason's digest, so it still verifies. Runs inside the caller's transaction (the purge
    records its own event for the erasure)."""
    events = AuditEvent.objects.for_target(target).exclude(justification="")
    # The one permitted change to an event: the queryset refuses update(), so go below it on purpose.
    return models.QuerySet.update(events, justification="", justification_erased_at=now)
