"""Public reporting pages: the first question, the form and every way it can go wrong, the receipt, and the
follow-up. No path answers 500."""

import re
from io import StringIO

import pytest
from django.core.management import call_command
from django.test import Client

from appeals import services as appeal_services
from appeals.models import AppealKind, Outcome
from appeals.tests.factories import draft, published
from reporting.models import Attachment, ContactDetails, InformationReport, Message, MessageDirection
from reportkit.forms import FILES_NOT_KEPT
from reportkit.formtoken import form_token_check, form_token_new
from reportkit.views import THROTTLED, WRONG_RECEIPT

from .factories import DISTINCTIVE_TEXT, jpeg_with_gps, submit, upload

pytestmark = pytest.mark.django_db

RECEIPT = re.compile(r'id="receipt-code">([0-9A-Z-]+)<')


def form_data(token: str | None = None, **overrides: str) -> dict[str, str]:
    data = {
        "token": token or form_token_new("report"),
        "details": DISTINCTIVE_TEXT,
        "acquaintance": "of_them",
        "last_seen_when": "Yesterday",
        "vehicle_registration": "qz71  xlr",
        "contact_name": "Alex Witness",
        "contact_phone": "07700 900982",
        "contact_email": "alex@example.org",
    }
    return data | overrides


def test_appeal_page_buttons_lead_to_the_report_start(client: Client):
    appeal = published()
    html = client.get(f"/appeals/{appeal.reference}/").content.decode()
    assert f'href="/appeals/{appeal.reference}/report/"' in html
    assert "coming soon" not in client.get("/how-to-help/").content.decode()
    assert 'href="/report/"' in client.get("/how-to-help/").content.decode()


def test_first_question_comes_before_the_form(client: Client):
    appeal = published()
    response = client.get(f"/appeals/{appeal.reference}/report/")
    assert response.status_code == 200
    assert "Do you know where this person is right now?" in response.content.decode()
    assert 'name="details"' not in response.content.decode()


def test_no_answer_to_the_first_question_is_an_error_next_to_it(client: Client):
    appeal = published()
    html = client.get(f"/appeals/{appeal.reference}/report/", {"now": ""}).content.decode()
    assert "Select yes if you know where they are right now" in html
    assert "govuk-error-summary" in html and 'href="#id_now_0"' in html


def test_yes_shows_999_and_do_not_approach_then_an_urgent_form(client: Client):
    appeal = published()
    response = client.get(f"/appeals/{appeal.reference}/report/", {"now": "yes"})
    html = response.content.decode()
    assert 'href="tel:999"' in html and "Do not approach or confront them." in html
    assert 'name="details"' not in html  # the 999 notice comes first, the form only after
    assert f'href="/appeals/{appeal.reference}/report/form/?urgent=1"' in html
    form_html = client.get(f"/appeals/{appeal.reference}/report/form/?urgent=1").content.decode()
    assert 'name="urgent" value="True"' in form_html
    response = client.post(f"/appeals/{appeal.reference}/report/form/", form_data(urgent="True"))
    assert response.status_code == 200
    assert InformationReport.objects.get().urgent is True


def test_no_goes_straight_to_the_form(client: Client):
    appeal = published()
    response = client.get(f"/appeals/{appeal.reference}/report/", {"now": "no"})
    assert response.status_code == 302 and response["Location"] == f"/appeals/{appeal.reference}/report/form/"


def test_missing_person_pages_use_caring_words_and_offer_no_anonymous_channel(client: Client):
    appeal = published(AppealKind.MISSING, subject_name="Mia Missing", age_min=40)
    pages = [
        client.get(f"/appeals/{appeal.reference}/report/").content.decode(),
        client.get(f"/appeals/{appeal.reference}/report/", {"now": "yes"}).content.decode(),
        client.get(f"/appeals/{appeal.reference}/report/form/").content.decode(),
    ]
    for html in pages:
        main = html.split('id="main-content"')[1].split("</main>")[0].lower()
        for word in ("wanted", "offence", "crime", "confront", "suspect", "arrest", "anonymous"):
            assert word not in main, word
    assert "tel:999" in pages[1] and "stay nearby" in pages[1]
    assert "0800 555 111" not in pages[2].split('id="main-content"')[1].split("</main>")[0]


def test_wanted_form_explains_both_channels(client: Client):
    appeal = published()
    html = client.get(f"/appeals/{appeal.reference}/report/form/").content.decode()
    assert "Confidential" in html and "Anonymous" in html and 'href="tel:08005551111"' not in html
    assert 'href="tel:0800555111"' in html


