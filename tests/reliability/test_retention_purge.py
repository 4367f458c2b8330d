"""Retention: each period erases exactly its records, one audit event per erasure names no one, and the audit
chain still verifies afterwards. The clock is frozen by passing `now` to the services."""

from datetime import timedelta

import pytest
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.db import transaction
from django.utils import timezone

from accounts.roles import Role
from accounts.tests.factories import make_staff
from appeals.models import Appeal
from appeals.services import appeal_close
from appeals.tests.factories import published
from audit.models import AuditEvent
from audit.services import audit_record, audit_verify_chain
from intelligence.enrichment.pipeline import report_enrich
from intelligence.models import Entity
from lookout.retention import retention_purge
from partner.models import OutboxMessage
from partner.services import outbox_enqueue
from reporting.models import Attachment, ContactDetails, InformationReport, ReportStatus
from reporting.services import contact_reveal, report_status_set
from reporting.tests.factories import clean_photo, submit

pytestmark = pytest.mark.django_db

NAME = "Robin Testperson"
CONTACT = {"name": "Alex Witness", "phone": "07700 900982", "email": "alex@example.org"}
REASON = "Calling Alex Witness back about Robin Testperson"


def audit_text() -> str:
    return " ".join(
        f"{e.target_label} {e.detail} {e.justification}" for e in AuditEvent.objects.order_by("id").iterator()
    )


def closed_report() -> InformationReport:
    report = submit(
        published(), contact=CONTACT, files=[clean_photo()], details="He drives QZ71 XLR, call 07700 900123"
    ).report
    report_enrich(report_id=report.pk)
    analyst = make_staff(Role.ANALYST)
    contact_reveal(report=report, actor=analyst, justification=REASON)
    return report_status_set(report=report, actor=analyst, status=ReportStatus.CLOSED)


def test_the_audit_trail_never_names_an_appeals_subject():
    appeal = published()
    with transaction.atomic():
        audit_record(actor=None, action="test.labelled", target=appeal)
    assert NAME not in audit_text()
    assert AuditEvent.objects.filter(target_type="appeals.appeal").latest("id").target_label == appeal.reference


def test_audit_record_refuses_personal_data_in_detail():
    appeal = published()
    with transaction.atomic(), pytest.raises(ValueError, match="personal data"):
        audit_record(actor=None, action="test.bad", target=appeal, detail={"subject": {"name": NAME}})


def test_nothing_is_erased_before_its_period(django_capture_on_commit_callbacks):
    report = closed_report()
    with django_capture_on_commit_callbacks(execute=True):
        done = retention_purge(now=report.received_at + timedelta(days=89))
    assert not done
    assert report.attachments.get().original_sealed and ContactDetails.objects.filter(report=report).exists()


def test_originals_then_contact_then_the_report_go_each_after_its_period(django_capture_on_commit_callbacks):
    report = closed_report()
    attachment = report.attachments.get()
    original, clean = attachment.original_sealed.name, attachment.clean_file.name
    start = report.received_at

    with django_capture_on_commit_callbacks(execute=True):
        assert retention_purge(now=start + timedelta(days=91)) == {"sealed originals": 1}
    attachment.refresh_from_db()
    assert not attachment.original_sealed and not default_storage.exists(original)
    assert default_storage.exists(clean)

    with django_capture_on_commit_callbacks(execute=True):
        assert retention_purge(now=start + timedelta(days=366)) == {"contact details": 1}
    assert not ContactDetails.objects.exists()
    assert "Alex Witness" not in audit_text()  # the reveal's reason went with the details
    assert audit_verify_chain().ok

    assert Entity.objects.exists()
    with django_capture_on_commit_callbacks(execute=True):
        assert retention_purge(now=start + timedelta(days=6 * 365 + 1)) == {"reports": 1}
    assert not InformationReport.objects.exists() and not Attachment.objects.exists()
    assert not default_storage.exists(clean)
    assert not Entity.objects.filter(mentions__isnull=True).exists()
    erasures = list(AuditEvent.objects.filter(action__endswith="erased").values_list("action", flat=True))
    assert erasures == ["attachment.original_erased", "report.contact_erased", "report.erased"]
    assert audit_verify_chain().ok
    call_command("audit_verify")


def test_an_open_report_is_kept_whatever_its_age():
    report = submit(published(), contact=CONTACT).report
    assert not retention_purge(now=report.received_at + timedelta(days=10 * 365))
    assert ContactDetails.objects.filter(report=report).exists()


def test_a_closed_appeal_loses_its_subjects_details_and_images_and_the_chain_verifies(
    django_capture_on_commit_callbacks,
):
    appeal = published(
        hair="Long red plait", eyes="Grey", reward_text="Up to 500 pounds", reward_text_cy="Hyd at 500 punt"
    )
    files = [n for i in appeal.images.all() for n in (i.image.name, i.thumbnail.name)]
    appeal = appeal_close(appeal=appeal, actor=appeal.author, outcome="arrested", note=f"{NAME} arrested at home")
    closed_at = appeal.closed_at
    assert closed_at is not None
    assert retention_purge(now=closed_at + timedelta(days=364)) == {}

    with django_capture_on_commit_callbacks(execute=True):
        assert retention_purge(now=closed_at + timedelta(days=366)) == {"closed appeals": 1}
    appeal = Appeal.objects.get(pk=appeal.pk)
    assert appeal.subject_name == "" and appeal.aliases == "" and appeal.outcome_note == ""
    assert (appeal.hair, appeal.eyes, appeal.reward_text, appeal.reward_text_cy) == ("", "", "", "")
    assert appeal.outcome == "arrested" and appeal.personal_data_erased_at is not None
    assert not appeal.images.exists() and not any(default_storage.exists(n) for n in files)
    assert appeal.authorisations.filter(reason="").count() == appeal.authorisations.count()
    assert NAME not in audit_text() and "Robbo" not in audit_text()
    event = AuditEvent.objects.get(action="appeal.personal_data_erased")
    assert event.target_label == appeal.reference and event.actor_label == "system"
    assert audit_verify_chain().ok
    # A second run finds nothing more to do.
    assert retention_purge(now=closed_at + timedelta(days=400)) == {}


def test_a_delivered_partner_message_goes_a_month_after_its_acknowledgement():
    now = timezone.now()
    with transaction.atomic():
        message = outbox_enqueue(kind="question", path="/partner/v1/q", message_id="q-1", payload={"q": "Which car?"})
    OutboxMessage.objects.filter(pk=message.pk).update(acknowledged_at=now, acknowledgement={"ok": True})
    pending = OutboxMessage.objects.create(
        kind="question", path="/p", message_id="q-2", payload={}, next_attempt_at=now
    )
    assert retention_purge(now=now + timedelta(days=29)) == {}
    assert retention_purge(now=now + timedelta(days=31)) == {"delivered partner messages": 1}
    assert list(OutboxMessage.objects.all()) == [pending]  # not yet delivered: kept until it is
    assert AuditEvent.objects.filter(action="partner.message_erased", target_id=str(message.pk)).exists()
    assert audit_verify_chain().ok


def test_the_command_runs_once_and_says_what_it_did(capsys):
    call_command("retention_purge")
    assert "Retention purge: nothing due." in capsys.readouterr().out
