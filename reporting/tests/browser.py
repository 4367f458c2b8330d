"""Browser steps on the public report form, shared by the Chromium journeys and bench/page_weight.py."""

from playwright.sync_api import Page


def fill_sighting(page: Page) -> None:
    """What a person who saw the subject at the car wash types first: what, how they know them, when, where."""
    page.get_by_label("What do you want to tell us?").fill("I saw him at the car wash on Mill Street.")
    page.get_by_label("I know of them, but not personally").check()
    page.get_by_label("When did you last see them?").fill("Yesterday about 6pm")
    page.get_by_label("Where did you last see them?").fill("Mill Street car wash")
