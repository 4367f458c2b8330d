"""The anonymous form in Chromium with JavaScript off (Tor Browser's safest mode): the 999 step, the form,
the receipt, coming back with it. axe-core checks the same pages in a JavaScript-enabled context."""

import re

import pytest
from playwright.sync_api import Page, expect

from conftest import WCAG_AA_AND_BEST_PRACTICE, WIDTHS, axe_violations
from independent.models import AnonymousReport

from .helpers import jpeg_with_gps, make_operator

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
HEADER_TARGETS = """[...document.querySelectorAll('.lk-header a, .lk-header button')]
    .map((e) => e.getBoundingClientRect()).map((r) => [r.width, r.height])"""
CODE = re.compile(r"^([0-9A-Z]{4}-){6}[0-9A-Z]{4}$")


def test_anonymous_report_without_javascript(phone_page: Page, live_server, police_api, tmp_path):
    page = phone_page
    photo = tmp_path / "IMG_2041.jpg"
    photo.write_bytes(jpeg_with_gps())
    page.goto(live_server.url + "/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Tell us what you know. Stay anonymous.")
    page.get_by_role("link", name="Tell us anonymously about Darren Kellow").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Do you know where this person is right now?")
    page.get_by_label("Yes").check()
    page.get_by_role("button", name="Continue").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Call 999 now")
    page.get_by_role("link", name="Continue to the anonymous form").click()
    expect(page.get_by_label("Your name")).to_have_count(0)
    page.get_by_label("What do you want to tell us?").fill("He is at the car wash on Mill Street now.")
    page.get_by_label("Photos or documents").set_input_files(str(photo))
    page.get_by_role("button", name="Send anonymously").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Thank you: we have your information")
    code = page.locator("#receipt-code").inner_text()
    assert CODE.match(code)
    assert page.context.cookies() == []  # no cookie was needed, none was set
    report = AnonymousReport.objects.get()
    assert report.reporter_urgent and report.files.count() == 1

    page.get_by_role("link", name="come back", exact=True).click()
    page.get_by_label("Your receipt code").fill(code.lower())
    page.get_by_role("button", name="Continue").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Your information")
    expect(page.locator("#report-state")).to_contain_text("Received")


def test_missing_person_appeals_send_people_to_the_police(phone_page: Page, live_server, police_api):
    phone_page.goto(live_server.url + "/appeals/M-3XPD/")
    expect(phone_page.get_by_role("heading", level=1)).to_have_text("Please tell the police directly about Jodie Pryce")
    expect(phone_page.get_by_label("What do you want to tell us?")).to_have_count(0)


def test_pages_are_accessible(phone_page_js: Page, live_server, police_api):
    page = phone_page_js
    for path in ["/", "/appeals/W-7KQ2/", "/appeals/W-7KQ2/?now=yes", "/appeals/W-7KQ2/form/", "/report/form/",
                 "/follow-up/", "/appeals/M-3XPD/", "/operators/login/"]:  # fmt: skip
        page.goto(live_server.url + path)
        violations = axe_violations(page)
        assert violations == [], (path, violations)


def test_the_ended_appeal_page_is_accessible(phone_page_js: Page, live_server, police_api):
    from independent.withdrawals import appeal_withdrawal_receive

    appeal_withdrawal_receive(reference="W-7KQ2")
    page = phone_page_js
    page.goto(live_server.url + "/appeals/W-7KQ2/form/")
    expect(page.get_by_role("heading", level=1)).to_have_text("This appeal has ended")
    assert axe_violations(page) == []


@pytest.mark.parametrize("width", WIDTHS)
def test_pages_pass_wcag_22_aa_and_best_practice_on_a_small_and_a_wide_screen(
    page_at, width: int, live_server, police_api
):
    from django.conf import settings
    from django.test import Client

    page = page_at(width)
    operator = Client()
    operator.force_login(make_operator())
    session = operator.cookies[settings.SESSION_COOKIE_NAME].value
    page.context.add_cookies([{"name": settings.SESSION_COOKIE_NAME, "value": session, "url": live_server.url}])
    for path in ["/", "/appeals/W-7KQ2/", "/appeals/W-7KQ2/form/", "/follow-up/", "/operators/", "/operators/phone/"]:
        page.goto(live_server.url + path)
        if path.startswith("/operators/"):
            assert page.url == live_server.url + path  # signed in: not sent to the sign-in page
        violations = axe_violations(page, WCAG_AA_AND_BEST_PRACTICE)
        assert violations == [], (width, path, violations)
        assert page.evaluate("document.documentElement.scrollWidth") <= width, (width, path)
        targets = page.evaluate(HEADER_TARGETS)
        assert all(w >= 24 and h >= 24 for w, h in targets), (width, path, targets)  # WCAG 2.2 target size
