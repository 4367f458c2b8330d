"""The operator console: only operators, urgent first, sanitise then forward (or hold with a reason), phone
reports on the same path, follow-ups, rewards; every action audited; what is forwarded carries nothing else."""

import json
from datetime import timedelta
from decimal import Decimal

import pytest
from django.test import Client
from django.utils import timezone

from audit.models import AuditEvent
from independent import services
from independent.models import AnonymousReport, FollowUp, ReportState, RewardState
from independent.police_api import Appeal
from partner import paths
from partner.models import OutboxMessage
from partner.testing import signed

from .helpers import make_operator, receipt_of

pytestmark = pytest.mark.django_db


def submit(details: str = "He is at the Crown. I live next door to him.", **kwargs):  # type: ignore[no-untyped-def]
    return services.report_submit(
        nonce=services.new_nonce(),
        answers={"details": details, "acquaintance": "personally"},
        crime_category="drugs",
        **kwargs,
    )


def operator_client() -> tuple[Client, object]:
    client = Client()
    user = make_operator()
    client.force_login(user)
    return client, user


def test_only_operators_see_the_console():
    assert Client().get("/operators/").status_code == 302
    from django.contrib.auth.models import User

    client = Client()
    client.force_login(User.objects.create_user("someone", password="x-long-password-1"))  # noqa: S106
    assert client.get("/operators/").status_code == 403


def test_urgent_reports_come_first():
    routine = submit("routine").report
    urgent = submit("urgent", urgent=True).report
    client, _ = operator_client()
    page = client.get("/operators/").content.decode()
    assert page.index(urgent.reference) < page.index(routine.reference)
    assert list(AnonymousReport.objects.console_order()) == [urgent, routine]


def test_sanitise_and_forward_sends_only_the_sanitised_version(django_capture_on_commit_callbacks):
    report = submit().report
    client, _ = operator_client()
    page = client.get(f"/operators/{report.pk}/").content.decode()
    assert "Suggested removals" in page and "I live next door to him." in page
    with django_capture_on_commit_callbacks(execute=False):
        response = client.post(
            f"/operators/{report.pk}/review/",
            {"action": "forward", "urgency": "priority", "details": "He is at the Crown.", "acquaintance": ""},
        )
    assert response.status_code == 302
    report.refresh_from_db()
    assert report.state == ReportState.FORWARDED and report.forwarded_on == timezone.localdate()
    message = OutboxMessage.objects.get()
    assert message.path == paths.POLICE_REPORTS
    payload = message.payload
    assert set(payload) == {
        "message_id", "reference", "appeal_reference", "crime_category", "urgency", "received_on", "answers", "files",
    }  # fmt: skip
    assert payload["received_on"] == timezone.localdate().isoformat()  # the day, never a time
    text = json.dumps(payload)
    assert "next door" not in text and "personally" not in text and report.receipt_hash not in text
    assert AuditEvent.objects.filter(action="anonymous_report.forwarded").count() == 1


def test_holding_needs_a_reason():
    report = submit().report
    client, _ = operator_client()
    assert client.post(f"/operators/{report.pk}/hold/", {"reason": ""}).status_code == 400
    client.post(f"/operators/{report.pk}/hold/", {"reason": "Cannot be made safe: only one person could know this"})
    report.refresh_from_db()
    assert report.state == ReportState.HELD and report.hold_reason.startswith("Cannot be made safe")
    assert OutboxMessage.objects.count() == 0


def test_a_phone_report_takes_the_same_path_and_shows_the_receipt_to_read_out(monkeypatch):
    client, _ = operator_client()
    form = client.get("/operators/phone/").content.decode()
    assert "contact_name" not in form
    import re

    token = re.search(r'name="form_token" value="([^"]+)"', form).group(1)
    response = client.post(
        "/operators/phone/",
        {"form_token": token, "details": "Caller says: drugs at the Crown", "crime_category": "drugs"},
    )
    assert response.status_code == 200
    assert len(receipt_of(response).replace("-", "")) == 28
    report = AnonymousReport.objects.get()
    assert report.channel == "phone" and report.state == ReportState.RECEIVED
    assert AuditEvent.objects.get(action="anonymous_report.received").actor_label == "olu.operator"


