"""Bad input gets a clear 4xx, never a server error or a traceback (issue 9, item 8), on the police side:
reused reply tokens, malformed tokens, ids too large for the database, non-UUID question ids."""

import pytest
from django.test import Client

from accounts.roles import Role
from accounts.tests.factories import make_staff
from appeals.tests.factories import add_image, draft, published
from partner import paths
from partner.testing import signed
from reporting.models import Message, MessageDirection
from reporting.tests.factories import submit
from reportkit.formtoken import form_token_new

# The public forms take posts from our own pages only (reportkit.views.same_origin).
SAME_ORIGIN = {"HTTP_SEC_FETCH_SITE": "same-origin"}

pytestmark = pytest.mark.django_db

HUGE = "99999999999999999999999"  # past 2**63: SQLite overflows, PostgreSQL refuses it


def no_crash(response) -> str:  # type: ignore[no-untyped-def]
    html = response.content.decode()
    assert response.status_code < 500, html[:2000]
    assert "Traceback" not in html and "Exception" not in html
    return html


def staff(role: Role) -> Client:
    client = Client(raise_request_exception=False, **SAME_ORIGIN)
    client.force_login(make_staff(role))
    return client


def test_a_reply_token_used_on_another_report_is_a_message_not_a_500():
    first, second = submit(published()), submit(published())
    client = Client(raise_request_exception=False, **SAME_ORIGIN)
    token = form_token_new("follow_up")
    client.post("/follow-up/reply/", {"receipt": first.receipt_code, "token": token, "body": "First"})
    html = no_crash(client.post("/follow-up/reply/", {"receipt": second.receipt_code, "token": token, "body": "Two"}))
    assert "send it again" in html and "Two" in html
    assert Message.objects.filter(report=second.report).count() == 0


def test_a_malformed_token_on_record_a_call_is_a_message():
    client = staff(Role.ANALYST)
    data = {"token": "not-a-uuid", "channel": "phone", "details": "Caller saw the man at the station."}
    html = no_crash(client.post("/staff/inbox/record/", data))
    assert "send it again" in html


@pytest.mark.parametrize("query", [f"?group={HUGE}", f"?unit={HUGE}", "?group=-1", "?group=1e9"])
def test_ids_too_large_in_the_inbox_query_are_refused_as_filters(query):
    no_crash(staff(Role.ANALYST).get("/staff/inbox/" + query))


def test_released_images_too_large_is_a_form_error():
    appeal = draft()
    add_image(appeal)
    client = Client(raise_request_exception=False, **SAME_ORIGIN)
    client.force_login(appeal.author)
    data = {
        "threat_risk_harm": "high",
        "necessity": "Risk of serious harm.",
        "less_intrusive_means": "Enquiries exhausted.",
        "released_fields": ["name"],
        "released_images": [HUGE],
        "review_interval_days": "14",
    }
    html = no_crash(client.post(f"/staff/appeals/{appeal.reference}/assessment/", data))
    assert "There is a problem" in html


def test_a_partner_answer_with_a_non_uuid_question_id_is_a_422():
    report = submit(published()).report
    report.partner_reference = "SUS-ABCDEF0123456789ABCD"
    report.save(update_fields=["partner_reference"])
    Message.objects.create(report=report, direction=MessageDirection.TO_REPORTER, body="Q?", sent_at=report.received_at)
    payload = {"message_id": "answer:1", "reference": report.partner_reference, "question_id": "nope", "answer": "x"}
    response = signed(Client(raise_request_exception=False, **SAME_ORIGIN), paths.POLICE_ANSWERS, payload)
    assert response.status_code == 422 and response.json()["error"]["code"] == "invalid"


@pytest.mark.parametrize("text", ["SUS-\x00ABCDEF0123456789", "SUS-\ud800ABCDEF0123456789"])
def test_partner_text_no_database_can_store_is_a_400(text):
    payload = {
        "message_id": "report:x",
        "reference": text,
        "crime_category": "drugs",
        "urgency": "routine",
        "received_on": "2026-11-20",
        "answers": {"details": "Drugs are sold from the blue door"},
    }
    response = signed(Client(raise_request_exception=False, **SAME_ORIGIN), paths.POLICE_REPORTS, payload)
    assert response.status_code == 400 and "Cannot parse request body" in response.json()["error"]["message"]


def test_a_report_posted_without_its_token_is_shown_again_not_a_500():
    # Found by the form fuzzing: the page shown again unpacked the QueryDict into lists.
    response = Client(raise_request_exception=False, **SAME_ORIGIN).post("/report/form/", {"details": "", "urgent": ""})
    assert no_crash(response) and response.status_code == 200
