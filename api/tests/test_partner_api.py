"""The police side of the partner channel: signed forwarded reports and answers, de-duplicated; questions and
outcomes on anonymous reports go back through the outbox."""

import base64
import json
import uuid
from datetime import date, time

import pytest
from django.test import Client
from django.utils import timezone

from accounts.roles import Role
from accounts.tests.factories import make_staff
from appeals.tests.factories import published
from audit.models import AuditEvent
from partner import messages, paths
from partner.models import OutboxMessage
from partner.testing import signed, signed_headers
from reporting.models import Channel, InformationReport, Message, MessageDirection
from reporting.questions import QUESTION_FIELDS
from reporting.services import report_outcome_record, report_question_send
from reporting.tests.factories import jpeg_with_gps


def forwarded(**overrides):
    data = {
        "message_id": "report:SUS-ABCDEF0123456789ABCD",
        "reference": "SUS-ABCDEF0123456789ABCD",
        "appeal_reference": "",
        "crime_category": "drugs",
        "urgency": "urgent",
        "received_on": "2026-11-20",
        "answers": {"details": "Drugs are sold from the blue door on Mill Street", "places": "Mill Street"},
        "files": [{"kind": "image", "content_type": "image/jpeg", "data": base64.b64encode(jpeg_with_gps()).decode()}],
    }
    return data | overrides


@pytest.mark.django_db
def test_a_signed_forwarded_report_is_stored_anonymously_with_the_day_only():
    response = signed(Client(), paths.POLICE_REPORTS, forwarded())
    assert response.status_code == 200, response.content
    assert response.json() == {"reference": "SUS-ABCDEF0123456789ABCD", "received": True}
    report = InformationReport.objects.get()
    assert report.channel == Channel.ANONYMOUS and report.partner_reference == "SUS-ABCDEF0123456789ABCD"
    assert report.urgent and report.crime_category == "drugs"
    local = timezone.localtime(report.received_at)
    assert (local.date(), local.time()) == (date(2026, 11, 20), time(0, 0))
    assert not hasattr(report, "receipt") or report.receipt is None
    attachment = report.attachments.get()
    assert not attachment.original_sealed  # no original for an anonymous report
    assert b"TestCam" not in attachment.clean_file.read()  # and the copy was cleaned again here


@pytest.mark.django_db
def test_the_same_message_delivered_twice_creates_one_report():
    client = Client()
    first = signed(client, paths.POLICE_REPORTS, forwarded())
    second = signed(client, paths.POLICE_REPORTS, forwarded())
    assert first.json() == second.json()
    assert InformationReport.objects.count() == 1


@pytest.mark.django_db
def test_unsigned_replayed_or_badly_signed_requests_are_refused_with_structured_errors():
    client = Client()
    response = client.post(paths.POLICE_REPORTS, json.dumps(forwarded()), content_type="application/json")
    assert response.status_code == 401 and response.json()["error"]["code"] == "unsigned"
    response = signed(client, paths.POLICE_REPORTS, forwarded(), key="another-key")
    assert response.status_code == 401 and response.json()["error"]["code"] == "bad_signature"
    headers = signed_headers(paths.POLICE_REPORTS, forwarded())
    ok = signed(client, paths.POLICE_REPORTS, forwarded(), headers=headers)
    assert ok.status_code == 200
    replay = signed(client, paths.POLICE_REPORTS, forwarded(), headers=headers)
    assert replay.status_code == 401 and replay.json()["error"]["code"] == "replay"


@pytest.mark.django_db
def test_fields_beyond_the_schema_are_refused():
    response = signed(Client(), paths.POLICE_REPORTS, forwarded(receipt="X", user_agent="Y"))
    assert response.status_code == 422
    assert InformationReport.objects.count() == 0


@pytest.mark.django_db
def test_a_report_about_an_appeal_is_linked():
    appeal = published()
    response = signed(Client(), paths.POLICE_REPORTS, forwarded(appeal_reference=appeal.reference))
    assert response.status_code == 200
    assert InformationReport.objects.get().appeal == appeal


