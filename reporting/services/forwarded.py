"""Anonymous reports forwarded by the independent service (api.partner), the reporters' answers it relays, and
what the police tell it came of them."""

import uuid
from dataclasses import dataclass
from datetime import date
from typing import Any

from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.utils import timezone

from appeals.models import Appeal
from audit.services import audit_record
from partner import messages
from partner.services import outbox_send
from reportkit.attachments import AttachmentRejected, CleanAttachment, clean_attachment
from reportkit.storage import files_atomic

from .. import permissions
from ..models import Channel, InformationReport, Message, MessageDirection, PartnerOutcome
from ..rules import anonymous_received_at
from ..signals import report_received
from .common import attachment_store, message_once, require


@dataclass(frozen=True)
class ForwardedFile:
    kind: str
    content_type: str
    data: bytes


class ForwardedReportRefused(ValueError):
    """A forwarded report that cannot be taken; the message says why (returned to the sender)."""


def _reclean(files: list[ForwardedFile]) -> list[CleanAttachment]:
    """The charity sends cleaned copies; they are cleaned again here, because this service trusts no file."""
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

    with files_atomic() as stored:
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
            attachment_store(report=report, message=None, clean=clean, files=stored)
        audit_record(
            actor=None,
            action="report.received_from_partner",
            target=report,
            detail={"reference": reference, "appeal": appeal_reference, "urgency": urgency, "files": len(cleaned)},
        )
        report_received.send(sender=InformationReport, report=report)
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
    _, created = message_once(
        token=token,
        report=report,
        direction=MessageDirection.FROM_REPORTER,
        body=answer,
        sent_at=anonymous_received_at(timezone.localdate()),
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
    require(permissions.can_read_reports(actor))
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
