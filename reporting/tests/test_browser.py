"""Journeys in Chromium: the 999 path, a full report with a photo, coming back with the receipt to answer a
question, the same on a phone without JavaScript, and the anonymity proof through the live server.
axe-core checks every step."""

import re
import time

import pytest
from playwright.sync_api import Page, expect

from accounts.roles import Role
from accounts.tests.browser import sign_in
from accounts.tests.factories import make_staff
from appeals.models import AppealKind
from appeals.tests.factories import published
from conftest import WCAG_AA_AND_BEST_PRACTICE, WIDTHS, assert_accessible
from reporting.models import InformationReport, MessageDirection
from tests.device_probe import (  # noqa: F401 - the fixture is used by name
    FORWARDED_ADDRESS,
    USER_AGENT,
    assert_no_trace,
    everything_logged,
    logged_text,
)

from .browser import fill_sighting
from .factories import jpeg_with_gps

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

CODE = re.compile(r"^([0-9A-Z]{4}-){6}[0-9A-Z]{4}$")


def test_urgent_path_shows_999_before_the_form(page: Page, live_server):
    appeal = published(subject_name="Riley Example", caution_note="He may carry a knife.")
    page.goto(f"{live_server.url}/appeals/{appeal.reference}/")
    page.get_by_role("link", name="Tell us what you know").first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Do you know where this person is right now?")
    assert_accessible(page)
    page.get_by_label("Yes").check()
    page.get_by_role("button", name="Continue").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Call 999 now")
    expect(page.get_by_text("Do not approach or confront them.")).to_be_visible()
    expect(page.locator('a[href="tel:999"]').first).to_be_visible()
    expect(page.get_by_label("What do you want to tell us?")).to_have_count(0)  # no form before the 999 advice
    assert_accessible(page)
    page.get_by_role("link", name="Continue to the form").click()
    expect(page.get_by_text("If you have not called 999 yet, call now.")).to_be_visible()
    page.get_by_label("What do you want to tell us?").fill("He is in the Crown pub on Mill Street now.")
    page.get_by_role("button", name="Send to").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Thank you: we have your information")
    expect(page.get_by_text("We have marked your information as urgent.")).to_be_visible()
    assert InformationReport.objects.get().urgent


def test_full_report_with_a_photo_then_back_with_the_receipt_to_answer_a_question(
    phone_page_js: Page, page: Page, live_server, tmp_path
):
    page_ = phone_page_js
    appeal = published(subject_name="Riley Example")
    photo = tmp_path / "IMG_2041.jpg"
    photo.write_bytes(jpeg_with_gps())

    started = time.perf_counter()
    page_.goto(f"{live_server.url}/appeals/{appeal.reference}/")
    page_.get_by_role("link", name="Tell us what you know").first.click()
    page_.get_by_label("No").check()
    page_.get_by_role("button", name="Continue").click()
    fill_sighting(page_)
    page_.get_by_role("group", name="Do you think they are living or staying in your area?").get_by_label("Yes").check()
    page_.get_by_label("Make").fill("Ford")
    page_.get_by_label("Model").fill("Transit")
    page_.get_by_label("Colour").fill("Green")
    page_.get_by_label("Registration (number plate)").fill("qz71 xlr")
    page_.get_by_label("Places they go regularly").fill("Mill Street gym")
    page_.get_by_label("Photos or documents").set_input_files(str(photo))
    page_.get_by_role("button", name="Send to").click()
    expect(page_.get_by_role("heading", level=1)).to_have_text("Thank you: we have your information")
    elapsed = time.perf_counter() - started
    print(f"\n[measure] appeal page to thank-you page, scripted, phone 360px with JS: {elapsed:.2f} s")

    code = page_.locator("#receipt-code").inner_text().strip()
    assert CODE.match(code)
    expect(page_.get_by_role("button", name="Copy the code")).to_be_visible()  # shown by JavaScript
    expect(page_.get_by_role("button", name="Print this page")).to_be_visible()
    expect(page_.get_by_text("nobody can find it for you")).to_be_visible()
    assert_accessible(page_)
    report = InformationReport.objects.get()
    assert report.vehicle_registration == "QZ71 XLR" and report.attachments.count() == 1
    assert page_.evaluate("document.documentElement.scrollWidth") <= 360

    # An analyst asks a question in the back office.
    make_staff(Role.ANALYST, username="browser.analyst")
    sign_in(page, live_server.url, "browser.analyst")
    page.get_by_role("link", name="Information from the public").click()
    assert_accessible(page)
    page.get_by_role("link", name=f"Report {report.pk}").click()
    expect(page.locator("img.lk-files__image")).to_be_visible()
    assert_accessible(page)
    page.get_by_label("Question for the person who sent this").fill("What colour was his jacket?")
    page.get_by_role("button", name="Send question").click()
    expect(page.get_by_text("Question sent.")).to_be_visible()

    # The reporter comes back with the receipt and answers.
    page_.goto(f"{live_server.url}/follow-up/")
    assert_accessible(page_)
    page_.get_by_label("Your receipt code").fill(code.lower().replace("-", " "))
    page_.get_by_role("button", name="Continue").click()
    expect(page_.get_by_text("What colour was his jacket?")).to_be_visible()
    expect(page_.locator("#report-status")).to_contain_text("Received")
    assert_accessible(page_)
    page_.get_by_label("Your answer or more information").fill("A red jacket.")
    page_.get_by_role("button", name="Send").click()
    expect(page_.get_by_text("We have added this to your information.")).to_be_visible()
    assert_accessible(page_)
    assert report.messages.filter(direction=MessageDirection.FROM_REPORTER, body="A red jacket.").exists()

    page.reload()
    expect(page.get_by_text("A red jacket.")).to_be_visible()


