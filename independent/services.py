"""Every write in the independent service goes through these functions; each owns its transaction and writes
its audit event. Messages to the police go through the partner outbox in the same transaction, so a forwarded
report or answer is never lost (retried until acknowledged) and never duplicated (the police de-duplicate on
the message id)."""

import base64
import secrets
from typing import Any

from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied
from django.db import transaction

from audit.services import audit_record
from partner import messages
from partner.services import outbox_send
from reportkit.attachments import CleanAttachment
from reportkit.questions import QUESTION_FIELDS
from reportkit.receipts import CODE_LENGTH, receipt_format, receipt_hash
from reportkit.replay import Submitted, submit_once
from reportkit.storage import StoredFiles

from .clock import charity_today
from .codes import code_from_nonce, nonce_key
from .models import (
    AnonymousReport,
    CleanFile,
    FollowUp,
    FollowUpAnswer,
    FollowUpState,
    ReportChannel,
    ReportState,
    Urgency,
)
from .permissions import OPERATOR_GROUP, is_operator, require_operator
from .police_api import Appeal
from .retention import report_raw_erase
from .rewards import COLLECTION_CODE_LENGTH, REWARD_OUTCOMES, reward_claim, reward_eligible, reward_offer, reward_pay
from .sealing import seal_bytes, seal_json, sealed_open

# The rewards' services live in independent.rewards and the operator check in independent.permissions; their
# names are kept here, where the views and commands look for every write.
__all__ = [
    "COLLECTION_CODE_LENGTH",
    "OPERATOR_GROUP",
    "MissingPersonRefused",
    "UnknownReference",
    "follow_up_answer",
    "follow_up_receive",
    "follow_up_send",
    "is_operator",
    "new_nonce",
    "outcome_receive",
    "report_forward",
    "report_hold",
    "report_review_save",
    "report_submit",
    "reward_claim",
    "REWARD_OUTCOMES",
    "reward_eligible",
    "reward_offer",
    "reward_pay",
]


class MissingPersonRefused(ValueError):
    """The anonymous channel does not take information about a missing person (DESIGN.md)."""


def _receipt_for(nonce: str) -> str:
    # Derived from the form token's nonce, so a repeated post shows the same receipt (independent.codes).
    return code_from_nonce(nonce, purpose="receipt", length=CODE_LENGTH)


def _replay(nonce: str) -> Submitted[AnonymousReport] | None:
    report = AnonymousReport.objects.filter(form_key=nonce_key(nonce, purpose="report")).first()
    if report is None:
        return None
    return Submitted(report=report, receipt_code=receipt_format(_receipt_for(nonce)), repeated=True)


def _store_file(
    *, report: AnonymousReport, follow_up: FollowUp | None, clean: CleanAttachment, files: StoredFiles
) -> None:
    """Only the cleaned copy is written, sealed; `clean.original` is dropped here and never reaches storage."""
    record = CleanFile(report=report, follow_up=follow_up, kind=clean.kind, content_type=clean.content_type)
    record.size = len(clean.clean)
    files.save(record.clean_file, "clean", seal_bytes(clean.clean))
    record.save()


def report_submit(
    *,
    nonce: str,
    answers: dict[str, Any],
    appeal: Appeal | None = None,
    crime_category: str = "",
    urgent: bool = False,
    files: list[CleanAttachment] | None = None,
    channel: str = ReportChannel.WEB,
    taken_by: User | None = None,
) -> Submitted[AnonymousReport]:
    """Store an anonymous report (web, or phone through an operator) with a fresh receipt; the reporter's
    words and files are sealed before they are written.

    The nonce of the signed form token makes a repeated post return the first report and the same
    receipt. Only the day it arrived is kept."""
    if appeal is not None and appeal.is_missing:
        raise MissingPersonRefused(appeal.reference)
    if channel == ReportChannel.PHONE and (taken_by is None or not is_operator(taken_by)):
        raise PermissionDenied("Phone reports are taken by operators.")
    code = _receipt_for(nonce)

    def store(stored: StoredFiles) -> AnonymousReport:
        report = AnonymousReport.objects.create(
            channel=channel,
            appeal_reference=appeal.reference if appeal else "",
            appeal_title=appeal.title if appeal else "",
            crime_category="" if appeal else crime_category,
            reporter_urgent=urgent,
            received_on=charity_today(),
            receipt_hash=receipt_hash(code),
            form_key=nonce_key(nonce, purpose="report"),
            sealed_answers=seal_json({name: str(answers.get(name) or "") for name in QUESTION_FIELDS}),
        )
        for clean in files or []:
            _store_file(report=report, follow_up=None, clean=clean, files=stored)
        audit_record(
            actor=taken_by,
            action="anonymous_report.received",
            target=report,
            detail={"channel": channel, "appeal": report.appeal_reference, "files": len(files or [])},
        )
        return report

    return submit_once(replay=lambda: _replay(nonce), receipt_code=code, store=store)


