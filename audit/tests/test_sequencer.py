"""Events are written touching no shared row and sealed into the chain by the sequencer after their commit
(docs/adr/0037-audit-sequencer.md); audit_verify proves the sealed chain and reports what waits."""

from datetime import timedelta
from io import StringIO
from unittest import mock

import pytest
from django.core.management import CommandError, call_command
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from accounts.roles import Role
from accounts.tests.factories import make_staff
from audit import tasks
from audit.models import AuditEvent, ChainHead
from audit.sequencer import audit_seal
from audit.services import audit_record, audit_verify_chain

from .test_chain import record

pytestmark = pytest.mark.django_db


def test_writing_an_event_reads_and_locks_no_shared_row():
    user = make_staff(Role.ANALYST)
    with CaptureQueriesContext(connection) as queries, transaction.atomic():
        audit_record(actor=user, action="test.event", target=user)
    sql = " ".join(query["sql"] for query in queries.captured_queries).lower()
    assert "audit_chainhead" not in sql
    assert "for update" not in sql
    assert [q["sql"].split()[0] for q in queries.captured_queries if "audit_auditevent" in q["sql"]] == ["INSERT"]


def test_events_wait_unsealed_until_the_sequencer_chains_them_in_order():
    first = record(2, seal=False)
    assert all(event.seq is None and event.hash == "" for event in first)
    report = audit_verify_chain()
    assert report.ok and report.checked == 0 and report.unsealed == 2
    assert report.oldest_unsealed_age is not None and report.oldest_unsealed_age < timedelta(minutes=1)
    out = StringIO()
    call_command("audit_verify", stdout=out)
    assert "2 not yet sealed" in out.getvalue()

    call_command("audit_seal", stdout=StringIO())
    second = record(1)
    chain = list(AuditEvent.objects.order_by("seq"))
    assert [event.pk for event in chain] == [first[0].pk, first[1].pk, second[0].pk]
    assert [event.seq for event in chain] == [1, 2, 3]
    assert ChainHead.objects.get(pk=1).last_hash == chain[-1].hash
    report = audit_verify_chain()
    assert report.ok and report.checked == 3 and report.unsealed == 0
    assert audit_seal() == 0  # nothing left: sealing again changes nothing
    assert audit_verify_chain().checked == 3


def test_an_event_left_unsealed_too_long_is_a_problem(settings):
    record(1, seal=False)
    later = timezone.now() + timedelta(seconds=settings.AUDIT_UNSEALED_MAX_SECONDS + 1)
    report = audit_verify_chain(now=later)
    assert report.intact and report.stale and not report.ok
    settings.AUDIT_UNSEALED_MAX_SECONDS = -1
    with pytest.raises(CommandError, match="not yet sealed.*is audit_seal running"):
        call_command("audit_verify")


def test_an_edit_before_sealing_is_detected_before_and_after_the_seal():
    events = record(2, seal=False)
    with connection.cursor() as cursor:
        cursor.execute("UPDATE audit_auditevent SET action = 'forged' WHERE id = %s", [events[0].pk])
    assert audit_verify_chain().broken_at == events[0].pk
    audit_seal()
    assert audit_verify_chain().broken_at == events[0].pk


def test_deleting_a_sealed_event_in_the_middle_is_detected():
    events = record(3)
    with connection.cursor() as cursor:
        cursor.execute("DELETE FROM audit_auditevent WHERE id = %s", [events[1].pk])
    assert audit_verify_chain().broken_at == events[2].pk


def test_reordering_sealed_events_is_detected():
    events = record(2)
    with connection.cursor() as cursor:
        cursor.execute("UPDATE audit_auditevent SET seq = 3 WHERE id = %s", [events[0].pk])
    assert not audit_verify_chain().ok


def test_a_committed_transaction_queues_one_sequencer_run_which_seals_its_events(
    django_capture_on_commit_callbacks,
):
    user = make_staff(Role.ANALYST)
    with django_capture_on_commit_callbacks(execute=True) as callbacks, transaction.atomic():
        audit_record(actor=user, action="test.one", target=user)
        audit_record(actor=user, action="test.two", target=user)
    assert len(callbacks) == 1
    assert list(AuditEvent.objects.order_by("seq").values_list("seq", "action")) == [
        (1, "test.one"),
        (2, "test.two"),
    ]
    assert audit_verify_chain().ok


def test_with_the_queue_down_the_event_commits_and_the_periodic_run_seals_it(django_capture_on_commit_callbacks):
    user = make_staff(Role.ANALYST)
    with (
        mock.patch.object(tasks, "seal_events", mock.Mock(enqueue=mock.Mock(side_effect=ConnectionError("down")))),
        django_capture_on_commit_callbacks(execute=True),
        transaction.atomic(),
    ):
        event = audit_record(actor=user, action="test.event", target=user)
    assert AuditEvent.objects.get(pk=event.pk).seq is None
    out = StringIO()
    call_command("audit_seal", stdout=out)
    assert "Sealed 1" in out.getvalue()
    assert AuditEvent.objects.get(pk=event.pk).seq == 1 and audit_verify_chain().ok


def test_the_sequencer_seals_in_batches_without_a_gap():
    record(5, seal=False)
    assert audit_seal(batch=2) == 5
    assert list(AuditEvent.objects.order_by("id").values_list("seq", flat=True)) == [1, 2, 3, 4, 5]
    assert audit_verify_chain().ok