def test_full_report_is_stored_with_encrypted_contact_and_a_receipt_shown_once(client: Client):
    appeal = published()
    data = form_data()
    data["attachments"] = [upload(jpeg_with_gps()), upload(b"Notes about the van", "notes.txt", "text/plain")]
    response = client.post(f"/appeals/{appeal.reference}/report/form/", data)
    assert response.status_code == 200
    assert response["Cache-Control"].startswith("no-store")
    html = response.content.decode()
    code = RECEIPT.search(html).group(1)
    assert len(code.replace("-", "")) == 28
    assert "data-lk-copy" in html and "data-lk-print" in html and "cannot find it for you" not in html
    assert "nobody can find it for you" in html
    report = InformationReport.objects.get()
    assert report.appeal == appeal and report.details == DISTINCTIVE_TEXT and not report.urgent
    assert report.vehicle_registration == "QZ71 XLR"
    assert report.receipt.code_hash != code and code.replace("-", "") not in report.receipt.code_hash
    contact = ContactDetails.objects.get(report=report)
    assert b"Alex" not in bytes(contact.sealed)
    assert report.attachments.count() == 2
    photo = report.attachments.get(kind="image")
    assert b"TestCam" not in photo.clean_file.read()
    assert b"TestCam" not in photo.original_sealed.read()  # sealed, not readable


def test_general_crime_report_needs_a_category(client: Client):
    html = client.post("/report/form/", form_data()).content.decode()
    assert "Select what your information is about" in html
    assert DISTINCTIVE_TEXT in html  # everything typed is kept
    assert client.post("/report/form/", form_data(crime_category="violence")).status_code == 200
    assert InformationReport.objects.get().crime_category == "violence"


def test_general_start_asks_about_danger_now(client: Client):
    html = client.get("/report/", {"now": "yes"}).content.decode()
    assert 'href="tel:999"' in html and 'href="/report/form/?urgent=1"' in html


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"details": ""}, "Tell us what you know, in your own words"),
        ({"details": "x" * 10001}, "10,000 characters or fewer"),
        ({"contact_email": "not-an-email"}, "Enter an email address like name@example.com"),
        ({"contact_phone": "call me maybe"}, "Enter a phone number using numbers only"),
        ({"vehicle_registration": "QZ71-XLR!"}, "only letters, numbers and spaces"),
        ({"acquaintance": "best-friend"}, "Select a valid choice"),
        ({"token": "not-a-token"}, "This form has expired: send it again"),
    ],
)
def test_errors_are_shown_next_to_the_field_and_everything_typed_is_kept(client: Client, overrides, message):
    appeal = published()
    data = form_data(**overrides) | {"companions": "Kept companion text"}
    response = client.post(f"/appeals/{appeal.reference}/report/form/", data)
    assert response.status_code == 200
    html = response.content.decode()
    assert message in html
    assert "There is a problem" in html
    assert "govuk-error-message" in html or "token" in overrides
    assert "Kept companion text" in html and "Alex Witness" in html
    assert not InformationReport.objects.exists()


def test_a_damaged_token_is_replaced_so_the_next_send_works(client: Client):
    appeal = published()
    html = client.post(f"/appeals/{appeal.reference}/report/form/", form_data(token="bad")).content.decode()
    token = re.search(r'name="token" value="([^"]+)"', html).group(1)
    form_token_check(token, "report")
    assert client.post(f"/appeals/{appeal.reference}/report/form/", form_data(token=token)).status_code == 200


def test_files_are_not_kept_after_an_error_and_the_message_says_so(client: Client):
    appeal = published()
    data = form_data(details="") | {"attachments": [upload(jpeg_with_gps())]}
    html = client.post(f"/appeals/{appeal.reference}/report/form/", data).content.decode()
    assert FILES_NOT_KEPT in html
    assert Attachment.objects.count() == 0


@pytest.mark.parametrize(
    ("payload", "message"),
    [
        (b"%PDF-1.4 fake", "cannot take PDF"),
        (b"PK\x03\x04docx\x00", "cannot open this kind of file"),
    ],
)
def test_refused_file_is_named_with_its_reason(client: Client, payload, message):
    appeal = published()
    data = form_data() | {"attachments": [upload(payload, "doc.pdf", "application/pdf")]}
    html = client.post(f"/appeals/{appeal.reference}/report/form/", data).content.decode()
    assert "File 1 was not taken" in html and message in html
    assert not InformationReport.objects.exists()


def test_more_than_five_files_is_refused(client: Client):
    appeal = published()
    data = form_data() | {"attachments": [upload(b"note %d" % i, f"n{i}.txt", "text/plain") for i in range(6)]}
    html = client.post(f"/appeals/{appeal.reference}/report/form/", data).content.decode()
    assert "Choose 5 files or fewer" in html
    assert not InformationReport.objects.exists()