@pytest.mark.django_db
def test_questions_and_outcomes_on_anonymous_reports_go_to_the_independent_service(django_capture_on_commit_callbacks):
    signed(Client(), paths.POLICE_REPORTS, forwarded())
    report = InformationReport.objects.get()
    analyst = make_staff(Role.ANALYST)
    with django_capture_on_commit_callbacks(execute=False):
        question = report_question_send(
            report=report, actor=analyst, body="What colour is the door?", token=uuid.uuid4()
        )
        report_outcome_record(report=report, actor=analyst, outcome="arrest_and_charge")
    sent = {m.kind: m for m in OutboxMessage.objects.all()}
    assert sent["question"].path == paths.INDEPENDENT_QUESTIONS
    assert sent["question"].payload["reference"] == report.partner_reference
    assert sent["question"].payload["question"] == "What colour is the door?"
    assert sent["outcome"].payload == {
        "message_id": f"outcome:{report.partner_reference}:arrest_and_charge",
        "reference": report.partner_reference,
        "outcome": "arrest_and_charge",
        "label": "Led to an arrest and charge",
    }
    assert AuditEvent.objects.filter(action="report.outcome_recorded").count() == 1
    # What the police send is what the charity accepts (the same schemas check it there).
    for kind, schema in {"question": messages.Question, "outcome": messages.ReportOutcome}.items():
        assert schema.model_validate(sent[kind].payload).payload() == sent[kind].payload
    with pytest.raises(ValueError):
        report_outcome_record(report=report, actor=analyst, outcome="charged")  # not an outcome we send

    answer = {
        "message_id": f"answer:{question.idempotency_token}",
        "reference": report.partner_reference,
        "question_id": str(question.idempotency_token),
        "answer": "Blue",
    }
    for _ in range(2):
        response = signed(Client(), paths.POLICE_ANSWERS, answer)
        assert response.status_code == 200
    reply = Message.objects.get(direction=MessageDirection.FROM_REPORTER)
    assert reply.body == "Blue" and reply.report == report

    # The reporter corrected their answer: a second answer to the same question is kept as well.
    corrected = {**answer, "message_id": f"{answer['message_id']}:2", "answer_id": "2", "answer": "Dark blue"}
    for _ in range(2):
        response = signed(Client(), paths.POLICE_ANSWERS, corrected)
        assert response.status_code == 200
    replies = Message.objects.filter(direction=MessageDirection.FROM_REPORTER).order_by("id")
    assert [m.body for m in replies] == ["Blue", "Dark blue"]


@pytest.mark.django_db
def test_confidential_reports_send_nothing_to_the_partner():
    from reporting.tests.factories import submit

    report = submit().report
    report_question_send(report=report, actor=make_staff(Role.ANALYST), body="Q", token=uuid.uuid4())
    assert OutboxMessage.objects.count() == 0


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("path", "payload", "missing"),
    [
        (paths.POLICE_REPORTS, forwarded(), "urgency"),
        (paths.POLICE_REPORTS, forwarded(), "answers"),
        (paths.POLICE_REPORTS, forwarded(), "message_id"),
        (
            paths.POLICE_ANSWERS,
            {"message_id": "answer:1", "reference": "SUS-ABCDEF0123456789ABCD", "question_id": str(uuid.uuid4())},
            "answer",
        ),
    ],
)
def test_a_partner_message_missing_a_field_is_refused_with_a_structured_error(path, payload, missing):
    payload = {name: value for name, value in payload.items() if name != missing}
    response = signed(Client(raise_request_exception=False), path, payload)
    assert response.status_code == 422 and response["Content-Type"].startswith("application/json")
    error = response.json()["error"]
    assert error["code"] == "invalid"
    assert [(d["type"], d["loc"][-1]) for d in error["details"]] == [("missing", missing)]
    assert InformationReport.objects.count() == 0 and Message.objects.count() == 0


def test_the_contract_carries_every_guided_question():
    assert list(messages.Answers.model_fields) == QUESTION_FIELDS
