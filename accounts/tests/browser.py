"""Browser steps on the staff side, shared by the police suite's Chromium journeys."""

from playwright.sync_api import Page, expect

from .factories import PASSWORD


def sign_in(page: Page, base: str, username: str, password: str = PASSWORD) -> None:
    """Sign in on the staff login page and wait for the staff home (its Appeals heading)."""
    page.goto(base + "/staff/login/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_role("heading", name="Appeals", exact=True)).to_be_visible()
