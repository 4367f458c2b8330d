"""The API's documentation page in a real browser: accessible (WCAG 2.2 AA and best practice) at 320 and
1280 px, nothing wider than the screen, and readable with JavaScript off."""

import pytest
from playwright.sync_api import Page, expect

from appeals.tests.factories import published
from conftest import WCAG_AA_AND_BEST_PRACTICE, WIDTHS, assert_accessible

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.mark.parametrize("width", WIDTHS)
def test_the_docs_page_is_accessible_and_fits_the_screen(page_at, width: int, live_server):
    published()
    page = page_at(width)
    page.goto(live_server.url + "/api/v1/docs")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Lookout API")
    assert_accessible(page, WCAG_AA_AND_BEST_PRACTICE)
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


def test_the_docs_page_reads_without_javascript(phone_page: Page, live_server):
    phone_page.goto(live_server.url + "/api/v1/docs")
    expect(phone_page.get_by_role("heading", name="AppealOut")).to_be_visible()
    expect(phone_page.get_by_role("link", name="OpenAPI 3 document")).to_have_attribute("href", "/api/v1/openapi.json")
