"""Every write in the independent service goes through these functions; each owns its transaction and writes
its audit event. Messages to the police go through the partner outbox in the same transaction, so a forwarded
report or answer is never lost (retried until acknowledged) and never duplicated (the police de-duplicate on
the message id)."""

import base64
import secrets
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser, AnonymousUser, User
from django.core.exceptions import PermissionDenied
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import IntegrityError, transaction

from audit.services import audit_record
from partner import messages
from partner.services import outbox_send
from reporting.attachments import CleanAttachment
from reportkit.questions import QUESTION_FIELDS
from reportkit.receipts import CODE_LENGTH, receipt_format, receipt_hash

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
    Reward,
    RewardState,
    Urgency,
)
from .police_api import Appeal
from .retention import report_raw_erase
from .sealing import seal_bytes, seal_json, sealed_open

OPERATOR_GROUP = "operator"
_CONFUSABLE = str.maketrans("ILO", "110")
COLLECTION_CODE_LENGTH = 20  # 100 bits: one use, and it expires with the offer


def is_operator(user: AbstractBaseUser | AnonymousUser) -> bool:
    return bool(user.is_authenticated and isinstance(user, User) and user.groups.filter(name=OPERATOR_GROUP).exists())


def _require_operator(user: User) -> None:
    if not is_operator(user):
        raise PermissionDenied("Only the charity's operators may do this.")


class MissingPersonRefused(ValueError):
    """The anonymous channel does not take information about a missing person (DESIGN.md)."""


@dataclass(frozen=True)
class Submitted:
    report: AnonymousReport
    receipt_code: str  # formatted for reading
    repeated: bool


def _receipt_for(nonce: str) -> str:
    # Derived from the form token's nonce, so a repeated post shows the same receipt (independent.codes).
    return code_from_nonce(nonce, purpose="receipt", length=CODE_LENGTH)


def _replay(nonce: str) -> Submitted | None:
    report = AnonymousReport.objects.filter(form_key=nonce_key(nonce, purpose="report")).first()
    if report is None:
        return None
    return Submitted(report=report, receipt_code=receipt_format(_receipt_for(nonce)), repeated=True)


def _store_file(
    *, report: AnonymousReport, follow_up: FollowUp | None, clean: CleanAttachment, stored: list[str]
) -> None:
    """Only the cleaned copy is written, sealed; `clean.original` is dropped here and never reaches storage."""
    record = CleanFile(report=report, follow_up=follow_up, kind=clean.kind, content_type=clean.content_type)
    record.size = len(clean.clean)
    record.clean_file.save("clean", ContentFile(seal_bytes(clean.clean)), save=False)
    stored.append(record.clean_file.name)
    record.save()


def _discard(stored: list[str]) -> None:
    for name in stored:
        default_storage.delete(name)


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
) -> Submitted:
    """Store an anonymous report (web, or phone through an operator) with a fresh receipt; the reporter's
    words and files are sealed before they are written.

    The nonce of the signed form token makes a repeated post return the first report and the same
    receipt. Only the day it arrived is kept."""
    if appeal is not None and appeal.is_missing:
        raise MissingPersonRefused(appeal.reference)
    if channel == ReportChannel.PHONE and (taken_by is None or not is_operator(taken_by)):
        raise PermissionDenied("Phone reports are taken by operators.")
    repeated = _replay(nonce)
    if repeated is not None:
        return repeated
    code = _receipt_for(nonce)
    stored: list[str] = []
    try:
        with transaction.atomic(durable=True):
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
                _store_file(report=report, follow_up=None, clean=clean, stored=stored)
            audit_record(
                actor=taken_by,
                action="anonymous_report.received",
                target=report,
                detail={"channel": channel, "appeal": report.appeal_reference, "files": len(files or [])},
            )
    except IntegrityError:
        _discard(stored)
        repeated = _replay(nonce)
        if repeated is None:
            raise
        return repeated
    except BaseException:
        _discard(stored)
        raise
    return Submitted(report=report, receipt_code=receipt_format(code), repeated=False)


def _sanitised_answers(sanitised: dict[str, Any]) -> dict[str, str]:
    return {name: str(sanitised.get(name) or "") for name in QUESTION_FIELDS}


