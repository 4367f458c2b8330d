"""Every write to a report goes through these functions; each owns its transaction and writes its audit event.

Reading what could identify a reporter (contact details, original files) is also a service, not a selector,
because every such read checks the role and is audited.
"""

import json
import uuid
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from django.conf import settings
from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import IntegrityError, transaction
from django.utils import timezone

from appeals.models import Appeal
from audit.services import audit_record
from partner import messages
from partner.services import outbox_send
from reportkit.receipts import receipt_format, receipt_hash, receipt_new

from . import permissions
from .attachments import AttachmentRejected, CleanAttachment, clean_attachment
from .crypto import replay_open, replay_seal, seal, unseal
from .models import (
    Attachment,
    Channel,
    ContactDetails,
    InformationReport,
    Message,
    MessageDirection,
    PartnerOutcome,
    Receipt,
    ReportStatus,
)
from .rules import anonymous_received_at
from .signals import report_received

OFFICER_RECORDED_CHANNELS = {Channel.PHONE, Channel.EMAIL, Channel.IN_PERSON}


@dataclass(frozen=True)
class Submitted:
    report: InformationReport
    receipt_code: str | None  # formatted for reading; None once the replay window has passed
    repeated: bool  # True when this post repeated one already received


def _require(allowed: bool) -> None:
    if not allowed:
        raise PermissionDenied("Your role does not allow this.")


def _replay(token: uuid.UUID) -> Submitted | None:
    report = InformationReport.objects.filter(idempotency_token=token).first()
    if report is None:
        return None
    code = None
    if report.receipt_replay and report.receipt_replay_until and report.receipt_replay_until > timezone.now():
        code = receipt_format(replay_open(bytes(report.receipt_replay)))
    return Submitted(report=report, receipt_code=code, repeated=True)


def _store_attachment(
    *, report: InformationReport, message: Message | None, clean: CleanAttachment, stored: list[str]
) -> Attachment:
    attachment = Attachment(
        report=report,
        message=message,
        kind=clean.kind,
        content_type=clean.content_type,
        size=len(clean.clean),
        width=clean.width,
        height=clean.height,
        added_at=timezone.now(),
    )
    attachment.clean_file.save("clean", ContentFile(clean.clean), save=False)
    stored.append(attachment.clean_file.name)
    if report.channel != Channel.ANONYMOUS:
        # Evidence: the untouched original, sealed. Anonymous uploads keep no original (DESIGN.md).
        attachment.original_sealed.save("original", ContentFile(seal(clean.original)), save=False)
        stored.append(attachment.original_sealed.name)
        attachment.original_content_type = clean.original_content_type
        attachment.original_size = len(clean.original)
    attachment.save()
    return attachment


def _discard(stored: list[str]) -> None:
    for name in stored:
        default_storage.delete(name)


