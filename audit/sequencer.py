"""The sequencer: it gives events written since its last run their place in the chain, in the order they became
visible (committed), as Certificate Transparency logs accept entries first and integrate them after. Writing an
event (audit.services.audit_record) touches no shared row; only the sequencer takes the chain head, so
reporters never wait on each other, and two sequencers take turns (docs/adr/0037-audit-sequencer.md)."""

from django.conf import settings
from django.db import models, transaction
from django.db.models import F

from lookout.task_queue import enqueue_once_per_window

from .chain import GENESIS, event_hash, hashed_fields
from .models import AuditEvent, ChainHead

SEAL_BATCH = 2000


def _chain_head_lock() -> ChainHead:
    """Lock the chain head by writing it before anything is read: on PostgreSQL the UPDATE takes the row lock,
    on SQLite it takes the database's write lock, so a second sequencer waits here and then reads what the
    first one sealed (never a stale head)."""
    ChainHead.objects.get_or_create(pk=1, defaults={"last_hash": GENESIS})
    ChainHead.objects.filter(pk=1).update(last_seq=F("last_seq"))
    return ChainHead.objects.get(pk=1)


def audit_seal(*, batch: int = SEAL_BATCH) -> int:
    """Seal the events not yet sealed, oldest id first, up to `batch` per transaction until none are left;
    returns how many were sealed.

    Order: an event still in an open transaction is invisible here and is sealed by a later run, after the
    ones sealed now; so each event is placed after every event sealed before its transaction committed, and
    a late-committing low id is never skipped (its row has no `seq` until some run sees it)."""
    sealed = 0
    while True:
        with transaction.atomic():
            head = _chain_head_lock()
            events = list(AuditEvent.objects.filter(seq__isnull=True).order_by("id")[:batch])
            prev, seq = head.last_hash, head.last_seq
            for event in events:
                seq += 1
                event.seq, event.prev_hash = seq, prev
                event.hash = prev = event_hash(prev, hashed_fields(event))
            # The one change sealing makes to an event; the append-only queryset refuses update(), so below it.
            models.QuerySet[AuditEvent](model=AuditEvent).bulk_update(
                events, ["seq", "prev_hash", "hash"], batch_size=500
            )
            head.last_hash, head.last_seq = prev, seq
            head.save(update_fields=["last_hash", "last_seq"])
        sealed += len(events)
        if len(events) < batch:
            return sealed


def audit_seal_soon() -> None:
    """Queue the sequencer after the caller's transaction commits. If the queue is down the event simply
    waits for the next `audit_seal --every N` run; the report it records is already stored.

    In a surge, at most one run is queued per AUDIT_SEAL_WINDOW_SECONDS across every process (a key added to
    the shared cache), due at the end of the window, so it seals every event committed in the window in one
    batch: not one task row, one commit and one sequencer run per report. An event committed after that run
    has read the unsealed rows waits for the next window's run, or the periodic `audit_seal --every N`."""
    from .tasks import seal_events

    enqueue_once_per_window(
        seal_events,
        key="audit:seal-queued",
        window=settings.AUDIT_SEAL_WINDOW_SECONDS,
        catch_up="the periodic audit_seal will seal the events",
    )