def _sanitised_answers(sanitised: dict[str, Any]) -> dict[str, str]:
    return {name: str(sanitised.get(name) or "") for name in QUESTION_FIELDS}


@transaction.atomic
def report_review_save(
    *, report: AnonymousReport, actor: User, sanitised: dict[str, Any], urgency: str, forward_files: list[int]
) -> AnonymousReport:
    """The operator's sanitised version and grade, saved without forwarding."""
    require_operator(actor)
    report = AnonymousReport.objects.select_for_update().get(pk=report.pk)
    if report.state == ReportState.FORWARDED:
        raise PermissionDenied("This report has already been forwarded.")
    if urgency not in Urgency.values:
        raise ValueError(f"Unknown urgency {urgency!r}")
    report.sanitised = _sanitised_answers(sanitised)
    report.urgency = urgency
    report.save(update_fields=["sanitised", "urgency"])
    report.files.filter(follow_up__isnull=True).update(forward=False)
    report.files.filter(follow_up__isnull=True, pk__in=forward_files).update(forward=True)
    audit_record(actor=actor, action="anonymous_report.sanitised", target=report, detail={"urgency": urgency})
    return report


def _file_payload(record: CleanFile) -> messages.File:
    with record.clean_file.open("rb") as handle:
        data = sealed_open(handle.read())  # sent as the operator chose; the forward is audited
    return messages.File(kind=record.kind, content_type=record.content_type, data=base64.b64encode(data).decode())


def report_forward(
    *, report: AnonymousReport, actor: User, sanitised: dict[str, Any], urgency: str, forward_files: list[int]
) -> AnonymousReport:
    """Send the sanitised version to the police under the report's opaque reference.

    What goes: the sanitised answers, the cleaned files the operator kept, the appeal reference or crime
    category, the grade and the *day* received. What never goes: the reporter's own words as they wrote them,
    the receipt, the channel, any time finer than the day, anything about the device or connection."""
    with transaction.atomic():
        report = report_review_save(
            report=report, actor=actor, sanitised=sanitised, urgency=urgency, forward_files=forward_files
        )
        answers = _sanitised_answers(report.sanitised or {})
        if not answers["details"].strip():
            raise ValueError("The sanitised report needs some details to forward.")
        today = charity_today()
        outbox_send(
            messages.ForwardedReport(
                message_id=f"report:{report.reference}",
                reference=report.reference,
                appeal_reference=report.appeal_reference,
                crime_category=report.crime_category,
                urgency=report.urgency,
                received_on=report.received_on,
                answers=messages.Answers.model_validate(answers),
                files=[_file_payload(f) for f in report.files.filter(follow_up__isnull=True, forward=True)],
            )
        )
        report.state = ReportState.FORWARDED
        report.forwarded_on = today
        report.hold_reason = ""
        report.save(update_fields=["state", "forwarded_on", "hold_reason"])
        audit_record(actor=actor, action="anonymous_report.forwarded", target=report, detail={"urgency": urgency})
        # Keep only what was sent (ADR 0031): the raw words and the files left out go.
        left_out = list(report.files.filter(follow_up__isnull=True, forward=False))
        report_raw_erase(report=report, reason="forwarded", files=left_out)
    return report


@transaction.atomic
def report_hold(*, report: AnonymousReport, actor: User, reason: str, urgency: str = "") -> AnonymousReport:
    """Keep a report back, with the reason (for example: it cannot be made safe to forward)."""
    require_operator(actor)
    if not reason.strip():
        raise ValueError("A reason is needed to hold a report.")
    report = AnonymousReport.objects.select_for_update().get(pk=report.pk)
    if report.state == ReportState.FORWARDED:
        raise PermissionDenied("This report has already been forwarded.")
    report.state = ReportState.HELD
    report.hold_reason = reason.strip()
    fields = ["state", "hold_reason"]
    if urgency in Urgency.values:
        report.urgency = urgency
        fields.append("urgency")
    report.save(update_fields=fields)
    audit_record(actor=actor, action="anonymous_report.held", target=report, justification=report.hold_reason)
    return report