def test_double_submit_creates_one_report_and_shows_the_same_receipt(client: Client):
    appeal = published()
    data = form_data()
    first = client.post(f"/appeals/{appeal.reference}/report/form/", data | {"attachments": [upload(jpeg_with_gps())]})
    second = client.post(f"/appeals/{appeal.reference}/report/form/", data | {"attachments": [upload(jpeg_with_gps())]})
    assert first.status_code == second.status_code == 200
    assert RECEIPT.search(first.content.decode()).group(1) == RECEIPT.search(second.content.decode()).group(1)
    assert InformationReport.objects.count() == 1
    assert Attachment.objects.count() == 1
    assert ContactDetails.objects.count() == 1


def test_retry_after_the_replay_window_says_already_received_without_a_code(client: Client, settings):
    appeal = published()
    settings.LOOKOUT_RECEIPT_REPLAY_SECONDS = 0
    data = form_data()
    client.post(f"/appeals/{appeal.reference}/report/form/", data)
    html = client.post(f"/appeals/{appeal.reference}/report/form/", data).content.decode()
    assert "We already had this information" in html and RECEIPT.search(html) is None
    assert InformationReport.objects.count() == 1
    first = InformationReport.objects.get()
    # The expired copy is not shown even before the periodic sweep wipes it, and another reporter's submission
    # writes only its own rows: the sweep is a job of its own (receipt_replay_expire), never in a request.
    assert first.receipt_replay is not None
    client.post(f"/appeals/{appeal.reference}/report/form/", form_data())
    first.refresh_from_db()
    assert first.receipt_replay is not None
    call_command("receipt_replay_expire", stdout=StringIO())
    assert not InformationReport.objects.exclude(receipt_replay=None).exists()
    html = client.post(f"/appeals/{appeal.reference}/report/form/", data).content.decode()
    assert "We already had this information" in html and RECEIPT.search(html) is None


def test_reports_on_unpublished_or_unknown_appeals_are_404(client: Client):
    hidden = draft(subject_name="Secret Person")
    for url in (
        f"/appeals/{hidden.reference}/report/",
        f"/appeals/{hidden.reference}/report/form/",
        "/appeals/W-ZZZZ/report/",
    ):
        response = client.get(url)
        assert response.status_code == 404
        assert b"Secret Person" not in response.content
    assert client.post(f"/appeals/{hidden.reference}/report/form/", form_data()).status_code == 404
    assert not InformationReport.objects.exists()


def test_a_closed_appeal_s_report_pages_are_410(client: Client):
    appeal = published(subject_name="Ended Person")
    appeal_services.appeal_close(appeal=appeal, actor=appeal.author, outcome=Outcome.ARRESTED, note="")
    for url in (f"/appeals/{appeal.reference}/report/", f"/appeals/{appeal.reference}/report/form/"):
        response = client.get(url)
        assert response.status_code == 410 and b"Ended Person" not in response.content
    kept = client.post(f"/appeals/{appeal.reference}/report/form/", form_data())  # test_views_ended_appeal.py
    assert kept.status_code == 200 and b"Ended Person" not in kept.content


def test_reference_in_lower_case_redirects(client: Client):
    appeal = published()
    response = client.get(f"/appeals/{appeal.reference.lower()}/report/")
    assert response.status_code == 302 and response["Location"] == f"/appeals/{appeal.reference}/report/"


def test_wrong_methods_are_refused(client: Client):
    appeal = published()
    assert client.put(f"/appeals/{appeal.reference}/report/form/").status_code == 405
    assert client.post(f"/appeals/{appeal.reference}/report/").status_code == 405
    assert client.delete("/follow-up/").status_code == 405
    assert client.get("/follow-up/reply/").status_code == 405


# Follow-up ------------------------------------------------------------------------------------------------


def test_follow_up_shows_status_and_question_and_takes_an_answer(client: Client):
    submitted = submit(published())
    report = submitted.report
    Message.objects.create(
        report=report,
        direction=MessageDirection.TO_REPORTER,
        body="What colour was the van?",
        sent_at=report.received_at,
    )
    assert client.get("/follow-up/").status_code == 200
    typed = submitted.receipt_code.lower().replace("-", " ")
    html = client.post("/follow-up/", {"receipt": typed}).content.decode()
    assert "Received. We have your information" in html
    assert "What colour was the van?" in html
    token = form_token_new("follow_up")
    reply = {"receipt": typed, "token": token, "body": "Dark green", "attachments": [upload(jpeg_with_gps())]}
    response = client.post("/follow-up/reply/", reply)
    assert response.status_code == 200 and "We have added this" in response.content.decode()
    assert "Dark green" in response.content.decode()
    client.post("/follow-up/reply/", reply | {"attachments": [upload(jpeg_with_gps())]})  # a double click
    answers = report.messages.filter(direction=MessageDirection.FROM_REPORTER)
    assert answers.count() == 1 and answers.get().attachments.count() == 1


