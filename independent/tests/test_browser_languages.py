"""axe-core (WCAG 2.2 AA and best practice) on every public page of the charity in English, Welsh and Polish,
at 320 and 1280 px, with JavaScript on and off: no violation, nothing wider than the screen, and every header
link a 24px target. Without JavaScript the page's own scripts are refused (axe-core is put in by the test)."""

import pytest
from playwright.sync_api import Page

from conftest import WIDTHS
from tests.languages import CONTINUE, PREFIXES, assert_accessible_and_fits

pytestmark = [pytest.mark.browser, pytest.mark.markup, pytest.mark.django_db(transaction=True)]

HEADER_TARGETS = """[...document.querySelectorAll('.lk-header a, .lk-header button')]
    .map((e) => e.getBoundingClientRect()).map((r) => [r.width, r.height])"""
SEND = {"en": "Send anonymously", "cy": "Anfon yn ddienw", "pl": "Wyślij anonimowo"}


def _check(page: Page, width: int, where: str) -> None:
    assert_accessible_and_fits(page, width, where)
    targets = page.evaluate(HEADER_TARGETS)
    assert all(w >= 24 and h >= 24 for w, h in targets), (where, targets)


@pytest.mark.parametrize("javascript", [True, False], ids=["js", "no-js"])
@pytest.mark.parametrize("width", WIDTHS)
def test_every_public_page_in_every_language_passes_axe(page_at, live_server, police_api, width, javascript):
    page = page_at(width)
    if not javascript:
        page.route("**/*.{js,mjs}", lambda route: route.abort())
    paths = [
        "/",
        "/appeals/W-7KQ2/",
        "/appeals/W-7KQ2/?now=&asked=1",
        "/appeals/W-7KQ2/?now=yes",
        "/appeals/W-7KQ2/form/",
        "/appeals/M-3XPD/",
        "/appeals/W-ZZZZ/",
        "/report/",
        "/report/?now=yes",
        "/report/form/?urgent=1",
        "/follow-up/",
        "/no/such/page/",
    ]
    for language, prefix in PREFIXES.items():
        for path in paths:
            page.goto(live_server.url + prefix + path)
            _check(page, width, prefix + path)
        page.goto(f"{live_server.url}{prefix}/report/form/")
        page.get_by_role("button", name=SEND[language]).click()
        page.locator(".govuk-error-summary").wait_for()
        _check(page, width, f"{prefix} form errors")
        page.goto(f"{live_server.url}{prefix}/appeals/W-7KQ2/form/")
        page.locator("#id_details").fill("Gwelais i nhw ger y gamlas ddoe")
        page.get_by_role("button", name=SEND[language]).click()
        code = page.locator("#receipt-code").inner_text()
        _check(page, width, f"{prefix} receipt")
        page.goto(f"{live_server.url}{prefix}/follow-up/")
        page.locator("#id_receipt").fill(code)
        page.get_by_role("button", name=CONTINUE[language]).click()
        page.locator("#report-state").wait_for()
        _check(page, width, f"{prefix} follow-up")
