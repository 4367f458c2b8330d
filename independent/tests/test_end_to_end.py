"""The whole journey with both services running for real on loopback (gunicorn, db_worker, own databases):

anonymous report with a phone photo → operator sanitises and forwards *while the police service is down* →
the police service comes back and receives it exactly once → police ask a question → the reporter answers
with their receipt → the operator sanitises the answer → police see it → police record an arrest and charge →
the charity offers a reward → the reporter claims it with a one-time collection code → the operator pays.

Then the anonymity proof across both services: no client address, user agent or referrer in either database,
any log file or any stored file; no original upload anywhere; no receipt and no unsanitised words at the police.
"""

import json
import re
import urllib.request
from datetime import timedelta
from pathlib import Path

import pytest
from django.utils import timezone

from independent.sanitise import suggest_sanitised
from tests.device_probe import NEEDLES

from .e2e import Browser, Service, field_value, run_both, wait_for
from .helpers import jpeg_with_gps

pytestmark = pytest.mark.e2e

SAME_ORIGIN = {"Sec-Fetch-Site": "same-origin"}
IDENTIFYING = "I live next door to him at number 14."
RELATION = "My brother"


@pytest.fixture
def both_services(tmp_path: Path):
    with run_both(tmp_path) as running:
        yield running


def wanted_reference(police: Service) -> str:
    with urllib.request.urlopen(f"{police.url}/api/v1/public/appeals?page_size=100", timeout=10) as response:  # noqa: S310
        appeals = json.loads(response.read())["items"]
    return next(a["reference"] for a in appeals if a["kind"] == "wanted" and a["title"] == "Darren Kellow")


def count(db, sql: str, *params) -> int:  # type: ignore[no-untyped-def]
    return int(db.rows(sql, params)[0][0])


def wait_for_retries(indep_db) -> None:  # type: ignore[no-untyped-def]
    """The charity's worker keeps trying to send the forwarded report while the police service is down."""
    wait_for(
        lambda: count(indep_db, "SELECT attempts FROM partner_outboxmessage WHERE kind='report'") >= 2,
        what="retries while the police service is down",
    )


def come_back_and_deliver(police: Service, independent: Service, indep_db) -> None:  # type: ignore[no-untyped-def]
    """The police service comes back and the outbox empties; the safety net then finds nothing left to send."""
    police.start_web()
    wait_for(
        lambda: count(indep_db, "SELECT COUNT(*) FROM partner_outboxmessage WHERE acknowledged_at IS NULL") == 0,
        timeout=90,
        what="delivery after the police service came back",
    )
    independent.manage("partner_deliver")