def test_follow_up_reply_errors_keep_the_text_and_say_files_are_not_kept(client: Client):
    submitted = submit(published())
    data = {
        "receipt": submitted.receipt_code,
        "token": form_token_new("follow_up"),
        "body": "",
        "attachments": [upload(jpeg_with_gps())],
    }
    html = client.post("/follow-up/reply/", data).content.decode()
    assert "Write your answer or what you want to add" in html and FILES_NOT_KEPT in html
    assert not Message.objects.exists()


@pytest.mark.parametrize("typed", ["", "nonsense", "0" * 28, "ABCD-" * 7])
def test_wrong_codes_get_one_generic_error(client: Client, typed):
    submit(published())
    response = client.post("/follow-up/", {"receipt": typed})
    assert response.status_code == 200
    html = response.content.decode()
    expected = "Enter your receipt code" if not typed else WRONG_RECEIPT
    assert expected in html and "Received." not in html


def test_reply_with_a_wrong_code_stores_nothing(client: Client):
    submit(published())
    response = client.post(
        "/follow-up/reply/", {"receipt": "0" * 28, "token": form_token_new("follow_up"), "body": "hi"}
    )
    assert response.status_code == 200 and WRONG_RECEIPT in response.content.decode()
    assert not Message.objects.exists()


def _wrong_in_same_bucket(good: str) -> str:
    """A wrong code with the same first characters, so in the same throttle bucket (reportkit.throttle)."""
    canonical = good.replace("-", "")
    return canonical[:4] + ("0" * 24 if canonical[4:] != "0" * 24 else "1" * 24)


def test_guessing_is_throttled_per_bucket_without_tracking_anyone(client: Client, settings):
    settings.LOOKOUT_FOLLOW_UP_FAILURES_PER_MINUTE = 5
    good = submit(published()).receipt_code
    for _ in range(5):
        assert client.post("/follow-up/", {"receipt": _wrong_in_same_bucket(good)}).status_code == 200
    # Now even a right code in that bucket is not checked until the next minute, so guessing faster gains nothing.
    blocked = client.post("/follow-up/", {"receipt": good})
    assert blocked.status_code == 429 and THROTTLED in blocked.content.decode()
    assert client.post("/follow-up/reply/", {"receipt": good, "body": "x"}).status_code == 429
    # Someone else entirely: the limit is per bucket of codes, not per person.
    other = Client(HTTP_SEC_FETCH_SITE="same-origin")
    assert other.post("/follow-up/", {"receipt": good}).status_code == 429


def test_throttle_lifts_in_the_next_minute(client: Client, settings, monkeypatch):
    settings.LOOKOUT_FOLLOW_UP_FAILURES_PER_MINUTE = 2
    good = submit(published()).receipt_code
    clock = [1_000_000.0]
    monkeypatch.setattr("reportkit.throttle.time.time", lambda: clock[0])
    for _ in range(2):
        client.post("/follow-up/", {"receipt": _wrong_in_same_bucket(good)})
    assert client.post("/follow-up/", {"receipt": good}).status_code == 429
    clock[0] += 60
    assert client.post("/follow-up/", {"receipt": good}).status_code == 200


def test_public_pages_set_no_cookie_and_a_cross_site_post_is_refused(client: Client):
    """The public forms carry a signed token instead of Django's CSRF cookie (reportkit.formtoken)."""
    appeal = published()
    pages = [f"/appeals/{appeal.reference}/report/", f"/appeals/{appeal.reference}/report/form/", "/report/form/"]
    for path in [*pages, "/follow-up/"]:
        response = client.get(path)
        assert response.status_code == 200 and not response.cookies, path
    sent = client.post(f"/appeals/{appeal.reference}/report/form/", form_data())
    assert sent.status_code == 200 and not sent.cookies
    cross_site = Client(HTTP_SEC_FETCH_SITE="cross-site")
    refused = cross_site.post(f"/appeals/{appeal.reference}/report/form/", form_data())
    assert refused.status_code == 403 and "could not be sent" in refused.content.decode()
    assert InformationReport.objects.count() == 1
    wrong_form = client.post(f"/appeals/{appeal.reference}/report/form/", form_data(token=form_token_new("follow_up")))
    assert "This form has expired" in wrong_form.content.decode() and InformationReport.objects.count() == 1