def report_submit(
    *,
    token: uuid.UUID,
    appeal: Appeal | None,
    answers: dict[str, Any],
    crime_category: str = "",
    urgent: bool = False,
    contact: dict[str, str] | None = None,
    files: list[CleanAttachment] | None = None,
    channel: str = Channel.CONFIDENTIAL,
    recorded_by: User | None = None,
    ended_appeal: str = "",
) -> Submitted:
    """Store a confidential report, its answers, contact details and files in one transaction.

    Staff recording information received by phone, e-mail or in person pass the channel and themselves as
    `recorded_by` (the audit event names them); the rest is the same as a report made online.

    The same token posted again (double click, retry after a time-out) returns the first report and, within
    LOOKOUT_RECEIPT_REPLAY_SECONDS, the same receipt code; it never creates a second report.

    `ended_appeal` is the reference of an appeal that closed while its form was open: the report is stored
    without the appeal and the reference is kept in the audit event (ADR 0030).
    """
    # Not @transaction.atomic: files are written to storage inside the transaction, and must be removed
    # again if it rolls back (storage is not transactional).
    if channel not in OFFICER_RECORDED_CHANNELS | {Channel.CONFIDENTIAL}:
        raise ValueError(f"report_submit does not take channel {channel!r}")
    if (channel in OFFICER_RECORDED_CHANNELS) != (recorded_by is not None):
        raise ValueError("Phone, e-mail and in-person reports are recorded by an officer; online ones are not.")
    if recorded_by is not None:
        _require(permissions.can_record(recorded_by))
    repeated = _replay(token)
    if repeated is not None:
        return repeated
    code = receipt_new()
    now = timezone.now()
    contact = {k: v for k, v in (contact or {}).items() if v}
    stored: list[str] = []
    try:
        # Durable: this is the outermost transaction, so the report is committed before the thank-you page.
        with transaction.atomic(durable=True):
            # Receipt codes kept for replay are wiped as soon as their window has passed.
            InformationReport.objects.filter(receipt_replay_until__lte=now).update(
                receipt_replay=None, receipt_replay_until=None
            )
            report = InformationReport.objects.create(
                channel=channel,
                appeal=appeal,
                crime_category="" if appeal is not None else crime_category,
                urgent=urgent,
                received_at=now,
                idempotency_token=token,
                receipt_replay=replay_seal(code),
                receipt_replay_until=now + timedelta(seconds=settings.LOOKOUT_RECEIPT_REPLAY_SECONDS),
                **answers,
            )
            Receipt.objects.create(report=report, code_hash=receipt_hash(code))
            if contact:
                ContactDetails.objects.create(report=report, sealed=seal(json.dumps(contact).encode()))
            for clean in files or []:
                _store_attachment(report=report, message=None, clean=clean, stored=stored)
            audit_record(
                actor=recorded_by,
                action="report.received",
                target=report,
                detail={
                    "appeal": appeal.reference if appeal else "",
                    "urgent": urgent,
                    "files": len(files or []),
                    "contact_given": bool(contact),
                    "channel": channel,
                    **({"ended_appeal": ended_appeal} if ended_appeal else {}),
                },
            )
            report_received.send(sender=InformationReport, report=report)
    except IntegrityError:
        _discard(stored)
        repeated = _replay(token)  # the same form, posted twice at once: the other post won
        if repeated is None:
            raise
        return repeated
    except BaseException:
        _discard(stored)
        raise
    return Submitted(report=report, receipt_code=receipt_format(code), repeated=False)


class TokenAlreadyUsed(ValueError):
    """The form's token belongs to something else already stored: the page must be sent again afresh."""


def report_reply_add(
    *, report: InformationReport, token: uuid.UUID, body: str, files: list[CleanAttachment] | None = None
) -> Message:
    """The reporter, back with their receipt, answers a question or adds information and files.

    Raises TokenAlreadyUsed when the token is another report's (a copied or replayed form)."""
    existing = Message.objects.filter(idempotency_token=token).first()
    if existing is not None:
        if existing.report_id != report.pk:
            raise TokenAlreadyUsed("This form was already used: check your words and send it again")
        return existing
    stored: list[str] = []
    try:
        with transaction.atomic():
            message = Message.objects.create(
                report=report,
                direction=MessageDirection.FROM_REPORTER,
                body=body,
                sent_at=timezone.now(),
                idempotency_token=token,
            )
            for clean in files or []:
                _store_attachment(report=report, message=message, clean=clean, stored=stored)
            audit_record(
                actor=None, action="report.reporter_replied", target=report, detail={"files": len(files or [])}
            )
    except IntegrityError as exc:
        _discard(stored)
        existing = Message.objects.filter(idempotency_token=token, report=report).first()
        if existing is None:
            raise TokenAlreadyUsed("This form was already used: check your words and send it again") from exc
        return existing
    except BaseException:
        _discard(stored)
        raise
    return message


