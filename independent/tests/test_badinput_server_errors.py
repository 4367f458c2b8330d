"""Bad input on the charity's side is a clear message, never a server error (issue 9, item 8): an answer token
reused on another question, a follow-up id too large for the database, and partner messages past their
bounds."""

import re

import pytest
from django.test import Client
from django.utils import timezone

from independent.models import AnonymousReport, FollowUp, FollowUpState
from partner import paths
from partner.testing import signed

from .helpers import SAME_ORIGIN, form_token, receipt_of

pytestmark = pytest.mark.django_db


def _report_with_questions(client: Client) -> tuple[str, list[FollowUp]]:
    data = {"form_token": form_token(client, "/report/form/"), "details": "x", "crime_category": "violence"}
    code = receipt_of(client.post("/report/form/", data, **SAME_ORIGIN))
    report = AnonymousReport.objects.get()
    asked = [
        FollowUp.objects.create(
            report=report, police_question_id=f"q{n}", question=f"Q{n}?", asked_on=timezone.localdate()
        )
        for n in (1, 2)
    ]
    return code, asked


def _answer_token(page: str) -> str:
    form = next(part for part in page.split("<form") if 'name="follow_up"' in part)
    match = re.search(r'name="form_token" value="([^"]+)"', form)
    assert match
    return match.group(1)


def test_an_answer_token_used_again_for_another_question_is_kept_not_an_error(police_api):
    """The same page's token posted again for another question (a copied form, the back button) is an answer
    to that question, kept like any other (every answer is kept: ADR 0031), never a server error."""
    client = Client(raise_request_exception=False)
    code, (first, second) = _report_with_questions(client)
    page = client.post("/follow-up/", {"receipt": code}, **SAME_ORIGIN).content.decode()
    token = _answer_token(page)
    answer = {"receipt": code, "form_token": token, "follow_up": first.pk, "answer": "Blue"}
    assert client.post("/follow-up/answer/", answer, **SAME_ORIGIN).status_code == 200
    reused = client.post("/follow-up/answer/", answer | {"follow_up": second.pk, "answer": "Red"}, **SAME_ORIGIN)
    assert reused.status_code == 200 and "Traceback" not in reused.content.decode()
    second.refresh_from_db()
    assert second.state == FollowUpState.ANSWERED and second.answers.count() == 1


def test_a_follow_up_id_too_large_is_a_message(police_api):
    client = Client(raise_request_exception=False)
    code, _ = _report_with_questions(client)
    page = client.post("/follow-up/", {"receipt": code}, **SAME_ORIGIN).content.decode()
    answer = {"receipt": code, "form_token": _answer_token(page), "follow_up": "9" * 30, "answer": "Blue"}
    response = client.post("/follow-up/answer/", answer, **SAME_ORIGIN)
    assert response.status_code == 200 and "Traceback" not in response.content.decode()


@pytest.mark.parametrize(
    ("path", "payload"),
    [
        (paths.INDEPENDENT_QUESTIONS, {"message_id": "m" * 81, "reference": "r", "question_id": "q", "question": "x"}),
        (
            paths.INDEPENDENT_QUESTIONS,
            {"message_id": "m", "reference": "r", "question_id": "q", "question": "x" * 10001},
        ),
        (paths.INDEPENDENT_OUTCOMES, {"message_id": "m", "reference": "r" * 41, "outcome": "charged"}),
        (paths.INDEPENDENT_OUTCOMES, {"message_id": "m", "reference": "r", "outcome": "charged", "label": "l" * 121}),
    ],
)
def test_partner_messages_past_their_bounds_are_a_422(path, payload):
    response = signed(Client(raise_request_exception=False), path, payload)
    assert response.status_code == 422 and response.json()["error"]["code"] == "invalid"