def test_report_forwarded_while_police_are_down_then_question_answer_outcome_and_reward(both_services):
    police, independent, police_db, indep_db, tmp_path = both_services
    reference = wanted_reference(police)

    # 1. A member of the public, on a device that sends every identifying header it can.
    public = Browser(device_headers=True)
    home = public.get(independent.url + "/")
    assert "Darren Kellow" in home  # read from the police service's public API
    form_url = f"{independent.url}/appeals/{reference}/form/"
    page = public.get(form_url)
    photo = jpeg_with_gps()
    details = f"{RELATION} Gary drinks with him at the Crown. {IDENTIFYING} He leaves at 7am in a silver Astra."
    thanks = public.post(
        form_url,
        {
            "form_token": field_value(page, "form_token"),
            "details": details,
            "acquaintance": "personally",
            "in_your_area": "yes",
            "vehicle_registration": "KX19 TVN",
        },
        files={"attachments": ("IMG_2041.jpg", photo, "image/jpeg")},
        headers=SAME_ORIGIN,
    )
    receipt = re.search(r'id="receipt-code">([0-9A-Z-]+)<', thanks).group(1)
    assert public.last_set_cookie == []  # nothing was needed to submit: no cookie at all
    assert len(public.jar) == 0

    # 2. The operator reviews it; meanwhile the police service goes down.
    operator = Browser()
    operator.sign_in(independent.url + "/operators/login/", "olu.operator", "speakup-demo-2026")
    listing = operator.get(independent.url + "/operators/")
    pk = re.search(r'href="/operators/(\d+)/"', listing).group(1)
    detail = operator.get(f"{independent.url}/operators/{pk}/")
    assert "I live next door to him" in detail and "Suggested removals" in detail
    original = {
        "details": details,
        "acquaintance": "personally",
        "in_your_area": "yes",
        "vehicle_registration": "KX19 TVN",
    }
    suggested, findings = suggest_sanitised(original)
    assert suggested["acquaintance"] == "" and suggested["in_your_area"] == ""
    assert IDENTIFYING not in suggested["details"] and RELATION not in suggested["details"]
    file_pk = re.search(r'name="forward_files"[^>]*value="(\d+)"|value="(\d+)"[^>]*name="forward_files"', detail)
    file_id = next(g for g in file_pk.groups() if g)

    police.stop_web()  # the police service is down from here

    operator.post(
        f"{independent.url}/operators/{pk}/review/",
        {
            "csrfmiddlewaretoken": field_value(detail, "csrfmiddlewaretoken"),
            "action": "forward",
            "urgency": "priority",
            "forward_files": file_id,
            **{k: v for k, v in suggested.items() if v},
        },
    )
    # The outbox keeps it and the worker keeps trying.
    wait_for_retries(indep_db)
    assert count(indep_db, "SELECT COUNT(*) FROM partner_outboxmessage WHERE acknowledged_at IS NULL") == 1
    assert count(police_db, "SELECT COUNT(*) FROM reporting_informationreport WHERE channel='anonymous'") == 0

    # 3. The police service comes back: the report arrives exactly once.
    come_back_and_deliver(police, independent, indep_db)
    assert count(indep_db, "SELECT COUNT(*) FROM partner_outboxmessage WHERE acknowledged_at IS NOT NULL") == 1
    assert count(police_db, "SELECT COUNT(*) FROM reporting_informationreport WHERE channel='anonymous'") == 1
    partner_ref, police_details = police_db.rows(
        "SELECT partner_reference, details FROM reporting_informationreport WHERE channel='anonymous'"
    )[0]
    assert partner_ref.startswith("SUS-")
    assert "silver Astra" in police_details and IDENTIFYING not in police_details and RELATION not in police_details

    # 4. An analyst reads it and asks a question.
    analyst = Browser()
    analyst.sign_in(police.url + "/staff/login/", "ana.analyst", "lookout-demo-2026")
    inbox = analyst.get(police.url + "/staff/reports/")
    # The demo data has reports of its own (some urgent, listed first): find the forwarded one by its reference.
    pages = {
        pk: analyst.get(f"{police.url}/staff/reports/{pk}/")
        for pk in re.findall(r'href="/staff/reports/(\d+)/"', inbox)
    }
    report_pk, page = next((pk, html) for pk, html in pages.items() if partner_ref in html)
    assert partner_ref in page and "the day only" in page and IDENTIFYING not in page
    analyst.post(
        f"{police.url}/staff/reports/{report_pk}/question/",
        {
            "csrfmiddlewaretoken": field_value(page, "csrfmiddlewaretoken"),
            "token": field_value(page, "token"),
            "body": "Which door does he use, front or back?",
        },
    )
    wait_for(lambda: count(indep_db, "SELECT COUNT(*) FROM independent_followup") == 1, what="the question")

    # 5. The reporter comes back with the receipt and answers.
    page = public.post(independent.url + "/follow-up/", {"receipt": receipt}, headers=SAME_ORIGIN)
    assert "Which door does he use, front or back?" in page
    page = public.post(
        independent.url + "/follow-up/answer/",
        {
            "receipt": receipt,
            "form_token": field_value(page, "form_token"),
            "follow_up": field_value(page, "follow_up"),
            "answer": "The back door. I can see it from my kitchen.",
        },
        headers=SAME_ORIGIN,
    )
    assert "We will pass on your answer" in page

    # 6. The operator sanitises the answer and sends it; the police see only that.
    detail = operator.get(f"{independent.url}/operators/{pk}/")
    follow_up_pk = re.search(r'action="/operators/\d+/follow-ups/(\d+)/send/"', detail).group(1)
    operator.post(
        f"{independent.url}/operators/{pk}/follow-ups/{follow_up_pk}/send/",
        {
            "csrfmiddlewaretoken": field_value(detail, "csrfmiddlewaretoken"),
            f"fu{follow_up_pk}-sanitised_answer": "The back door.",
        },
    )
    wait_for(
        lambda: count(police_db, "SELECT COUNT(*) FROM reporting_message WHERE direction='from_reporter'") == 1,
        what="the sanitised answer at the police",
    )
    page = analyst.get(f"{police.url}/staff/reports/{report_pk}/")
    assert "The back door." in page and "kitchen" not in page

    # 7. Police record an arrest and charge; the charity offers a reward.
    analyst.post(
        f"{police.url}/staff/reports/{report_pk}/outcome/",
        {"csrfmiddlewaretoken": field_value(page, "csrfmiddlewaretoken"), "outcome": "arrest_and_charge"},
    )
    wait_for(
        lambda: indep_db.rows("SELECT police_outcome FROM independent_anonymousreport")[0][0] == "arrest_and_charge",
        what="the outcome at the charity",
    )
    detail = operator.get(f"{independent.url}/operators/{pk}/")
    assert "Led to an arrest and charge" in detail
    operator.post(
        f"{independent.url}/operators/{pk}/reward/",
        {
            "csrfmiddlewaretoken": field_value(detail, "csrfmiddlewaretoken"),
            "amount": "500",
            "currency": "GBP",
            "expires_on": (timezone.localdate() + timedelta(days=60)).isoformat(),
        },
    )

    # 8. The reporter sees the reward and claims it; the operator pays against the collection code.
    page = public.post(independent.url + "/follow-up/", {"receipt": receipt}, headers=SAME_ORIGIN)
    assert "500.00 GBP" in page
    page = public.post(
        independent.url + "/follow-up/claim/",
        {"receipt": receipt, "form_token": field_value(page, "form_token")},
        headers=SAME_ORIGIN,
    )
    code = re.search(r'id="collection-code">([0-9A-Z-]+)<', page).group(1)
    pay = operator.get(independent.url + "/operators/rewards/pay/")
    paid = operator.post(
        independent.url + "/operators/rewards/pay/",
        {"csrfmiddlewaretoken": field_value(pay, "csrfmiddlewaretoken"), "code": code},
    )
    assert "Paid: 500.00 GBP" in paid
    again = operator.post(
        independent.url + "/operators/rewards/pay/",
        {"csrfmiddlewaretoken": field_value(pay, "csrfmiddlewaretoken"), "code": code},
    )
    assert "does not match a reward waiting to be paid" in again

    # 9. Never duplicated: one report at the police, every outbox message acknowledged once.
    assert count(police_db, "SELECT COUNT(*) FROM reporting_informationreport WHERE channel='anonymous'") == 1
    assert count(indep_db, "SELECT COUNT(*) FROM partner_outboxmessage WHERE acknowledged_at IS NULL") == 0
    assert count(police_db, "SELECT COUNT(*) FROM partner_outboxmessage WHERE acknowledged_at IS NULL") == 0

    # 10. The anonymity proof, across both services.
    police.stop_all()
    independent.stop_all()
    police_text, indep_text = police_db.dump(), indep_db.dump()
    logs = {p: p.read_bytes() for p in (tmp_path / "logs").iterdir()}
    assert any(b"POST /appeals/" in data for data in logs.values())  # the access log really was written
    stored = {
        p: p.read_bytes()
        for var in ("police-var", "independent-var")
        for p in (tmp_path / var).rglob("*")
        if p.is_file() and "cache" not in p.parts
    }
    if police_db.sqlite_path is not None:
        stored |= {p: p.read_bytes() for p in tmp_path.glob("*.sqlite3*")}
    assert any("independent/clean" in str(p) for p in stored) and any("reporting/clean" in str(p) for p in stored)
    assert not any("original" in str(p) for p in stored)
    for needle in NEEDLES:
        assert needle not in police_text, f"{needle} in the police database"
        assert needle not in indep_text, f"{needle} in the independent database"
        for path, data in {**logs, **stored}.items():
            assert needle.encode() not in data, f"{needle} in {path}"
    for path, data in stored.items():
        assert photo not in data and b"TestCam" not in data and b"secret comment" not in data, f"original in {path}"
    assert receipt not in police_text and receipt.replace("-", "") not in police_text
    assert receipt.replace("-", "") not in indep_text and code.replace("-", "") not in indep_text
    assert (
        IDENTIFYING not in police_text and "kitchen" not in police_text and "IMG_2041" not in police_text + indep_text
    )