@transaction.atomic
def report_question_send(*, report: InformationReport, actor: User, body: str, token: uuid.UUID) -> Message:
    """Staff put a question to the reporter, who sees it when they come back with their receipt."""
    _require(permissions.can_read_reports(actor))
    message, created = Message.objects.get_or_create(
        idempotency_token=token,
        defaults={
            "report": report,
            "direction": MessageDirection.TO_REPORTER,
            "body": body,
            "author": actor,
            "sent_at": timezone.now(),
        },
    )
    if created:
        audit_record(actor=actor, action="report.question_sent", target=report, detail={"message": message.pk})
        if report.partner_reference:
            # An anonymous report: the question goes to the independent service (signed, retried until
            # acknowledged), which shows it to the reporter when they come back with their receipt.
            outbox_send(
                messages.Question(
                    message_id=f"question:{message.idempotency_token}",
                    reference=report.partner_reference,
                    question_id=str(message.idempotency_token),
                    question=body,
                )
            )
    return message


@transaction.atomic
def report_status_set(*, report: InformationReport, actor: User, status: str) -> InformationReport:
    _require(permissions.can_read_reports(actor))
    if status not in ReportStatus.values:
        raise ValueError(f"Unknown status {status!r}")
    report = InformationReport.objects.select_for_update().get(pk=report.pk)
    previous = report.status
    if previous != status:
        report.status = status
        report.save(update_fields=["status"])
        audit_record(actor=actor, action="report.status_set", target=report, detail={"from": previous, "to": status})
    return report


@transaction.atomic
def contact_reveal(*, report: InformationReport, actor: User, justification: str) -> dict[str, str]:
    """The only way to read a reporter's contact details: role checked, reason recorded, reveal audited."""
    _require(permissions.can_reveal(actor))
    if not justification.strip():
        raise PermissionDenied("A reason is needed to see contact details.")
    contact = ContactDetails.objects.filter(report=report).first()
    audit_record(
        actor=actor,
        action="report.contact_revealed",
        target=report,
        justification=justification.strip(),
        detail={"had_contact": contact is not None},
    )
    if contact is None:
        return {}
    data: dict[str, str] = json.loads(unseal(bytes(contact.sealed)))
    return data


@transaction.atomic
def attachment_original_reveal(*, attachment: Attachment, actor: User, justification: str) -> tuple[bytes, str]:
    """Open the sealed original of an upload (evidence): role checked, reason recorded, audited."""
    _require(permissions.can_reveal(actor))
    if not justification.strip():
        raise PermissionDenied("A reason is needed to open an original file.")
    if not attachment.original_sealed:
        raise PermissionDenied("No original is kept for this file.")
    audit_record(
        actor=actor,
        action="report.original_viewed",
        target=attachment.report,
        justification=justification.strip(),
        detail={"attachment": str(attachment.public_id)},
    )
    with attachment.original_sealed.open("rb") as sealed:
        original = unseal(sealed.read())
    return original, attachment.original_content_type


# --- Reports forwarded by the independent service (api.partner) ------------------------------------------


@dataclass(frozen=True)
class ForwardedFile:
    kind: str
    content_type: str
    data: bytes


class ForwardedReportRefused(ValueError):
    """A forwarded report that cannot be taken; the message says why (returned to the sender)."""


def _reclean(files: list[ForwardedFile]) -> list[CleanAttachment]:
    """The charity sends cleaned copies; they are cleaned again here, because this service trusts no file."""
    from django.core.files.uploadedfile import SimpleUploadedFile

    cleaned = []
    for number, item in enumerate(files, start=1):
        try:
            cleaned.append(clean_attachment(SimpleUploadedFile("file", item.data, content_type=item.content_type)))
        except AttachmentRejected as exc:
            raise ForwardedReportRefused(f"File {number}: {exc}") from exc
    return cleaned


