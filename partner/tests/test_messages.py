"""The partner contract (partner.messages): every message survives the trip over the wire unchanged, and a
payload the other side could misread (an outcome the police never send, a missing field) is refused."""

import json
from datetime import date

import pytest
from pydantic import ValidationError

from partner import messages, paths

REF = "SUS-ABCDEF0123456789ABCD"
QID = "0b9e2f7c-2f41-4bb0-9d0e-2c5c3f1c9a11"
ANSWERS = messages.Answers(details="He drinks at the Crown", places="The Crown")
PHOTO = messages.File(kind="image", content_type="image/jpeg", data="/9j/4AAQ")
ARRESTED = messages.Outcome.ARREST_AND_CHARGE
EXAMPLES: list[messages.Message] = [
    messages.ForwardedReport(
        message_id=f"report:{REF}",
        reference=REF,
        appeal_reference="W-7KQ2",
        urgency="urgent",
        received_on=date(2026, 11, 20),
        answers=ANSWERS,
        files=[PHOTO],
    ),
    messages.FollowUpAnswer(
        message_id=f"answer:{QID}:7", reference=REF, question_id=QID, answer_id="7", answer="Back."
    ),
    messages.Question(message_id=f"question:{QID}", reference=REF, question_id=QID, question="Which door?"),
    messages.ReportOutcome(message_id=f"outcome:{REF}:{ARRESTED.value}", reference=REF, outcome=ARRESTED, label="Led"),
    messages.Withdrawal(message_id="withdrawn:W-7KQ2", reference="W-7KQ2"),
]


@pytest.mark.parametrize("message", EXAMPLES, ids=lambda m: m.kind)
def test_each_message_round_trips_through_its_json_payload(message):
    wire = json.loads(json.dumps(message.payload(), sort_keys=True))  # as partner.services._post sends it
    assert wire == message.payload()
    assert type(message).model_validate(wire) == message


@pytest.mark.parametrize(
    "reply",
    [
        messages.Ack(reference="SUS-ABCDEF0123456789ABCD", received=True),
        messages.ErrorOut.model_validate(
            messages.error("unknown_reference", "No forwarded report has that reference.")
        ),
    ],
)
def test_acknowledgements_and_errors_round_trip(reply):
    assert type(reply).model_validate(json.loads(reply.model_dump_json())) == reply


def test_the_payload_keeps_the_wire_names_and_plain_json_values():
    report, _, _, outcome, withdrawal = EXAMPLES
    assert report.payload()["received_on"] == "2026-11-20"
    assert set(report.payload()) == {
        "message_id",
        "reference",
        "appeal_reference",
        "crime_category",
        "urgency",
        "received_on",
        "answers",
        "files",
    }
    assert outcome.payload()["outcome"] == "arrest_and_charge"
    assert withdrawal.payload() == {"message_id": "withdrawn:W-7KQ2", "reference": "W-7KQ2"}


def test_each_kind_goes_to_its_own_partner_path():
    kinds = {type(m).kind: type(m).path for m in EXAMPLES}
    assert kinds == {
        "report": paths.POLICE_REPORTS,
        "answer": paths.POLICE_ANSWERS,
        "question": paths.INDEPENDENT_QUESTIONS,
        "outcome": paths.INDEPENDENT_OUTCOMES,
        "withdrawn": paths.INDEPENDENT_WITHDRAWN,
    }
    assert paths.route(paths.POLICE_REPORTS) == "/reports" and paths.route(paths.INDEPENDENT_WITHDRAWN) == "/withdrawn"
    with pytest.raises(ValueError):
        paths.route("/api/v1/public/appeals")


@pytest.mark.parametrize("outcome", ["charged", "located_and_arrested", "ARREST_AND_CHARGE", ""])
def test_an_outcome_the_police_do_not_send_is_refused(outcome):
    payload = {**EXAMPLES[3].payload(), "outcome": outcome}
    with pytest.raises(ValidationError) as refused:
        messages.ReportOutcome.model_validate(payload)
    assert refused.value.errors()[0]["loc"] == ("outcome",)


@pytest.mark.parametrize("message", EXAMPLES, ids=lambda m: m.kind)
def test_a_message_missing_a_required_field_is_refused(message):
    required = [name for name, field in type(message).model_fields.items() if field.is_required()]
    assert "message_id" in required
    for name in required:
        payload = {k: v for k, v in message.payload().items() if k != name}
        with pytest.raises(ValidationError) as refused:
            type(message).model_validate(payload)
        assert refused.value.errors()[0]["type"] == "missing"


def test_messages_to_the_police_refuse_fields_beyond_the_schema():
    report, answer = EXAMPLES[0], EXAMPLES[1]
    for message in (report, answer):
        with pytest.raises(ValidationError):
            type(message).model_validate({**message.payload(), "receipt": "X"})


def test_an_error_body_carries_the_details_it_is_given():
    assert messages.error("invalid", "The request is not valid.", details=[{"loc": ["body"]}]) == {
        "error": {"code": "invalid", "message": "The request is not valid.", "details": [{"loc": ["body"]}]}
    }
