"""The signed service-to-service endpoints the independent service calls (docs/adr/0005-independent-service.md).

Every request is authenticated by partner.auth.PartnerSignature (HMAC-SHA256 with the shared key, a time
window, and a nonce never accepted twice) and de-duplicated by its message id
(partner.services.receive_message): a retried delivery gets the first acknowledgement and changes nothing.
What may arrive is fixed by the schemas: sanitised answers, cleaned files, an appeal reference, the *date*
received and an opaque reference. There is no field for a receipt, a time of day or anything about a device.
"""

import base64
import binascii
import uuid
from datetime import date
from typing import Any

from django.http import HttpRequest
from ninja import Router, Schema, Status
from pydantic import Field

from partner import paths
from partner.auth import PartnerSignature
from partner.services import receive_message
from reporting.services import (
    ForwardedFile,
    ForwardedReportRefused,
    report_answer_receive,
    report_receive_forwarded,
)
from reportkit.questions import CrimeCategory

from .schemas import ErrorOut

router = Router(auth=PartnerSignature(), tags=["partner"])
PREFIX = "/api/v1/partner"


class AnswersIn(Schema):
    details: str = Field(min_length=1, max_length=10000)
    acquaintance: str = Field(default="", max_length=20)
    last_seen_when: str = Field(default="", max_length=200)
    last_seen_where: str = Field(default="", max_length=300)
    in_your_area: str = Field(default="", max_length=10)
    vehicle_make: str = Field(default="", max_length=60)
    vehicle_model: str = Field(default="", max_length=60)
    vehicle_colour: str = Field(default="", max_length=40)
    vehicle_registration: str = Field(default="", max_length=12)
    places: str = Field(default="", max_length=2000)
    companions: str = Field(default="", max_length=2000)


class FileIn(Schema):
    kind: str = Field(pattern="^(image|text)$")
    content_type: str = Field(max_length=60)
    data: str  # base64 of the cleaned copy


class ForwardedReportIn(Schema):
    model_config = {"extra": "forbid"}  # nothing beyond what is listed here may be sent

    message_id: str = Field(max_length=80)
    reference: str = Field(min_length=8, max_length=40)
    appeal_reference: str = Field(default="", max_length=20)
    crime_category: str = Field(default="", max_length=20)
    urgency: str = Field(pattern="^(urgent|priority|routine)$")
    received_on: date
    answers: AnswersIn
    files: list[FileIn] = Field(default_factory=list, max_length=5)


class AnswerIn(Schema):
    model_config = {"extra": "forbid"}

    message_id: str = Field(max_length=80)
    reference: str = Field(max_length=40)
    question_id: uuid.UUID  # the police question's own id: anything else cannot name one
    # Set when the reporter answered more than once (a correction, something more): each answer is kept.
    answer_id: str = Field(default="", max_length=40)
    answer: str = Field(min_length=1, max_length=10000)


class AckOut(Schema):
    reference: str
    received: bool


def _error(code: str, message: str) -> dict[str, Any]:
    return {"error": {"code": code, "message": message}}


@router.post(
    paths.POLICE_REPORTS.removeprefix(PREFIX),
    response={200: AckOut, 400: ErrorOut, 401: ErrorOut},
    summary="Receive a forwarded anonymous report",
)
def receive_report(request: HttpRequest, data: ForwardedReportIn) -> Status[dict[str, Any]]:
    if data.crime_category and data.crime_category not in CrimeCategory.values:
        return Status(400, _error("invalid", "Unknown crime category."))
    try:
        files = [
            ForwardedFile(kind=f.kind, content_type=f.content_type, data=base64.b64decode(f.data, validate=True))
            for f in data.files
        ]
    except (binascii.Error, ValueError):
        return Status(400, _error("invalid", "A file is not valid base64."))
    try:
        ack = receive_message(
            message_id=data.message_id,
            kind="report",
            handle=lambda: report_receive_forwarded(
                reference=data.reference,
                appeal_reference=data.appeal_reference,
                crime_category=data.crime_category,
                urgency=data.urgency,
                received_on=data.received_on,
                answers=data.answers.dict(),
                files=files,
            ),
        )
    except ForwardedReportRefused as exc:
        return Status(400, _error("refused", str(exc)))
    return Status(200, ack)


@router.post(
    paths.POLICE_ANSWERS.removeprefix(PREFIX),
    response={200: AckOut, 400: ErrorOut, 401: ErrorOut},
    summary="Receive a sanitised answer to a follow-up question",
)
def receive_answer(request: HttpRequest, data: AnswerIn) -> Status[dict[str, Any]]:
    try:
        ack = receive_message(
            message_id=data.message_id,
            kind="answer",
            handle=lambda: report_answer_receive(
                reference=data.reference,
                question_id=str(data.question_id),
                answer=data.answer,
                answer_id=data.answer_id,
            ),
        )
    except ForwardedReportRefused as exc:
        return Status(400, _error("refused", str(exc)))
    return Status(200, ack)
