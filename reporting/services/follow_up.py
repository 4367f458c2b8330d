"""Keeping in contact: staff put questions to a reporter, who answers when they come back with their receipt."""

import uuid

from django.contrib.auth.models import User
from django.db import IntegrityError, transaction
from django.utils import timezone

from audit.services import audit_record
from partner import messages
from partner.services import outbox_send
from reportkit.attachments import CleanAttachment
from reportkit.storage import files_atomic

from .. import permissions
from ..models import InformationReport, Message, MessageDirection
from .common import attachment_store, message_once, require


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
    try:
        with files_atomic() as stored:
            message = Message.objects.create(
                report=report,
                direction=MessageDirection.FROM_REPORTER,
                body=body,
                sent_at=timezone.now(),
                idempotency_token=token,
            )
            for clean in files or []:
                attachment_store(report=report, message=message, clean=clean, files=stored)
            audit_record(
                actor=None, action="report.reporter_replied", target=report, detail={"files": len(files or [])}
            )
    except IntegrityError as exc:
        existing = Message.objects.filter(idempotency_token=token, report=report).first()
        if existing is None:
            raise TokenAlreadyUsed("This form was already used: check your words and send it again") from exc
        return existing
    return message


@transaction.atomic
def report_question_send(*, report: InformationReport, actor: User, body: str, token: uuid.UUID) -> Message:
    """Staff put a question to the reporter, who sees it when they come back with their receipt."""
    require(permissions.can_read_reports(actor))
    message, created = message_once(
        token=token,
        report=report,
        direction=MessageDirection.TO_REPORTER,
        body=body,
        author=actor,
        sent_at=timezone.now(),
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
