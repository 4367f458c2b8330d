"""Reporter safety (issue 9): after the appeal page, every step of the report journey leaves only the start
page in the browser's history, under a neutral title, and the receipt is not brought back after Exit."""

from urllib.parse import urlsplit

import pytest
from django.conf import settings
from playwright.sync_api import Page, expect

from appeals.tests.factories import published
from conftest import assert_back_to_start, axe_violations
from reporting.models import InformationReport

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_report_journey_leaves_only_the_start_page_in_history(page: Page, live_server):
    appeal = published(subject_name="Riley Example")
    appeal_url = f"{live_server.url}/appeals/{appeal.reference}/"
    start_path = f"/appeals/{appeal.reference}/report/"
    neutral = settings.LOOKOUT_FORCE_NAME
    page.goto(appeal_url)
    page.get_by_role("link", name="Tell us what you know").first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Do you know where this person is right now?")
    assert page.title() == neutral
    page.get_by_label("No").check()
    page.get_by_role("button", name="Continue").click()
    expect(page.get_by_label("What do you want to tell us?")).to_be_visible()
    expect(page).to_have_url(live_server.url + start_path)  # the page's script has replaced the entry
    assert page.title() == neutral
    assert axe_violations(page) == []
    page.get_by_label("What do you want to tell us?").fill("I saw him at the car wash on Mill Street.")
    page.get_by_role("button", name="Send to").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Thank you: we have your information")
    receipt = page.locator("#receipt-code").inner_text().strip()
    expect(page).to_have_url(live_server.url + start_path)  # the page's script has replaced the entry
    assert page.title() == neutral
    assert axe_violations(page) == []

    page.reload()  # with JavaScript the entry is the start page's: nothing is re-posted
    expect(page.get_by_role("heading", level=1)).to_have_text("Do you know where this person is right now?")
    assert InformationReport.objects.count() == 1
    page.go_forward()  # the reload replaced the thank-you entry; there is nothing ahead of it
    assert urlsplit(page.url).path == start_path and receipt not in page.content()

    # Leave (as Exit this page does), then come back: the start page, then Back through the journey.
    assert_back_to_start(
        page, appeal_url, start_path, neutral, steps=3, leave_for=f"{live_server.url}/appeals/", receipt=receipt
    )


def test_the_999_step_and_the_follow_up_leave_only_their_start_pages(page: Page, live_server):
    neutral = settings.LOOKOUT_FORCE_NAME
    page.goto(f"{live_server.url}/appeals/")
    appeals_url = page.url
    page.goto(f"{live_server.url}/report/")
    page.get_by_label("Yes").check()
    page.get_by_role("button", name="Continue").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Call 999 now")
    assert axe_violations(page) == []
    page.get_by_role("link", name="Continue to the form").click()
    expect(page.get_by_text("If you have not called 999 yet, call now.")).to_be_visible()
    assert_back_to_start(page, appeals_url, "/report/", neutral, steps=3)

    page.goto(f"{live_server.url}/follow-up/")
    page.get_by_label("Your receipt code").fill("AAAA-AAAA-AAAA-AAAA-AAAA-AAAA-AAAA")
    page.get_by_role("button", name="Continue").click()
    expect(page.get_by_text("We could not find information with that receipt code").first).to_be_visible()
    assert page.title() == f"Error: {neutral}"
    assert urlsplit(page.url).path == "/follow-up/"
    assert axe_violations(page) == []
