"""The partner contract: every message the police service and the independent service exchange, one schema each.

Both services import this module. The sender builds a payload with a schema (`Message.payload()`, put in the
outbox by partner.services.outbox_send); the receiving endpoint validates the body with the same schema, and
answers with `Ack` or `ErrorOut`. So the two sides cannot drift apart: an outcome the police do not send is not
an `Outcome`, and a field one side renames is refused by the other at once, not misread.

    charity -> police    ForwardedReport, FollowUpAnswer         (api/partner.py)
    police  -> charity   Question, ReportOutcome, Withdrawal     (independent/api.py)

The field names are the wire format (JSON, signed by partner.signing over the exact bytes sent). Every string
and list has a bound, so a partner (or a stolen key) cannot make a service store or parse megabytes; the bounds
fit the columns that keep the values. What the police may receive is fixed here too: sanitised answers, cleaned
files, an appeal reference, the *day* received and an opaque reference; there is no field for a receipt, a time
of day or anything about a device (docs/adr/0005-independent-service.md).

Pure pydantic (no django-ninja, no app of either service): importable by a model module, a service or a test.
"""

from datetime import date
from typing import Any, ClassVar

from django.db import models
from pydantic import BaseModel, ConfigDict, Field

from . import paths


class Outcome(models.TextChoices):
    """What came of a forwarded report: the police record one on the report and tell the charity, whose own
    policy decides which of them let it offer the reporter a reward."""

    ARREST_AND_CHARGE = "arrest_and_charge", "Led to an arrest and charge"
    ARREST = "arrest", "Led to an arrest (no charge yet)"
    LOCATED = "located", "Helped locate the person"
    PROPERTY_RECOVERED = "property_recovered", "Led to property, drugs or weapons being recovered"
    NO_FURTHER_ACTION = "no_further_action", "No further action"


class Message(BaseModel):
    """A message sent through the partner outbox: posted to `path`, retried until acknowledged, and
    de-duplicated by the receiver on `message_id` (partner.services.receive_message)."""

    kind: ClassVar[str]
    path: ClassVar[str]

    message_id: str = Field(max_length=80)

    def payload(self) -> dict[str, Any]:
        """The JSON body, as stored in the outbox and sent."""
        return self.model_dump(mode="json")


# --- From the charity to the police -----------------------------------------------------------------------


class Answers(BaseModel):
    """The guided questions' answers, as the operator sanitised them (the names of reporting.questions)."""

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


class File(BaseModel):
    """A cleaned copy the operator chose to send (no metadata; no original exists at the charity)."""

    kind: str = Field(pattern="^(image|text)$")
    content_type: str = Field(max_length=60)
    data: str  # base64 of the cleaned copy


class ForwardedReport(Message):
    """A sanitised anonymous report, under the charity's opaque reference and with the day received only."""

    kind = "report"
    path = paths.POLICE_REPORTS
    model_config = ConfigDict(extra="forbid")  # nothing beyond what is listed here may be sent

    reference: str = Field(min_length=8, max_length=40)
    appeal_reference: str = Field(default="", max_length=20)
    crime_category: str = Field(default="", max_length=20)
    urgency: str = Field(pattern="^(urgent|priority|routine)$")
    received_on: date
    answers: Answers
    files: list[File] = Field(default_factory=list, max_length=5)


class FollowUpAnswer(Message):
    """The operator's sanitised version of the reporter's answer to a police question. The reporter may answer
    more than once (a correction, something more): each answer has its own answer_id and is kept."""

    kind = "answer"
    path = paths.POLICE_ANSWERS
    model_config = ConfigDict(extra="forbid")

    reference: str = Field(max_length=40)
    question_id: str = Field(max_length=80)  # the Question's own id, given back
    answer_id: str = Field(default="", max_length=40)
    answer: str = Field(min_length=1, max_length=10000)


# --- From the police to the charity -----------------------------------------------------------------------


class Question(Message):
    """A follow-up question for the reporter of a forwarded report, shown when they come back with their
    receipt."""

    kind = "question"
    path = paths.INDEPENDENT_QUESTIONS

    reference: str = Field(max_length=40)
    question_id: str = Field(max_length=80)
    question: str = Field(min_length=1, max_length=10000)


class ReportOutcome(Message):
    """What came of a forwarded report; never anything else about the case."""

    kind = "outcome"
    path = paths.INDEPENDENT_OUTCOMES

    reference: str = Field(max_length=40)
    outcome: Outcome
    label: str = Field(default="", max_length=120)  # how the police name it (Outcome's label)


class Withdrawal(Message):
    """An appeal has ended and must leave the charity's pages at once: its public reference and the message
    id only, nothing about the person (docs/adr/0030-takedown-to-partners.md)."""

    kind = "withdrawn"
    path = paths.INDEPENDENT_WITHDRAWN

    reference: str = Field(max_length=20)


# --- Either way back ----------------------------------------------------------------------------------------


class Ack(BaseModel):
    """The receiver accepted the message (or had already: a retry gets the same acknowledgement)."""

    reference: str
    received: bool


class ErrorDetail(BaseModel):
    code: str
    message: str


class ErrorOut(BaseModel):
    """Every refusal of both services' APIs: a signature refused (401), a body not valid (422, with the
    validation errors as `details`), a reference not known (404), a report refused (400)."""

    error: ErrorDetail


def error(code: str, message: str, **extra: Any) -> dict[str, Any]:
    """The body of an ErrorOut (with `details` on a validation error)."""
    return {"error": {**ErrorDetail(code=code, message=message).model_dump(), **extra}}
