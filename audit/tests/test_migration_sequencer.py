"""audit.0003: events chained before the sequencer keep their hashes and links (nothing is re-chained), are
numbered in the order they were chained, and audit_verify passes; new events chain on after them."""

from datetime import UTC, datetime

import pytest
from django.db import connection, transaction
from django.db.migrations.executor import MigrationExecutor

from audit.chain import GENESIS, event_hash
from audit.models import AuditEvent, ChainHead
from audit.sequencer import audit_seal
from audit.services import audit_record, audit_verify_chain

pytestmark = pytest.mark.django_db(transaction=True)

BEFORE = [("audit", "0002_justification_digest_rechain")]
AFTER = [("audit", "0003_sequencer")]


def _migrate(targets: list[tuple[str, str]]) -> MigrationExecutor:
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor


def _chain_the_old_way(apps, n: int) -> list[tuple[int, str]]:  # type: ignore[no-untyped-def]
    """What audit_record wrote before the sequencer: each event linked to the previous one at once."""
    event_model, head_model = apps.get_model("audit", "AuditEvent"), apps.get_model("audit", "ChainHead")
    prev = GENESIS
    written = []
    for i in range(n):
        fields = {
            "occurred_at": datetime(2026, 11, 1, 12, i, tzinfo=UTC).isoformat(),
            "actor_id": None,
            "actor_label": "system",
            "action": "test.old",
            "target_type": "auth.user",
            "target_id": str(i),
            "target_label": f"user {i}",
            "detail": {"i": i},
            "justification_digest": "",
        }
        digest = event_hash(prev, fields)
        event = event_model.objects.create(
            **{k: v for k, v in fields.items() if k != "occurred_at"},
            occurred_at=datetime(2026, 11, 1, 12, i, tzinfo=UTC),
            prev_hash=prev,
            hash=digest,
        )
        written.append((event.pk, digest))
        prev = digest
    head_model.objects.update_or_create(pk=1, defaults={"last_hash": prev})
    return written


def test_events_chained_before_the_sequencer_keep_their_chain():
    old_apps = _migrate(BEFORE).loader.project_state(BEFORE).apps
    try:
        written = _chain_the_old_way(old_apps, 4)
        _migrate(AFTER)
        events = list(AuditEvent.objects.order_by("id"))
        assert [(e.pk, e.hash) for e in events] == written  # the same hashes: no re-chain
        assert [e.seq for e in events] == [1, 2, 3, 4]
        assert ChainHead.objects.get(pk=1).last_seq == 4
        report = audit_verify_chain()
        assert report.ok and report.checked == 4 and report.unsealed == 0
        with transaction.atomic():
            new = audit_record(actor=None, action="test.new", target=ChainHead.objects.get(pk=1))
        audit_seal()
        new.refresh_from_db()
        assert new.seq == 5 and new.prev_hash == written[-1][1]
        assert audit_verify_chain().checked == 5
    finally:
        _migrate(MigrationExecutor(connection).loader.graph.leaf_nodes("audit"))
