"""The independent service's side of the signed partner channel (django-ninja): follow-up questions,
outcomes and withdrawn appeals from the police. Every request is authenticated by
partner.auth.PartnerSignature (HMAC, time window, replay refusal) and de-duplicated by message id
(partner.services.receive_message)."""

from typing import Any

from django.db import transaction
from django.http import HttpRequest, HttpResponse
from ninja import Field, NinjaAPI, Router, Schema, Status
from ninja.errors import AuthenticationError, ValidationError

from partner import paths
from partner.auth import PartnerSignature
from partner.parser import StorableJsonParser
from partner.services import receive_message

from . import services
from .withdrawals import appeal_withdrawal_receive

api = NinjaAPI(
    title="Speak Up Safely partner API",
    version="1",
    docs_url=None,
    urls_namespace="independent_api",
    parser=StorableJsonParser(),
)
router = Router(auth=PartnerSignature(), tags=["partner"])


class ErrorDetail(Schema):
    code: str
    message: str


class ErrorOut(Schema):
    error: ErrorDetail


# Every string and list has a bound, so a partner (or a stolen key) cannot make us store or parse megabytes.
class QuestionIn(Schema):
    message_id: str = Field(max_length=80)
    reference: str = Field(max_length=40)
    question_id: str = Field(max_length=80)
    question: str = Field(min_length=1, max_length=10000)


class OutcomeIn(Schema):
    message_id: str = Field(max_length=80)
    reference: str = Field(max_length=40)
    outcome: str = Field(max_length=40)
    label: str = Field(default="", max_length=120)


class WithdrawnIn(Schema):
    """An appeal has ended: its public reference and the message id only, nothing about the person."""

    message_id: str
    reference: str


class AckOut(Schema):
    reference: str
    received: bool


def _error(code: str, message: str) -> dict[str, Any]:
    return {"error": {"code": code, "message": message}}


def _prefix(path: str) -> str:
    return path.removeprefix("/partner/v1")


@router.post(_prefix(paths.INDEPENDENT_QUESTIONS), response={200: AckOut, 404: ErrorOut})
def question(request: HttpRequest, data: QuestionIn) -> Status[dict[str, Any]]:
    try:
        ack = receive_message(
            message_id=data.message_id,
            kind="question",
            handle=lambda: services.follow_up_receive(
                reference=data.reference, question_id=data.question_id, question=data.question
            ),
        )
    except services.UnknownReference:
        return Status(404, _error("unknown_reference", "No forwarded report has that reference."))
    return Status(200, ack)


@router.post(_prefix(paths.INDEPENDENT_OUTCOMES), response={200: AckOut, 404: ErrorOut})
def outcome(request: HttpRequest, data: OutcomeIn) -> Status[dict[str, Any]]:
    try:
        with transaction.atomic():
            ack = receive_message(
                message_id=data.message_id,
                kind="outcome",
                handle=lambda: services.outcome_receive(
                    reference=data.reference, outcome=data.outcome, label=data.label
                ),
            )
    except services.UnknownReference:
        return Status(404, _error("unknown_reference", "No forwarded report has that reference."))
    return Status(200, ack)


@router.post(_prefix(paths.INDEPENDENT_WITHDRAWN), response={200: AckOut})
def withdrawn(request: HttpRequest, data: WithdrawnIn) -> Status[dict[str, Any]]:
    # Acknowledged even for an appeal we never listed: the tombstone still keeps an older copy from showing it.
    ack = receive_message(
        message_id=data.message_id,
        kind="withdrawn",
        handle=lambda: appeal_withdrawal_receive(reference=data.reference),
    )
    return Status(200, ack)


api.add_router("", router)


@api.exception_handler(AuthenticationError)
def refused(request: HttpRequest, exc: AuthenticationError) -> HttpResponse:
    reason = getattr(request, "partner_refusal", None)
    code = getattr(reason, "code", "unsigned")
    message = getattr(reason, "message", "The request is not signed.")
    return api.create_response(request, _error(code, message), status=401)


@api.exception_handler(ValidationError)
def invalid(request: HttpRequest, exc: ValidationError) -> HttpResponse:
    return api.create_response(
        request,
        {"error": {"code": "invalid", "message": "The request is not valid.", "details": list(exc.errors)}},
        status=422,
    )
