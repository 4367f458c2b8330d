"""The signed service-to-service endpoints the independent service calls (docs/adr/0005-independent-service.md).

Every request is authenticated by partner.auth.PartnerSignature (HMAC-SHA256 with the shared key, a time
window, and a nonce never accepted twice) and de-duplicated by its message id
(partner.services.receive_message): a retried delivery gets the first acknowledgement and changes nothing.
What may arrive is fixed by the message schemas both services share (partner.messages).
"""

import base64
import binascii
import uuid
from collections.abc import Callable
from typing import Any

from django.http import HttpRequest
from ninja import Router, Status

from partner import messages, paths
from partner.auth import PartnerSignature
from partner.messages import Ack, ErrorOut, error
from partner.services import receive_message
from reporting.services import (
    ForwardedFile,
    ForwardedReportRefused,
    report_answer_receive,
    report_receive_forwarded,
)
from reportkit.questions import CrimeCategory

router = Router(auth=PartnerSignature(), tags=["partner"])


class AnswerIn(messages.FollowUpAnswer):
    # We ask every question under a UUID of our own (reporting.services.report_question_send): an answer
    # naming anything else cannot be to one of ours.
    question_id: uuid.UUID  # type: ignore[assignment]


def _accept(data: messages.Message, handle: Callable[[], dict[str, Any]]) -> Status[dict[str, Any]]:
    try:
        return Status(200, receive_message(message_id=data.message_id, kind=data.kind, handle=handle))
    except ForwardedReportRefused as exc:
        return Status(400, error("refused", str(exc)))


@router.post(
    paths.route(messages.ForwardedReport.path),
    response={200: Ack, 400: ErrorOut, 401: ErrorOut},
    summary="Receive a forwarded anonymous report",
)
def receive_report(request: HttpRequest, data: messages.ForwardedReport) -> Status[dict[str, Any]]:
    if data.crime_category and data.crime_category not in CrimeCategory.values:
        return Status(400, error("invalid", "Unknown crime category."))
    try:
        files = [
            ForwardedFile(kind=f.kind, content_type=f.content_type, data=base64.b64decode(f.data, validate=True))
            for f in data.files
        ]
    except (binascii.Error, ValueError):
        return Status(400, error("invalid", "A file is not valid base64."))
    return _accept(
        data,
        lambda: report_receive_forwarded(
            reference=data.reference,
            appeal_reference=data.appeal_reference,
            crime_category=data.crime_category,
            urgency=data.urgency,
            received_on=data.received_on,
            answers=data.answers.model_dump(),
            files=files,
        ),
    )


@router.post(
    paths.route(messages.FollowUpAnswer.path),
    response={200: Ack, 400: ErrorOut, 401: ErrorOut},
    summary="Receive a sanitised answer to a follow-up question",
)
def receive_answer(request: HttpRequest, data: AnswerIn) -> Status[dict[str, Any]]:
    return _accept(
        data,
        lambda: report_answer_receive(
            reference=data.reference, question_id=str(data.question_id), answer=data.answer, answer_id=data.answer_id
        ),
    )
