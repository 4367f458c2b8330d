"""The charity's own audit chain, sealed by the sequencer (docs/adr/0037-audit-sequencer.md), keeps the day-only
time of ADR 0031: sealing adds no time to an event, and no task (whose row would carry the exact moment of a
report) is queued on a report's commit; `audit_seal --every N` seals on a schedule instead."""

import datetime as dt
from io import StringIO

import pytest
from django.core.management import call_command
from django.db import models
from django.utils import timezone

from audit.models import AuditEvent, ChainHead
from audit.services import audit_verify_chain
from independent import services

pytestmark = pytest.mark.django_db


def _datetimes(event: AuditEvent) -> list[dt.datetime]:
    fields = [f for f in AuditEvent._meta.concrete_fields if isinstance(f, models.DateTimeField)]
    return [value for f in fields if (value := getattr(event, f.attname)) is not None]


def test_charity_events_are_sealed_with_the_day_only_and_no_task_is_queued(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks() as callbacks:
        submitted = services.report_submit(nonce=services.new_nonce(), answers={"details": "a blue van"})
    assert not [c for c in callbacks if getattr(c, "__name__", "") == "audit_seal_soon"]
    event = AuditEvent.objects.get(target_id=str(submitted.report.pk))
    assert event.seq is None
    assert audit_verify_chain().ok  # waiting for the scheduled sequencer is not a problem

    call_command("audit_seal", stdout=StringIO())
    event.refresh_from_db()
    assert event.seq == 1 and event.hash and ChainHead.objects.get(pk=1).last_hash == event.hash
    times = _datetimes(event)
    assert times, "an event has a time"
    for value in times:
        assert timezone.localtime(value).time() == dt.time.min, value
    report = audit_verify_chain()
    assert report.ok and report.checked == 1


def test_a_charity_event_waits_a_day_before_unsealed_is_a_problem(settings):
    services.report_submit(nonce=services.new_nonce(), answers={"details": "a red car"})
    midnight = AuditEvent.objects.get().occurred_at
    allowance = dt.timedelta(days=1, seconds=settings.AUDIT_UNSEALED_MAX_SECONDS)
    assert audit_verify_chain(now=midnight + allowance).ok
    assert audit_verify_chain(now=midnight + allowance + dt.timedelta(seconds=1)).stale
