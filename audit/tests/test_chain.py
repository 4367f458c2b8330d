import pytest
from django.core.management import CommandError, call_command
from django.db import connection, transaction

from accounts.roles import Role
from accounts.tests.factories import make_staff
from audit.models import AppendOnlyError, AuditEvent
from audit.sequencer import audit_seal
from audit.services import audit_record, audit_verify_chain

pytestmark = pytest.mark.django_db


def record(n: int, *, seal: bool = True) -> list[AuditEvent]:
    """n events in one transaction, then sealed by the sequencer (as the task queued on commit does)."""
    user = make_staff(Role.ANALYST)
    events = []
    with transaction.atomic():
        for i in range(n):
            events.append(audit_record(actor=user, action="test.event", target=user, detail={"i": i}))
    if seal:
        audit_seal()
    return [AuditEvent.objects.get(pk=event.pk) for event in events]


def test_chain_links_each_event_to_the_previous_one():
    events = record(3)
    assert [event.seq for event in events] == [1, 2, 3]
    assert events[0].prev_hash == "0" * 64 and events[0].hash
    assert events[1].prev_hash == events[0].hash and events[2].prev_hash == events[1].hash
    assert audit_verify_chain().ok
    call_command("audit_verify")


def test_events_cannot_be_changed_or_deleted_through_the_orm():
    event = record(1)[0]
    event.action = "forged"
    with pytest.raises(AppendOnlyError):
        event.save()
    with pytest.raises(AppendOnlyError):
        event.delete()
    with pytest.raises(AppendOnlyError):
        AuditEvent.objects.filter(pk=event.pk).update(action="forged")
    with pytest.raises(AppendOnlyError):
        AuditEvent.objects.all().delete()


def test_tampering_in_the_database_is_detected():
    events = record(3)
    with connection.cursor() as cursor:
        cursor.execute("UPDATE audit_auditevent SET justification = 'edited' WHERE id = %s", [events[1].pk])
    report = audit_verify_chain()
    assert report.broken_at == events[1].pk
    with pytest.raises(CommandError, match="broken"):
        call_command("audit_verify")


def test_deleting_the_newest_event_is_detected():
    events = record(2)
    with connection.cursor() as cursor:
        cursor.execute("DELETE FROM audit_auditevent WHERE id = %s", [events[-1].pk])
    assert not audit_verify_chain().ok


@pytest.mark.django_db(transaction=True)
def test_audit_record_refuses_to_run_outside_a_transaction():
    user = make_staff(Role.ANALYST)
    with pytest.raises(RuntimeError):
        audit_record(actor=user, action="x", target=user)
