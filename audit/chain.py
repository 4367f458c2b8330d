"""How an event is hashed: its own fields (`entry_hash`, when it is written) and its link in the chain (`hash`,
over the previous event's hash and the same fields, when the sequencer seals it). The chained hash is the one
events have always had, so the events chained before the sequencer keep theirs (audit.0003)."""

import hashlib
import json
from datetime import UTC
from typing import Any

from .models import AuditEvent

GENESIS = "0" * 64


def event_hash(prev_hash: str, fields: dict[str, Any]) -> str:
    canonical = json.dumps({"prev": prev_hash, **fields}, sort_keys=True, separators=(",", ":"), default=str)
    return hashlib.sha256(canonical.encode()).hexdigest()


def hashed_fields(event: AuditEvent) -> dict[str, Any]:
    return {
        # In UTC, as the database gives it back, whatever zone it was made in.
        "occurred_at": event.occurred_at.astimezone(UTC).isoformat(),
        "actor_id": event.actor_id,
        "actor_label": event.actor_label,
        "action": event.action,
        "target_type": event.target_type,
        "target_id": event.target_id,
        "target_label": event.target_label,
        "detail": event.detail,
        "justification_digest": event.justification_digest,
    }


def entry_hash(event: AuditEvent) -> str:
    """The event's fields alone (linked to nothing): what an event carries from the moment it is written."""
    return event_hash("", hashed_fields(event))
