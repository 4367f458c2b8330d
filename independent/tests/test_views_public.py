"""The anonymous form: appeals from the police API (and when it is down), the 999 step, no name or contact
field, cleaned files only, a receipt, no cookies, and posts refused unless they come from our own pages."""

import pytest
from django.core.cache import cache
from django.test import Client

from independent.models import AnonymousReport, CleanFile
from independent.police_api import police_appeals
from independent.sealing import sealed_open, sealed_open_json
from reportkit.formtoken import form_token_new

from .helpers import SAME_ORIGIN, form_token, jpeg_with_gps, receipt_of, upload

pytestmark = pytest.mark.django_db


def test_home_lists_wanted_appeals_and_sends_missing_ones_to_the_police(police_api):
    response = Client().get("/")
    page = response.content.decode()
    assert response.status_code == 200
    assert "Darren Kellow" in page and "/appeals/W-7KQ2/" in page
    assert "Speak Up Safely" in page and "independent.css" in page
    assert "Set-Cookie" not in str(response.headers) and not response.cookies
    missing = Client().get("/appeals/M-3XPD/")
    assert missing.status_code == 200
    assert "We do not take information about missing people" in missing.content.decode()
    assert Client().get("/appeals/M-3XPD/form/").status_code == 200  # the same explanation, never a form
    assert "form_token" not in Client().get("/appeals/M-3XPD/form/").content.decode()


def test_the_kept_list_is_shown_when_the_police_service_is_down(police_api, settings):
    # Marked out of date past LOOKOUT_APPEALS_FRESH_SECONDS, never shown past the maximum age (test_takedown.py).
    assert police_appeals().stale is False
    police_api.stop()
    settings.LOOKOUT_APPEALS_FRESH_SECONDS = 0
    listing = police_appeals()
    assert listing.stale and listing.available and listing.find("W-7KQ2") is not None
    page = Client().get("/").content.decode()
    assert "Darren Kellow" in page and "may be out of date" in page
    cache.clear()
    page = Client().get("/").content.decode()
    assert "We cannot show the police appeals just now" in page
    assert Client().get("/report/form/").status_code == 200  # general reports still work


def test_right_now_leads_to_999_first(police_api):
    response = Client().get("/appeals/W-7KQ2/", {"now": "yes"})
    page = response.content.decode()
    assert "Call <a" in page and 'href="tel:999"' in page and "Do not approach him." in page
    assert "form_token" not in page


def test_continuing_without_an_answer_to_the_first_question_says_what_to_do(police_api):
    page = Client().get("/report/").content.decode()
    assert 'name="asked"' in page  # the page marks its own submission, as the police page does
    response = Client().get("/report/", {"asked": "1"})
    assert response.status_code == 200
    assert "Select yes if you know where they are right now" in response.content.decode()


def test_the_form_has_no_name_or_contact_field(police_api):
    page = Client().get("/appeals/W-7KQ2/form/").content.decode()
    for name in ("contact_name", "contact_phone", "contact_email", 'type="email"', 'type="tel"', "csrfmiddlewaretoken"):
        assert name not in page
    assert 'name="details"' in page and 'name="acquaintance"' in page  # the shared guided questions


def test_a_report_with_a_photo_gets_a_receipt_and_keeps_only_the_cleaned_copy(police_api):
    client = Client()
    url = "/appeals/W-7KQ2/form/"
    data = {
        "form_token": form_token(client, url),
        "details": "He is at the car wash",
        "attachments": [upload(jpeg_with_gps())],
    }
    response = client.post(url, data, **SAME_ORIGIN)
    assert response.status_code == 200
    code = receipt_of(response)
    assert len(code.replace("-", "")) == 28
    assert not response.cookies
    report = AnonymousReport.objects.get()
    assert report.appeal_reference == "W-7KQ2"
    assert sealed_open_json(report.sealed_answers)["details"] == "He is at the car wash"
    stored = CleanFile.objects.get()
    data = sealed_open(stored.clean_file.read())
    assert b"TestCam" not in data and b"secret comment" not in data and b"GPS" not in data
    assert jpeg_with_gps() != data


def test_a_repeated_post_shows_the_same_receipt_and_creates_nothing(police_api):
    client = Client()
    token = form_token(client, "/report/form/")
    data = {"form_token": token, "details": "Drugs sold from the blue door", "crime_category": "drugs"}
    first = client.post("/report/form/", data, **SAME_ORIGIN)
    second = client.post("/report/form/", data, **SAME_ORIGIN)
    assert receipt_of(first) == receipt_of(second)
    assert AnonymousReport.objects.count() == 1


@pytest.mark.parametrize(
    "headers",
    [
        {},
        {"HTTP_SEC_FETCH_SITE": "cross-site"},
        {"HTTP_ORIGIN": "https://evil.example"},
        {"HTTP_ORIGIN": "null"},
    ],
)
def test_posts_not_from_our_own_pages_are_refused(headers, police_api):
    data = {"form_token": form_token_new("report"), "details": "x", "crime_category": "drugs"}
    response = Client().post("/report/form/", data, **headers)
    assert response.status_code == 403
    assert AnonymousReport.objects.count() == 0


def test_a_same_origin_post_without_fetch_metadata_is_accepted_by_its_origin(police_api):
    data = {"form_token": form_token_new("report"), "details": "x", "crime_category": "drugs"}
    response = Client().post("/report/form/", data, HTTP_ORIGIN="http://testserver")
    assert response.status_code == 200 and AnonymousReport.objects.count() == 1


@pytest.mark.parametrize(
    "token", ["", "report.1.2.3", form_token_new("answer"), form_token_new("report", now=1_000_000)]
)
def test_a_missing_forged_wrong_or_old_token_is_refused(token, police_api):
    data = {"form_token": token, "details": "x", "crime_category": "drugs"}
    response = Client().post("/report/form/", data, **SAME_ORIGIN)
    assert response.status_code == 200
    assert "This page was open too long" in response.content.decode()
    assert AnonymousReport.objects.count() == 0


def test_coming_back_with_the_receipt(police_api):
    client = Client()
    data = {"form_token": form_token(client, "/report/form/"), "details": "x", "crime_category": "violence"}
    code = receipt_of(client.post("/report/form/", data, **SAME_ORIGIN))
    page = client.post("/follow-up/", {"receipt": code.lower().replace("-", " ")}, **SAME_ORIGIN).content.decode()
    assert "Your information" in page and "The police have not asked anything" in page
    wrong = client.post("/follow-up/", {"receipt": "0" * 28}, **SAME_ORIGIN).content.decode()
    assert "We could not find information with that receipt code" in wrong
