"""On PostgreSQL, with real concurrent transactions: writing audit events takes no lock reporters share, and
the sequencer chains events in commit order even when ids commit out of order (docs/adr/0037-audit-sequencer.md)."""

import threading
from collections.abc import Callable
from typing import Any

import pytest
from django.db import connection, transaction

from accounts.roles import Role
from accounts.tests.factories import make_staff
from appeals.tests.factories import published
from audit.models import AuditEvent
from audit.sequencer import audit_seal
from audit.services import audit_record, audit_verify_chain
from reporting.signals import report_received
from reporting.tests.factories import submit

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(connection.vendor != "postgresql", reason="needs concurrent transactions (PostgreSQL)"),
]

WAIT = 10


class HeldOpen(threading.Thread):
    """Runs `work` in its own connection and transaction, then holds the transaction open until released."""

    def __init__(self, work: Callable[[], Any]) -> None:
        super().__init__(daemon=True)
        self.work, self.ready, self.release = work, threading.Event(), threading.Event()
        self.result: Any = None
        self.error: BaseException | None = None

    def hold(self) -> None:
        self.ready.set()
        assert self.release.wait(WAIT), "never released"

    def run(self) -> None:
        try:
            self.result = self.work()
        except BaseException as error:  # noqa: BLE001 - reported to the test's thread
            self.error = error
            self.ready.set()
        finally:
            connection.close()

    def finish(self) -> Any:
        self.release.set()
        self.join(WAIT)
        assert not self.is_alive() and self.error is None, self.error
        return self.result


def test_a_report_held_open_does_not_block_another_from_committing():
    appeal = published()
    holder: HeldOpen

    def hold_inside_the_report_transaction(sender: Any, report: Any, **kwargs: Any) -> None:
        if threading.current_thread() is holder:
            holder.hold()  # its report and audit event are written; its transaction stays open

    report_received.connect(hold_inside_the_report_transaction, weak=False)
    try:
        holder = HeldOpen(lambda: submit(appeal).report)
        holder.start()
        assert holder.ready.wait(WAIT) and holder.error is None
        with connection.cursor() as cursor:
            cursor.execute("SET lock_timeout = '3s'")  # a wait on a shared row fails here instead of hanging
        second = submit(appeal).report  # commits (and is sealed) while the first is still open
        first = holder.finish()
    finally:
        report_received.disconnect(hold_inside_the_report_transaction)
        with connection.cursor() as cursor:
            cursor.execute("SET lock_timeout = 0")
    audit_seal()
    events = {e.target_id: e for e in AuditEvent.objects.filter(action="report.received")}
    early, late = events[str(first.pk)], events[str(second.pk)]
    assert early.pk < late.pk and late.seq < early.seq  # chained in the order they committed
    assert audit_verify_chain().ok


def test_the_sequencer_chains_in_commit_order_when_a_lower_id_commits_later(settings):
    settings.AUDIT_SEAL_ON_COMMIT = False
    user = make_staff(Role.ANALYST)

    def record_and_hold() -> int:
        with transaction.atomic():
            event = audit_record(actor=user, action="test.late", target=user)
            holder.hold()
        return event.pk

    holder = HeldOpen(record_and_hold)
    holder.start()
    assert holder.ready.wait(WAIT) and holder.error is None
    with transaction.atomic():
        early = audit_record(actor=user, action="test.early", target=user)
    assert audit_seal() == 1  # the open transaction's event is not visible yet: it is not skipped, only later
    late_id = holder.finish()
    assert late_id < early.pk
    assert audit_seal() == 1
    chain = list(AuditEvent.objects.order_by("seq").values_list("pk", "seq"))
    assert chain == [(early.pk, 1), (late_id, 2)]
    assert audit_verify_chain().ok


def test_two_sequencers_at_once_seal_each_event_once(settings):
    settings.AUDIT_SEAL_ON_COMMIT = False
    user = make_staff(Role.ANALYST)
    with transaction.atomic():
        for i in range(300):
            audit_record(actor=user, action="test.event", target=user, detail={"i": i})
    start = threading.Barrier(2)
    counts: list[int] = []

    def sequencer() -> None:
        try:
            start.wait(WAIT)
            counts.append(audit_seal(batch=40))
        finally:
            connection.close()

    threads = [threading.Thread(target=sequencer) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(WAIT * 3)
    assert sum(counts) == 300 and len(counts) == 2
    assert sorted(AuditEvent.objects.values_list("seq", flat=True)) == list(range(1, 301))
    report = audit_verify_chain()
    assert report.ok and report.checked == 300