def test_missing_person_appeals_are_not_taken():
    missing = Appeal("M-3XPD", "missing", "Jodie", "", "", "", "")
    with pytest.raises(services.MissingPersonRefused):
        services.report_submit(nonce=services.new_nonce(), answers={"details": "x"}, appeal=missing)


def forwarded_report() -> AnonymousReport:
    report = submit().report
    services.report_forward(
        report=report,
        actor=make_operator("ada.operator"),
        sanitised={"details": "At the Crown"},
        urgency="routine",
        forward_files=[],
    )
    return AnonymousReport.objects.get(pk=report.pk)


def test_questions_arrive_signed_once_and_unsigned_ones_are_refused():
    report = forwarded_report()
    question = {
        "message_id": "question:q1",
        "reference": report.reference,
        "question_id": "q1",
        "question": "Which door?",
    }
    assert (
        Client().post(paths.INDEPENDENT_QUESTIONS, question, content_type="application/json").json()["error"]["code"]
        == "unsigned"
    )
    assert signed(Client(), paths.INDEPENDENT_QUESTIONS, question).status_code == 200
    assert signed(Client(), paths.INDEPENDENT_QUESTIONS, question).status_code == 200  # retried delivery
    assert FollowUp.objects.count() == 1
    unknown = {**question, "message_id": "question:q2", "question_id": "q2", "reference": "SUS-NOPE0000000000000000"}
    assert signed(Client(), paths.INDEPENDENT_QUESTIONS, unknown).status_code == 404


def test_follow_up_answer_is_sent_only_after_the_operator_sanitises_it():
    report = forwarded_report()
    signed(
        Client(),
        paths.INDEPENDENT_QUESTIONS,
        {"message_id": "question:q1", "reference": report.reference, "question_id": "q1", "question": "Which door?"},
    )
    follow_up = FollowUp.objects.get()
    answer = services.follow_up_answer(
        follow_up=follow_up, nonce="n" * 32, answer="The back one. I see it from my kitchen."
    )
    assert OutboxMessage.objects.filter(kind="answer").count() == 0
    services.follow_up_send(answer=answer, actor=make_operator("bo.operator"), sanitised_answer="The back one.")
    sent = OutboxMessage.objects.get(kind="answer")
    assert sent.payload == {
        "message_id": f"answer:q1:{answer.pk}",
        "reference": report.reference,
        "question_id": "q1",
        "answer_id": str(answer.pk),
        "answer": "The back one.",
    }
    answer.refresh_from_db()
    assert answer.sealed_answer is None  # the reporter's own words go once the sanitised answer is sent


def test_reward_needs_a_named_outcome_and_is_collected_once_with_a_code():
    report = forwarded_report()
    operator = make_operator("cy.operator")
    expires = timezone.localdate() + timedelta(days=30)
    with pytest.raises(Exception):  # noqa: B017 - no outcome yet: PermissionDenied
        services.reward_offer(report=report, actor=operator, amount=Decimal(100), currency="GBP", expires_on=expires)
    outcome = {
        "message_id": "outcome:1",
        "reference": report.reference,
        "outcome": "arrest_and_charge",
        "label": "Led to an arrest and charge",
    }
    assert signed(Client(), paths.INDEPENDENT_OUTCOMES, outcome).status_code == 200
    report.refresh_from_db()
    reward = services.reward_offer(
        report=report, actor=operator, amount=Decimal(500), currency="GBP", expires_on=expires
    )
    code = services.reward_claim(report=report, nonce="a" * 32)
    assert code and services.reward_claim(report=report, nonce="a" * 32) == code  # the same post: the same code
    assert services.reward_claim(report=report, nonce="b" * 32) is None  # another form: never a second code
    reward.refresh_from_db()
    assert reward.state == RewardState.CLAIMED and code.replace("-", "") not in reward.collection_code_hash
    assert services.reward_pay(actor=operator, code="WRONG-CODE") is None
    assert services.reward_pay(actor=operator, code=code.lower()).state == RewardState.PAID
    assert services.reward_pay(actor=operator, code=code) is None  # used up
    assert AuditEvent.objects.filter(action__startswith="reward.").count() == 3