def report_receive_forwarded(
    *,
    reference: str,
    appeal_reference: str,
    crime_category: str,
    urgency: str,
    received_on: date,
    answers: dict[str, Any],
    files: list[ForwardedFile],
) -> dict[str, Any]:
    """Take an anonymous report from the independent service under its opaque reference.

    Runs inside partner.services.receive_message, so a retried delivery returns the first acknowledgement
    and creates nothing. Only the day received is stored (reporting.rules.anonymous_received_at); there is
    no receipt, no contact details and no original file for an anonymous report."""
    appeal = Appeal.objects.filter(reference=appeal_reference).first() if appeal_reference else None
    if appeal_reference and appeal is None:
        raise ForwardedReportRefused(f"There is no appeal {appeal_reference}.")
    cleaned = _reclean(files)
    existing = InformationReport.objects.filter(partner_reference=reference).first()
    if existing is not None:  # the message id changed but the report did not: never a second copy
        return {"reference": reference, "received": True}
    from reportkit.questions import QUESTION_FIELDS

    stored: list[str] = []
    try:
        with transaction.atomic():
            report = InformationReport.objects.create(
                channel=Channel.ANONYMOUS,
                partner_reference=reference,
                appeal=appeal,
                crime_category="" if appeal else crime_category,
                urgent=urgency == "urgent",
                received_at=anonymous_received_at(received_on),
                idempotency_token=uuid.uuid4(),
                **{name: str(answers.get(name) or "") for name in QUESTION_FIELDS},
            )
            for clean in cleaned:
                _store_attachment(report=report, message=None, clean=clean, stored=stored)
            audit_record(
                actor=None,
                action="report.received_from_partner",
                target=report,
                detail={"reference": reference, "appeal": appeal_reference, "urgency": urgency, "files": len(cleaned)},
            )
            report_received.send(sender=InformationReport, report=report)
    except BaseException:
        _discard(stored)
        raise
    return {"reference": reference, "received": True}


def report_answer_receive(*, reference: str, question_id: str, answer: str, answer_id: str = "") -> dict[str, Any]:
    """A sanitised answer from an anonymous reporter, relayed by the independent service, linked to the
    report by its opaque reference and to the question it answers. A reporter may answer one question more
    than once (a correction): each answer_id is a message of its own."""
    report = InformationReport.objects.filter(partner_reference=reference).first()
    question = (
        Message.objects.filter(
            report=report, idempotency_token=question_id, direction=MessageDirection.TO_REPORTER
        ).first()
        if report is not None
        else None
    )
    if report is None or question is None:
        raise ForwardedReportRefused("No question with that reference.")
    suffix = f":{answer_id}" if answer_id else ""
    token = uuid.uuid5(uuid.NAMESPACE_URL, f"lookout-partner-answer:{question_id}{suffix}")
    message, created = Message.objects.get_or_create(
        idempotency_token=token,
        defaults={
            "report": report,
            "direction": MessageDirection.FROM_REPORTER,
            "body": answer,
            "sent_at": anonymous_received_at(timezone.localdate()),
        },
    )
    if created:
        audit_record(
            actor=None, action="report.partner_answer_received", target=report, detail={"question": question.pk}
        )
    return {"reference": reference, "received": True}


@transaction.atomic
def report_outcome_record(*, report: InformationReport, actor: User, outcome: str) -> InformationReport:
    """Record what came of an anonymous report and tell the independent service, which may offer the
    reporter a reward under its own policy. Sent once per outcome value; never anything about the case."""
    _require(permissions.can_read_reports(actor))
    if outcome not in PartnerOutcome.values:
        raise ValueError(f"Unknown outcome {outcome!r}")
    report = InformationReport.objects.select_for_update().get(pk=report.pk)
    if not report.partner_reference:
        raise PermissionDenied("Outcomes are sent only for reports forwarded by the independent service.")
    if report.partner_outcome == outcome:
        return report
    report.partner_outcome = outcome
    report.save(update_fields=["partner_outcome"])
    outbox_send(
        messages.ReportOutcome(
            message_id=f"outcome:{report.partner_reference}:{outcome}",
            reference=report.partner_reference,
            outcome=PartnerOutcome(outcome),
            label=PartnerOutcome(outcome).label,
        )
    )
    audit_record(actor=actor, action="report.outcome_recorded", target=report, detail={"outcome": outcome})
    return report


@transaction.atomic
def report_viewed(*, report: InformationReport, actor: User, page: str) -> None:
    """Reading a report is reading personal data (the reporter's words, often about others): every view by
    staff is audited, naming the page it was seen on."""
    _require(permissions.can_read_reports(actor))
    audit_record(actor=actor, action="report.viewed", target=report, detail={"page": page})