# --- Keep in contact -------------------------------------------------------------------------------------


class UnknownReference(LookupError):
    """The police named a report this service did not forward."""


def follow_up_receive(*, reference: str, question_id: str, question: str) -> dict[str, Any]:
    """A question from the police (partner message), for the reporter to see with their receipt.
    Called inside partner.services.receive_message, so a retried message changes nothing."""
    report = AnonymousReport.objects.filter(reference=reference, state=ReportState.FORWARDED).first()
    if report is None:
        raise UnknownReference(reference)
    follow_up, created = FollowUp.objects.get_or_create(
        police_question_id=question_id,
        defaults={"report": report, "question": question, "asked_on": charity_today()},
    )
    if created:
        audit_record(actor=None, action="follow_up.question_received", target=report, detail={"id": follow_up.pk})
    return {"reference": reference, "question_id": question_id, "received": True}


def follow_up_answer(*, follow_up: FollowUp, nonce: str, answer: str) -> FollowUpAnswer:
    """The reporter, back with their receipt, answers: every answer is kept, sealed (a correction sent from
    the same form, or a later one, is a new answer; the same post again is the same answer). The operator
    sanitises each before it goes anywhere."""
    key = nonce_key(nonce, purpose="answer", extra=f"{follow_up.pk}|{answer}")
    with transaction.atomic():
        follow_up = FollowUp.objects.select_for_update().get(pk=follow_up.pk)
        existing = FollowUpAnswer.objects.filter(key=key).first()
        if existing is not None:
            return existing
        row = FollowUpAnswer.objects.create(
            follow_up=follow_up, sealed_answer=seal_bytes(answer.encode()), answered_on=charity_today(), key=key
        )
        follow_up.state = FollowUpState.ANSWERED
        follow_up.save(update_fields=["state"])
        audit_record(
            actor=None, action="follow_up.answered", target=follow_up.report, detail={"id": follow_up.pk, "n": row.pk}
        )
    return row


def follow_up_send(*, answer: FollowUpAnswer, actor: User, sanitised_answer: str) -> FollowUpAnswer:
    """Send the operator's sanitised version of one answer to the police, linked to the opaque reference and
    question; the reporter's own words are then erased (only what was sent is kept)."""
    require_operator(actor)
    if not sanitised_answer.strip():
        raise ValueError("Write the sanitised answer.")
    with transaction.atomic():
        answer = FollowUpAnswer.objects.select_for_update().select_related("follow_up__report").get(pk=answer.pk)
        if answer.is_sent:
            raise PermissionDenied("This answer has already been sent.")
        follow_up = answer.follow_up
        answer.sanitised_answer = sanitised_answer.strip()
        answer.sent_on = charity_today()
        answer.sealed_answer = None
        answer.save(update_fields=["sanitised_answer", "sent_on", "sealed_answer"])
        if not follow_up.answers.filter(sent_on__isnull=True).exists():
            follow_up.state = FollowUpState.SENT
            follow_up.save(update_fields=["state"])
        outbox_send(
            messages.FollowUpAnswer(
                message_id=f"answer:{follow_up.police_question_id}:{answer.pk}",
                reference=follow_up.report.reference,
                question_id=follow_up.police_question_id,
                answer_id=str(answer.pk),
                answer=answer.sanitised_answer,
            )
        )
        audit_record(actor=actor, action="follow_up.answer_sent", target=follow_up.report, detail={"id": follow_up.pk})
    return answer


# --- Outcomes (rewards: independent.rewards) -----------------------------------------------------------------


def outcome_receive(*, reference: str, outcome: str, label: str) -> dict[str, Any]:
    """The police say what came of a forwarded report (partner message; de-duplicated by the caller)."""
    report = AnonymousReport.objects.select_for_update().filter(reference=reference).first()
    if report is None or report.state != ReportState.FORWARDED:
        raise UnknownReference(reference)
    report.police_outcome = outcome
    report.police_outcome_label = label[:120]
    report.save(update_fields=["police_outcome", "police_outcome_label"])
    audit_record(actor=None, action="anonymous_report.outcome_received", target=report, detail={"outcome": outcome})
    return {"reference": reference, "outcome": outcome, "received": True}


def new_nonce() -> str:
    """For operators' own posts (phone reports): the same idempotency key as a public form token's nonce."""
    return secrets.token_hex(16)
