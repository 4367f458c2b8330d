"""Services: one transaction per report, idempotency, and the audited reveals."""

import uuid
from unittest import mock

import pytest
from django.core.exceptions import PermissionDenied
from django.core.files.storage import default_storage
from django.db import connection
from django.test.utils import CaptureQueriesContext

from accounts.roles import Role
from accounts.tests.factories import make_staff
from appeals.tests.factories import published
from audit.models import AuditEvent
from reporting import services
from reporting.models import Attachment, ContactDetails, InformationReport, Receipt, ReportStatus
from reportkit.receipts import receipt_hash, receipt_normalise

from .factories import clean_photo, submit

pytestmark = pytest.mark.django_db

CONTACT = {"name": "Alex Witness", "phone": "07700 900982", "email": "alex@example.org"}


def test_submit_stores_everything_and_only_the_hash_of_the_receipt():
    submitted = submit(published(), contact=CONTACT, files=[clean_photo()])
    report = submitted.report
    code = receipt_normalise(submitted.receipt_code)
    assert Receipt.objects.get(report=report).code_hash == receipt_hash(code)
    assert not Receipt.objects.filter(code_hash__contains=code).exists()
    assert report.attachments.get().original_sealed
    event = AuditEvent.objects.get(action="report.received")
    assert event.actor is None and "Alex" not in str(event.detail)


def test_a_submission_writes_only_its_own_rows_and_takes_no_shared_lock():
    """No sweep over other reports and no lock every reporter shares (issue 12: the audit chain is sealed
    after the commit, expired receipt copies are wiped by a job of their own)."""
    appeal = published()
    submit(appeal)
    with CaptureQueriesContext(connection) as queries:
        submit(appeal, contact=CONTACT)
    sql = [query["sql"].lower() for query in queries.captured_queries]
    assert not [q for q in sql if q.startswith("update")]
    assert not [q for q in sql if "for update" in q or "audit_chainhead" in q]


def test_a_failure_part_way_stores_nothing_not_even_files():
    before = set(_media_files())
    with (
        mock.patch("reporting.services.submit.audit_record", side_effect=RuntimeError("disk full")),
        pytest.raises(RuntimeError),
    ):
        submit(published(), contact=CONTACT, files=[clean_photo()])
    assert not InformationReport.objects.exists() and not ContactDetails.objects.exists()
    assert not Attachment.objects.exists()
    assert set(_media_files()) == before


def _media_files() -> list[str]:
    try:
        dirs, files = default_storage.listdir("reporting/clean")
    except FileNotFoundError:
        files = []
    try:
        _, sealed = default_storage.listdir("reporting/originals")
    except FileNotFoundError:
        sealed = []
    return files + sealed


def test_same_token_twice_is_one_report():
    token = uuid.uuid4()
    appeal = published()
    first = submit(appeal, token=token, files=[clean_photo()])
    second = submit(appeal, token=token, files=[clean_photo()])
    assert second.repeated and not first.repeated
    assert first.report.pk == second.report.pk and first.receipt_code == second.receipt_code
    assert InformationReport.objects.count() == 1 and Attachment.objects.count() == 1


def test_contact_reveal_checks_role_needs_a_reason_and_is_audited():
    report = submit(published(), contact=CONTACT).report
    analyst = make_staff(Role.ANALYST)
    with pytest.raises(PermissionDenied):
        services.contact_reveal(report=report, actor=make_staff(Role.AUTHOR), justification="curious")
    with pytest.raises(PermissionDenied):
        services.contact_reveal(report=report, actor=analyst, justification="  ")
    assert not AuditEvent.objects.filter(action="report.contact_revealed").exists()
    assert services.contact_reveal(report=report, actor=analyst, justification="Call back about the van") == CONTACT
    event = AuditEvent.objects.get(action="report.contact_revealed")
    assert event.actor == analyst and event.justification == "Call back about the van"
    assert "Alex" not in str(event.detail)


def test_original_reveal_is_audited_and_returns_the_untouched_original():
    photo = clean_photo()
    report = submit(published(), files=[photo]).report
    attachment = report.attachments.get()
    with pytest.raises(PermissionDenied):
        services.attachment_original_reveal(
            attachment=attachment, actor=make_staff(Role.UNIT_OFFICER), justification="x"
        )
    data, content_type = services.attachment_original_reveal(
        attachment=attachment, actor=make_staff(Role.ADMINISTRATOR), justification="Evidence for court"
    )
    assert data == photo.original and content_type == "image/jpeg"
    assert AuditEvent.objects.filter(action="report.original_viewed", justification="Evidence for court").exists()


def test_question_and_status_need_the_desk_role_and_are_audited():
    report = submit(published()).report
    analyst = make_staff(Role.ANALYST)
    with pytest.raises(PermissionDenied):
        services.report_question_send(report=report, actor=make_staff(Role.AUTHOR), body="?", token=uuid.uuid4())
    token = uuid.uuid4()
    services.report_question_send(report=report, actor=analyst, body="Which gym?", token=token)
    services.report_question_send(report=report, actor=analyst, body="Which gym?", token=token)
    assert report.messages.count() == 1
    services.report_status_set(report=report, actor=analyst, status=ReportStatus.BEING_LOOKED_AT)
    report.refresh_from_db()
    assert report.status == ReportStatus.BEING_LOOKED_AT
    assert report.status_for_reporter.startswith("Being looked at")
    assert AuditEvent.objects.filter(action__in=["report.question_sent", "report.status_set"]).count() == 2


def test_inbox_order_is_urgent_first_then_newest():
    appeal = published()
    old = submit(appeal).report
    urgent = submit(appeal, urgent=True).report
    new = submit(appeal).report
    assert list(InformationReport.objects.inbox_order()) == [urgent, new, old]
