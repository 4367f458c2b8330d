"""axe-core (WCAG 2.2 AA and best practice) on every public page of the police service in English, Welsh and
Polish, at 320 and 1280 px, with JavaScript on and off: no violation, and nothing wider than the screen (long
Welsh and Polish words wrap). Without JavaScript the page's own scripts are refused, so the markup is the one
a browser without JavaScript gets; axe-core itself is put in by the test."""

import pytest

from appeals import services as appeal_services
from appeals.models import AppealKind, Outcome
from appeals.tests.factories import published
from conftest import WIDTHS
from tests.languages import CONTINUE, PREFIXES, assert_accessible_and_fits

pytestmark = [pytest.mark.browser, pytest.mark.markup, pytest.mark.django_db(transaction=True)]

TYPED = "Gwelais i nhw ger y gamlas ddoe"
BUTTON = {"en": "Send to", "cy": "Anfon at", "pl": "Wyślij do"}


@pytest.mark.parametrize("javascript", [True, False], ids=["js", "no-js"])
@pytest.mark.parametrize("width", WIDTHS)
def test_every_public_page_in_every_language_passes_axe(page_at, live_server, width: int, javascript: bool):
    wanted = published(
        subject_name="Riley Example",
        caution_note="He may carry a knife.",
        description_cy="Yn aml yn cael ei weld ger y gamlas.",
    )
    missing = published(AppealKind.MISSING, subject_name="Jordan Sample")
    rewarded = published(
        released=["age", "hair", "eyes", "reward", "description"],
        hair="Short ginger curls",
        eyes="Green",
        reward_text="Up to 2,000 pounds for information.",
    )
    ended = published(subject_name="Casey Closed")
    appeal_services.appeal_close(appeal=ended, actor=ended.author, outcome=Outcome.ARRESTED)
    page = page_at(width)
    if not javascript:
        page.route("**/*.{js,mjs}", lambda route: route.abort())
    paths = [
        "/",
        "/appeals/",
        "/appeals/?q=zzzz",
        f"/appeals/{wanted.reference}/",
        f"/appeals/{missing.reference}/",
        f"/appeals/{rewarded.reference}/",  # hair, eye colour and a reward released
        "/how-to-help/",
        f"/appeals/{wanted.reference}/report/",
        f"/appeals/{wanted.reference}/report/?now=&asked=1",
        f"/appeals/{wanted.reference}/report/?now=yes",
        f"/appeals/{missing.reference}/report/?now=yes",
        "/report/",
        "/report/?now=yes",
        "/report/form/?urgent=1",
        "/follow-up/",
        "/appeals/zzz/nothing/",
        f"/appeals/{ended.reference}/",
        "/embed/appeals/",  # as a partner's page frames it
    ]
    for language, prefix in PREFIXES.items():
        for path in paths:
            page.goto(live_server.url + prefix + path)
            assert_accessible_and_fits(page, width, prefix + path)
        # The journey's posted pages: the form with its errors, the receipt, and coming back with it.
        page.goto(f"{live_server.url}{prefix}/report/form/")
        page.locator("form button[type=submit]").click()
        page.locator(".govuk-error-summary").wait_for()
        assert_accessible_and_fits(page, width, f"{prefix} form errors")
        page.goto(f"{live_server.url}{prefix}/appeals/{wanted.reference}/report/form/")
        page.locator("#id_details").fill(TYPED)
        page.get_by_role("button", name=BUTTON[language]).click()
        code = page.locator("#receipt-code").inner_text()
        assert_accessible_and_fits(page, width, f"{prefix} receipt")
        page.goto(f"{live_server.url}{prefix}/follow-up/")
        page.locator("#id_receipt").fill(code)
        page.get_by_role("button", name=CONTINUE[language]).click()
        page.locator("#report-status").wait_for()
        assert_accessible_and_fits(page, width, f"{prefix} follow-up")
