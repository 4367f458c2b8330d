"""The independent service's side of the signed partner channel (django-ninja): follow-up questions,
outcomes and withdrawn appeals from the police. Every request is authenticated by
partner.auth.PartnerSignature (HMAC, time window, replay refusal), validated by the message schemas both
services share (partner.messages) and de-duplicated by message id (partner.services.receive_message)."""

from collections.abc import Callable
from typing import Any

from django.http import HttpRequest
from ninja import NinjaAPI, Router, Status

from partner import messages, paths
from partner.auth import PartnerSignature
from partner.errors import add_error_handlers
from partner.messages import Ack, ErrorOut, error
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


def _accept(data: messages.Message, handle: Callable[[], dict[str, Any]]) -> Status[dict[str, Any]]:
    try:
        return Status(200, receive_message(message_id=data.message_id, kind=data.kind, handle=handle))
    except services.UnknownReference:
        return Status(404, error("unknown_reference", "No forwarded report has that reference."))


@router.post(paths.route(messages.Question.path), response={200: Ack, 404: ErrorOut})
def question(request: HttpRequest, data: messages.Question) -> Status[dict[str, Any]]:
    return _accept(
        data,
        lambda: services.follow_up_receive(
            reference=data.reference, question_id=data.question_id, question=data.question
        ),
    )


@router.post(paths.route(messages.ReportOutcome.path), response={200: Ack, 404: ErrorOut})
def outcome(request: HttpRequest, data: messages.ReportOutcome) -> Status[dict[str, Any]]:
    return _accept(
        data,
        lambda: services.outcome_receive(reference=data.reference, outcome=data.outcome.value, label=data.label),
    )


@router.post(paths.route(messages.Withdrawal.path), response={200: Ack})
def withdrawn(request: HttpRequest, data: messages.Withdrawal) -> Status[dict[str, Any]]:
    # Acknowledged even for an appeal we never listed: the tombstone still keeps an older copy from showing it.
    return _accept(data, lambda: appeal_withdrawal_receive(reference=data.reference))


api.add_router("", router)
add_error_handlers(api)
