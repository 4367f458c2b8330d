"""Reporter safety (issue 9): after the appeals page, every step of the anonymous report journey leaves only the
start page in the browser's history, under a neutral title, and the receipt is not brought back after Exit."""

from urllib.parse import urlsplit

import pytest
from django.conf import settings
from playwright.sync_api import Page, expect

from conftest import assert_back_to_start, axe_violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_anonymous_journey_leaves_only_the_start_page_in_history(page: Page, live_server, police_api):
    neutral = settings.LOOKOUT_CHARITY_NAME
    home = f"{live_server.url}/"
    page.goto(home)
    page.get_by_role("link", name="Tell us anonymously about Darren Kellow").click()
    start_path = urlsplit(page.url).path
    expect(page.get_by_role("heading", level=1)).to_have_text("Do you know where this person is right now?")
    assert page.title() == neutral
    page.get_by_label("Yes").check()
    page.get_by_role("button", name="Continue").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Call 999 now")
    expect(page).to_have_url(live_server.url + start_path)  # the page's script has replaced the entry
    assert page.title() == neutral
    assert axe_violations(page) == []
    page.get_by_role("link", name="Continue to the anonymous form").click()
    page.get_by_label("What do you want to tell us?").fill("He is at the car wash on Mill Street now.")
    expect(page).to_have_url(live_server.url + start_path)  # the page's script has replaced the entry
    assert page.title() == neutral
    assert axe_violations(page) == []
    page.get_by_role("button", name="Send anonymously").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Thank you: we have your information")
    receipt = page.locator("#receipt-code").inner_text().strip()
    expect(page).to_have_url(live_server.url + start_path)  # the page's script has replaced the entry
    assert page.title() == neutral
    assert axe_violations(page) == []

    # Leave (as Exit this page does), then come back: the start page, then Back through the journey.
    assert_back_to_start(
        page, home, start_path, neutral, steps=4, leave_for=f"{live_server.url}/report/", receipt=receipt
    )

    # Coming back with the receipt: the follow-up pages keep only the follow-up page's URL.
    page.goto(f"{live_server.url}/follow-up/")
    page.get_by_label("Your receipt code").fill(receipt)
    page.get_by_role("button", name="Continue").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Your information")
    assert urlsplit(page.url).path == "/follow-up/" and page.title() == neutral
    assert axe_violations(page) == []
