"""The charity's side of the partner contract (partner.messages): what it sends is built from the schemas
the police validate with, and a message it cannot act on (an outcome the police never send, a missing
field) is refused with a structured error, changing nothing."""

import pytest
from django.test import Client

from independent import services
from independent.models import AnonymousReport, FollowUp
from partner import messages, paths
from partner.models import OutboxMessage, ReceivedMessage
from partner.testing import signed

from .helpers import make_operator
from .test_operators import forwarded_report

pytestmark = pytest.mark.django_db


def refusal(path: str, payload: dict) -> dict:  # type: ignore[type-arg]
    response = signed(Client(raise_request_exception=False), path, payload)
    assert response.status_code == 422 and response["Content-Type"].startswith("application/json")
    return response.json()["error"]


@pytest.mark.parametrize("outcome", ["charged", "located_and_arrested", "Arrest_and_charge"])
def test_an_outcome_the_police_never_send_is_refused_and_offers_no_reward(outcome):
    report = forwarded_report()
    payload = {"message_id": "outcome:1", "reference": report.reference, "outcome": outcome, "label": "Charged"}
    error = refusal(paths.INDEPENDENT_OUTCOMES, payload)
    assert error["code"] == "invalid" and [d["loc"][-1] for d in error["details"]] == ["outcome"]
    report.refresh_from_db()
    assert report.police_outcome == "" and not services.reward_eligible(report)
    assert not ReceivedMessage.objects.exists()


@pytest.mark.parametrize(
    ("path", "payload", "missing"),
    [
        (
            paths.INDEPENDENT_QUESTIONS,
            {"message_id": "q:1", "reference": "R", "question_id": "q1", "question": "?"},
            "question",
        ),
        (
            paths.INDEPENDENT_QUESTIONS,
            {"message_id": "q:1", "reference": "R", "question_id": "q1", "question": "?"},
            "reference",
        ),
        (paths.INDEPENDENT_OUTCOMES, {"message_id": "o:1", "reference": "R", "outcome": "arrest"}, "outcome"),
        (paths.INDEPENDENT_WITHDRAWN, {"message_id": "withdrawn:W-7KQ2", "reference": "W-7KQ2"}, "message_id"),
    ],
)
def test_a_partner_message_missing_a_field_is_refused_with_a_structured_error(path, payload, missing):
    error = refusal(path, {name: value for name, value in payload.items() if name != missing})
    assert error["code"] == "invalid"
    assert [(d["type"], d["loc"][-1]) for d in error["details"]] == [("missing", missing)]
    assert not ReceivedMessage.objects.exists() and not FollowUp.objects.exists()


def test_what_the_charity_sends_is_what_the_police_accept():
    report = forwarded_report()
    signed(
        Client(),
        paths.INDEPENDENT_QUESTIONS,
        messages.Question(
            message_id="question:q1", reference=report.reference, question_id="q1", question="?"
        ).payload(),
    )
    answer = services.follow_up_answer(follow_up=FollowUp.objects.get(), nonce="n" * 32, answer="The back one.")
    services.follow_up_send(answer=answer, actor=make_operator("bo.operator"), sanitised_answer="The back one.")
    schemas = {"report": messages.ForwardedReport, "answer": messages.FollowUpAnswer}
    sent = OutboxMessage.objects.all()
    assert {m.kind for m in sent} == set(schemas)
    for message in sent:
        assert message.path == schemas[message.kind].path
        assert schemas[message.kind].model_validate(message.payload).payload() == message.payload


def test_rewards_follow_only_outcomes_the_police_send():
    assert services.REWARD_OUTCOMES.issubset(messages.Outcome)
    report = forwarded_report()
    for outcome in messages.Outcome:
        AnonymousReport.objects.filter(pk=report.pk).update(police_outcome=outcome.value)
        report.refresh_from_db()
        assert services.reward_eligible(report) is (outcome in services.REWARD_OUTCOMES)
