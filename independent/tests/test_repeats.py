"""Issue 9, item 9: every "thank you" means stored, and a repeated post shows what the first one did.
Driven through the real public views: a corrected answer (the back button, the same form again) and a second
answer are kept and each reaches the operator and, sanitised, the police; a double click on "claim reward"
shows the same collection code twice, and that code is the one that pays."""

import re

import pytest
from django.test import Client

from independent import services
from independent.models import FollowUp
from independent.sealing import sealed_open
from partner.models import OutboxMessage

from .helpers import SAME_ORIGIN, form_token, make_operator, offer_reward, receipt_of

pytestmark = pytest.mark.django_db


def _field(page: str, name: str) -> str:
    match = re.search(rf'name="{name}" value="([^"]*)"', page)
    assert match, f"no {name} on the page"
    return match.group(1)


def forwarded_with_question(client: Client) -> tuple[str, FollowUp]:
    token = form_token(client, "/report/form/")
    data = {"form_token": token, "details": "Drugs sold from the blue door", "crime_category": "drugs"}
    receipt = receipt_of(client.post("/report/form/", data, **SAME_ORIGIN))
    report = services.AnonymousReport.objects.get()
    operator = make_operator("ada.operator")
    sanitised = {"details": "Drugs at a blue door"}
    services.report_forward(report=report, actor=operator, sanitised=sanitised, urgency="routine", forward_files=[])
    services.follow_up_receive(reference=report.reference, question_id="q1", question="Which door?")
    return receipt, FollowUp.objects.get()


def test_a_corrected_answer_and_a_later_one_are_kept_and_each_reaches_the_police(police_api):
    client = Client()
    receipt, follow_up = forwarded_with_question(client)
    page = client.post("/follow-up/", {"receipt": receipt}, **SAME_ORIGIN).content.decode()
    answer = {"receipt": receipt, "form_token": _field(page, "form_token"), "follow_up": str(follow_up.pk)}
    first = client.post("/follow-up/answer/", {**answer, "answer": "The front one."}, **SAME_ORIGIN)
    again = client.post("/follow-up/answer/", {**answer, "answer": "The front one."}, **SAME_ORIGIN)  # refresh
    assert first.status_code == again.status_code == 200
    # The back button: the same form (the same token), corrected.
    corrected = client.post("/follow-up/answer/", {**answer, "answer": "Sorry: the back one."}, **SAME_ORIGIN)
    assert "We will pass on your answer" in corrected.content.decode()
    # Later, from the page as it is now: one more thing.
    page = corrected.content.decode()
    later = {"receipt": receipt, "form_token": _field(page, "form_token"), "follow_up": str(follow_up.pk)}
    client.post("/follow-up/answer/", {**later, "answer": "It is painted blue."}, **SAME_ORIGIN)

    texts = [sealed_open(a.sealed_answer).decode() for a in follow_up.answers.all()]
    assert texts == ["The front one.", "Sorry: the back one.", "It is painted blue."]
    operator_client = Client()
    operator = make_operator("bo.operator")
    operator_client.force_login(operator)
    detail = operator_client.get(f"/operators/{follow_up.report_id}/").content.decode()
    assert all(text.replace(":", "") in detail.replace(":", "") for text in texts)
    for answer_row, sanitised in zip(follow_up.answers.all(), ["Front.", "Back.", "Blue."], strict=True):
        response = operator_client.post(
            f"/operators/{follow_up.report_id}/follow-ups/{answer_row.pk}/send/",
            {f"fu{answer_row.pk}-sanitised_answer": sanitised},
        )
        assert response.status_code == 302
    sent = [m.payload["answer"] for m in OutboxMessage.objects.filter(kind="answer").order_by("id")]
    assert sent == ["Front.", "Back.", "Blue."]
    assert len({m.payload["answer_id"] for m in OutboxMessage.objects.filter(kind="answer")}) == 3


def test_a_double_click_on_claim_shows_the_same_collection_code_and_it_pays(police_api):
    client = Client()
    receipt, follow_up = forwarded_with_question(client)
    report = follow_up.report
    services.outcome_receive(reference=report.reference, outcome="arrest_and_charge", label="Arrest and charge")
    operator = make_operator("cy.operator")
    offer_reward(report, operator, 200)
    page = client.post("/follow-up/", {"receipt": receipt}, **SAME_ORIGIN).content.decode()
    claim = {"receipt": receipt, "form_token": _field(page, "form_token")}
    codes = []
    for _ in range(2):
        shown = client.post("/follow-up/claim/", claim, **SAME_ORIGIN).content.decode()
        match = re.search(r'id="collection-code">([0-9A-Z-]+)<', shown)
        assert match, "the repeated claim lost the collection code"
        codes.append(match.group(1))
    assert codes[0] == codes[1]
    assert services.reward_pay(actor=operator, code=codes[0]) is not None