@transaction.atomic
def report_review_save(
    *, report: AnonymousReport, actor: User, sanitised: dict[str, Any], urgency: str, forward_files: list[int]
) -> AnonymousReport:
    """The operator's sanitised version and grade, saved without forwarding."""
    _require_operator(actor)
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
    _require_operator(actor)
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
    _require_operator(actor)
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


# --- Outcomes and rewards --------------------------------------------------------------------------------


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


# The charity's own policy: the police outcomes (of those the partner contract has) that let it offer a reward.
REWARD_OUTCOMES = frozenset({messages.Outcome.ARREST_AND_CHARGE})


def reward_eligible(report: AnonymousReport) -> bool:
    """A reward may be offered only when the police reported an outcome the charity's policy names
    (REWARD_OUTCOMES: an arrest and charge), and only once per report."""
    return report.police_outcome in REWARD_OUTCOMES and not Reward.objects.filter(report=report).exists()


@transaction.atomic
def reward_offer(*, report: AnonymousReport, actor: User, amount: Decimal, currency: str, expires_on: date) -> Reward:
    _require_operator(actor)
    report = AnonymousReport.objects.select_for_update().get(pk=report.pk)
    if not reward_eligible(report):
        raise PermissionDenied("A reward can be offered only after an outcome the policy names, once.")
    if amount <= 0 or amount > settings.LOOKOUT_REWARD_MAX:
        raise ValueError(f"The amount must be between 1 and {settings.LOOKOUT_REWARD_MAX}.")
    if expires_on <= charity_today():
        raise ValueError("The offer must end in the future.")
    reward = Reward.objects.create(
        report=report, amount=amount, currency=currency.upper(), expires_on=expires_on, offered_on=charity_today()
    )
    audit_record(
        actor=actor,
        action="reward.offered",
        target=report,
        detail={"amount": str(amount), "currency": reward.currency, "expires_on": expires_on.isoformat()},
    )
    return reward


def _collection_hash(code: str) -> str:
    # The same keyed hash as receipts, under a different label, so a receipt can never be used as a code.
    return receipt_hash(f"collect:{code}")


def reward_claim(*, report: AnonymousReport, nonce: str) -> str | None:
    """The reporter claims an open offer: a one-time collection code, kept only as a keyed hash. The code is
    derived from the claim form's nonce, so a repeated claim (a double click, a refresh) shows the same code
    again, never a second one (independent.codes). None when there is no open offer (already claimed with
    another form, paid, withdrawn or expired)."""
    key = nonce_key(nonce, purpose="claim")
    code = code_from_nonce(nonce, purpose="collect", length=COLLECTION_CODE_LENGTH)
    with transaction.atomic():
        reward = Reward.objects.select_for_update().filter(report=report).first()
        if reward is not None and reward.state == RewardState.CLAIMED and reward.claim_key == key:
            return receipt_format(code)
        if reward is None or reward.state != RewardState.OFFERED or reward.expires_on < charity_today():
            return None
        reward.collection_code_hash = _collection_hash(code)
        reward.claim_key = key
        reward.state = RewardState.CLAIMED
        reward.claimed_on = charity_today()
        reward.save(update_fields=["collection_code_hash", "claim_key", "state", "claimed_on"])
        audit_record(actor=None, action="reward.claimed", target=report)
    return receipt_format(code)


def reward_pay(*, actor: User, code: str) -> Reward | None:
    """The operator pays out against a collection code (read out on the phone or at the counter): the
    code is checked and used up. None when it does not match a claimed, unpaid reward."""
    _require_operator(actor)
    canonical = "".join(ch for ch in code.upper() if ch.isalnum()).translate(_CONFUSABLE)
    with transaction.atomic():
        reward = (
            Reward.objects.select_for_update()
            .filter(collection_code_hash=_collection_hash(canonical), state=RewardState.CLAIMED)
            .first()
        )
        if reward is None:
            return None
        reward.state = RewardState.PAID
        reward.paid_on = charity_today()
        reward.collection_code_hash = None  # used up: the same code can never be paid twice
        reward.save(update_fields=["state", "paid_on", "collection_code_hash"])
        audit_record(actor=actor, action="reward.paid", target=reward.report, detail={"amount": str(reward.amount)})
    return reward


def new_nonce() -> str:
    """For operators' own posts (phone reports): the same idempotency key as a public form token's nonce."""
    return secrets.token_hex(16)