def test_report_on_a_phone_without_javascript(phone_page: Page, phone_page_js: Page, live_server, tmp_path):
    appeal = published(AppealKind.MISSING, subject_name="Morgan Example", age_min=70)
    photo = tmp_path / "photo.jpg"
    photo.write_bytes(jpeg_with_gps())
    base = f"{live_server.url}/appeals/{appeal.reference}"
    phone_page.goto(f"{base}/")
    phone_page.get_by_role("link", name="Tell us what you know").first.click()
    phone_page.get_by_role("button", name="Continue").click()  # nothing chosen: an error, not a dead end
    expect(phone_page.get_by_text("Select yes if you know where they are right now").first).to_be_visible()
    phone_page.get_by_label("No").check()
    phone_page.get_by_role("button", name="Continue").click()
    expect(phone_page.locator("main").get_by_text("Anonymous")).to_have_count(0)  # missing: no anonymous channel
    phone_page.get_by_label("Places they go regularly").fill("The library on Church Road")
    phone_page.get_by_label("Your name").fill("Sam Neighbour")
    phone_page.get_by_role("button", name="Send to").click()
    # Nothing required was given: the error sits next to the field and what was typed is kept.
    expect(phone_page.get_by_text("Tell us what you know, in your own words").first).to_be_visible()
    expect(phone_page.get_by_label("Places they go regularly")).to_have_value("The library on Church Road")
    expect(phone_page.get_by_label("Your name")).to_have_value("Sam Neighbour")
    assert phone_page.evaluate("document.documentElement.scrollWidth") <= 360
    phone_page.get_by_label("What do you want to tell us?").fill("She sat on the bench outside the library.")
    phone_page.get_by_label("Photos or documents").set_input_files(str(photo))
    phone_page.get_by_role("button", name="Send to").click()
    expect(phone_page.get_by_role("heading", level=1)).to_have_text("Thank you: we have your information")
    expect(phone_page.get_by_role("button", name="Copy the code")).to_be_hidden()  # no JavaScript, no button
    assert CODE.match(phone_page.locator("#receipt-code").inner_text().strip())
    assert InformationReport.objects.get().attachments.count() == 1
    for path in [f"{base}/report/", f"{base}/report/?now=yes", f"{base}/report/form/", "/follow-up/"]:
        phone_page_js.goto(path if path.startswith("http") else live_server.url + path)
        assert_accessible(phone_page_js)
    phone_page_js.goto(f"{live_server.url}/report/form/")
    phone_page_js.get_by_role("button", name="Send to").click()
    expect(phone_page_js.locator(".govuk-error-summary")).to_be_visible()
    assert_accessible(phone_page_js)  # the page with errors, too


def test_nothing_about_the_browser_is_kept_through_the_live_server(
    chromium,
    live_server,
    tmp_path,
    everything_logged,  # noqa: F811 - the fixture imported above
    capsys,
):
    appeal = published()
    photo = tmp_path / "photo.jpg"
    photo.write_bytes(jpeg_with_gps())
    context = chromium.new_context(
        user_agent=USER_AGENT,
        extra_http_headers={"X-Forwarded-For": FORWARDED_ADDRESS, "X-Real-IP": FORWARDED_ADDRESS},
    )
    page = context.new_page()
    try:
        page.goto(f"{live_server.url}/appeals/{appeal.reference}/report/form/")
        page.get_by_label("What do you want to tell us?").fill("Seen at the market.")
        page.get_by_label("Photos or documents").set_input_files(str(photo))
        page.get_by_role("button", name="Send to").click()
        expect(page.get_by_role("heading", level=1)).to_have_text("Thank you: we have your information")
        code = page.locator("#receipt-code").inner_text().strip()
        page.goto(f"{live_server.url}/follow-up/")
        page.get_by_label("Your receipt code").fill(code)
        page.get_by_role("button", name="Continue").click()
        expect(page.locator("#report-status")).to_be_visible()
    finally:
        context.close()
    assert_no_trace(logged_text(everything_logged, capsys))


def test_a_submitted_report_keeps_its_receipt_on_a_repeated_post(phone_page: Page, live_server):
    """Without JavaScript, pressing refresh on the thank-you page re-posts the form: the same receipt, still one
    report. (With it, the entry is the start page's and nothing is re-posted: test_browser_history.py.)"""
    page = phone_page
    appeal = published()
    page.goto(f"{live_server.url}/appeals/{appeal.reference}/report/form/")
    page.get_by_label("What do you want to tell us?").fill("Seen on the bus.")
    page.get_by_role("button", name="Send to").click()
    first = page.locator("#receipt-code").inner_text()
    page.reload()  # re-posts the form (Chromium does not ask under automation)
    expect(page.locator("#receipt-code")).to_have_text(first)
    assert InformationReport.objects.count() == 1


@pytest.mark.parametrize("width", WIDTHS)
def test_public_pages_pass_wcag_22_aa_and_best_practice_on_a_small_and_a_wide_screen(page_at, width: int, live_server):
    page = page_at(width)
    appeal = published(subject_name="Riley Example")
    base = f"{live_server.url}/appeals/{appeal.reference}/"
    for url in [base, base + "report/", base + "report/form/", f"{live_server.url}/follow-up/"]:
        page.goto(url)
        assert_accessible(page, WCAG_AA_AND_BEST_PRACTICE)
        assert page.evaluate("document.documentElement.scrollWidth") <= width, (width, url)
