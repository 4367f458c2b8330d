"""Journeys on the desk in a real Chromium, with axe-core on each page: an analyst triages, grades and
disseminates; a unit officer results the action, which closes the appeal, and the public page answers 410."""

import pytest
from playwright.sync_api import Page, expect

from accounts.roles import Role
from accounts.tests.browser import sign_in
from accounts.tests.factories import make_staff
from appeals.tests.factories import published
from conftest import WCAG_AA_AND_BEST_PRACTICE, WIDTHS, assert_accessible
from reporting.tests.factories import submit

from .factories import fugitive_team, unit_officer

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_analyst_triages_grades_disseminates_and_officer_results_closing_the_appeal(page: Page, live_server):
    base = live_server.url
    appeal = published(subject_name="Riley Example")
    submit(appeal, details="He was at the canal last week.")
    urgent = submit(appeal, urgent=True, details="He is in the Anchor pub right now, by the back door.").report
    team = fugitive_team()
    officer = unit_officer(team, username="uma.unit")
    analyst = make_staff(Role.ANALYST, username="ana.desk")

    sign_in(page, base, analyst.username)
    page.get_by_role("link", name="Inbox").first.click()
    expect(page.get_by_role("heading", name="Inbox")).to_be_visible()
    assert_accessible(page)
    # The urgent report on this high-harm appeal is first.
    first = page.locator("tbody tr").first
    expect(first).to_contain_text(f"Report {urgent.pk}")
    expect(first).to_contain_text("Urgent")
    first.get_by_role("link", name=f"Report {urgent.pk}").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text(f"Report {urgent.pk}")
    assert_accessible(page)

    page.get_by_label("2 · Untested").check()
    page.get_by_label("B · Known indirectly but corroborated").check()
    page.get_by_label("C · Lawful sharing permitted with conditions").check()
    page.get_by_label("Sanitised intelligence summary").fill("Subject believed to be at a named pub now.")
    page.get_by_role("button", name="Grade").click()
    expect(page.get_by_text("Write the conditions that apply to handling code C.").first).to_be_visible()
    assert_accessible(page)
    page.get_by_label("Conditions (handling code C only)").fill("Fugitive team only; do not disclose the source.")
    page.get_by_role("button", name="Grade").click()
    expect(page.get_by_text("2B C", exact=False).first).to_be_visible()

    page.get_by_label("Unit", exact=True).select_option(label=team.name)
    page.get_by_label("What should the unit do?").fill("Attend the pub now and arrest.")
    page.get_by_label("Priority").select_option("immediate")
    page.get_by_label("Due").select_option("1")
    page.get_by_role("button", name="Send to unit").click()
    expect(page.get_by_text(f"sent to {team.name}")).to_be_visible()
    assert_accessible(page)
    page.get_by_role("button", name="Sign out").click()

    sign_in(page, base, officer.username)
    page.get_by_role("link", name="Actions").first.click()
    assert_accessible(page)
    page.locator("tbody tr").first.get_by_role("link").click()
    expect(page.get_by_text("Subject believed to be at a named pub now.")).to_be_visible()
    expect(page.get_by_text("the Anchor pub")).to_have_count(0)  # the reporter's words stay on the desk
    assert_accessible(page)
    page.get_by_role("button", name="Allocate").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("allocated")
    page.get_by_label("Result").fill("Arrested at the pub.")
    page.get_by_label("Yes: arrested").check()
    page.get_by_role("button", name="Record result").click()
    expect(page.get_by_text("The appeal was closed.")).to_be_visible()
    assert_accessible(page)

    response = page.goto(f"{base}/appeals/{appeal.reference}/")
    assert response is not None and response.status == 410
    expect(page.get_by_text("Riley Example")).to_have_count(0)


def test_analyst_confirms_a_suggested_link_and_follows_a_registration(page: Page, live_server):
    """Enrichment runs on arrival (the test settings run tasks at once): a general report that gives the appeal's
    plate is suggested for the appeal with the reason; the analyst confirms it and clicks the plate to see every
    report that mentions it; two reports telling the same thing show as one with "+1 similar"."""
    base = live_server.url
    appeal = published(subject_name="Riley Example", vehicle="Blue Ford Transit, LB07 SEO")
    quiet = {"vehicle_registration": "", "places": "", "last_seen_where": "", "companions": "", "last_seen_when": ""}
    plate = submit(None, details="That van lb07 seo is parked behind the chip shop every night", **quiet).report
    again = submit(None, details="Van LB07 SEO parked behind the chip shop every night again", **quiet).report
    make_staff(Role.ANALYST, username="ana.links")

    sign_in(page, base, "ana.links")
    page.goto(base + "/staff/inbox/")
    row = page.locator("tbody tr", has_text=f"Report {plate.pk}")
    expect(row).to_contain_text("+1 similar")
    expect(page.locator("tbody tr", has_text=f"Report {again.pk}")).to_have_count(0)
    assert_accessible(page)
    row.get_by_role("link", name=f"Report {plate.pk}").click()
    card = page.locator(".govuk-summary-card", has_text=f"Appeal {appeal.reference}")
    expect(card).to_contain_text("Same registration as the appeal's vehicle (LB07SEO)")
    expect(card).to_contain_text("Likely")
    expect(page.get_by_text("This report is one of 2.")).to_be_visible()
    assert_accessible(page)
    card.get_by_label("Yes, confirm").check()
    card.get_by_role("button", name="Save decision").click()
    expect(page.get_by_text(f"Link to appeal {appeal.reference} confirmed.")).to_be_visible()
    expect(page.locator(".govuk-summary-card", has_text=f"Appeal {appeal.reference}")).to_contain_text("Confirmed")

    page.get_by_role("link", name="LB07SEO").first.click()
    expect(page.get_by_text("Reports that mention registration LB07SEO")).to_be_visible()
    expect(page.locator("tbody tr")).to_have_count(2)
    assert_accessible(page)


@pytest.mark.parametrize("width", WIDTHS)
def test_the_numbers_page_passes_wcag_22_aa_and_best_practice_and_does_not_overflow(page_at, width: int, live_server):
    appeal = published(subject_name="Riley Example")
    submit(appeal, details="He was at the canal last week.")
    make_staff(Role.ANALYST, username="ana.numbers")
    page = page_at(width)
    sign_in(page, live_server.url, "ana.numbers")
    page.goto(live_server.url + "/staff/numbers/")
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    assert_accessible(page, WCAG_AA_AND_BEST_PRACTICE)
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
