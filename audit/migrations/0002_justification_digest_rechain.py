"""Justifications are chained by digest (so retention can erase the text) and events name appeals by reference
only. The existing chain is checked under the old rule first (the migration stops if it is broken), then
re-sealed once under the new rule, with the subject's name removed from appeal events' labels
(docs/adr/0034-retention-and-erasure.md)."""

import hashlib
import json
from typing import Any

from django.db import migrations, models

GENESIS = "0" * 64


def _hash(prev: str, fields: dict[str, Any]) -> str:
    canonical = json.dumps({"prev": prev, **fields}, sort_keys=True, separators=(",", ":"), default=str)
    return hashlib.sha256(canonical.encode()).hexdigest()


def _fields(event: Any, *, legacy: bool) -> dict[str, Any]:
    fields = {
        "occurred_at": event.occurred_at.isoformat(),
        "actor_id": event.actor_id,
        "actor_label": event.actor_label,
        "action": event.action,
        "target_type": event.target_type,
        "target_id": event.target_id,
        "target_label": event.target_label,
        "detail": event.detail,
    }
    if legacy:
        fields["justification"] = event.justification
    else:
        fields["justification_digest"] = event.justification_digest
    return fields


def rechain(apps: Any, schema_editor: Any) -> None:
    event_model = apps.get_model("audit", "AuditEvent")
    head_model = apps.get_model("audit", "ChainHead")
    prev = GENESIS
    for event in event_model.objects.order_by("id").iterator():
        if event.prev_hash != prev or event.hash != _hash(prev, _fields(event, legacy=True)):
            raise RuntimeError(f"audit chain broken at event {event.pk}: run audit_verify before migrating")
        prev = event.hash
    prev = GENESIS
    for event in event_model.objects.order_by("id").iterator():
        if event.target_type == "appeals.appeal":
            event.target_label = event.target_label.split(" ", 1)[0]
        event.justification_digest = (
            hashlib.sha256(event.justification.encode()).hexdigest() if event.justification else ""
        )
        event.prev_hash = prev
        event.hash = _hash(prev, _fields(event, legacy=False))
        event_model.objects.filter(pk=event.pk).update(
            target_label=event.target_label,
            justification_digest=event.justification_digest,
            prev_hash=event.prev_hash,
            hash=event.hash,
        )
        prev = event.hash
    head_model.objects.filter(pk=1).update(last_hash=prev)


class Migration(migrations.Migration):
    dependencies = [("audit", "0001_initial")]

    operations = [
        migrations.AddField(
            model_name="auditevent",
            name="justification_digest",
            field=models.CharField(blank=True, max_length=64),
        ),
        migrations.AddField(
            model_name="auditevent",
            name="justification_erased_at",
            field=models.DateTimeField(blank=True, null=True),
        ),
        migrations.RunPython(rechain, migrations.RunPython.noop),
    ]
