"""Journeys in a real browser (Debian's Chromium through Playwright), with axe-core checking each page."""

import pytest
from playwright.sync_api import Page, expect

from accounts.roles import Role
from accounts.tests.browser import sign_in
from accounts.tests.factories import UnitFactory, make_staff
from appeals.models import AppealKind
from conftest import assert_accessible
from demo.silhouettes import silhouette_png

from .factories import published

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_member_of_the_public_goes_from_gallery_to_appeal(page: Page, live_server):
    wanted = published(subject_name="Riley Example")
    published(AppealKind.MISSING, subject_name="Morgan Example", age_min=70)

    page.goto(live_server.url + "/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Do you recognise anyone?")
    assert_accessible(page)

    page.get_by_role("link", name="Riley Example").click()
    expect(page).to_have_url(f"{live_server.url}/appeals/{wanted.reference}/")
    expect(page.get_by_text("Do not approach or confront them.")).to_be_visible()
    expect(page.locator('a[href="tel:999"]').first).to_be_visible()
    image = page.locator("img.lk-appeal-image").first
    expect(image).to_be_visible()
    page.wait_for_load_state("load")
    assert page.evaluate("(img) => img.complete && img.naturalWidth", image.element_handle()) > 0
    assert_accessible(page)

    page.goto(live_server.url + "/appeals/")
    page.get_by_label("Show").select_option("missing")
    page.get_by_role("button", name="Show appeals").click()
    expect(page.get_by_role("link", name="Morgan Example")).to_be_visible()
    expect(page.get_by_role("link", name="Riley Example")).to_have_count(0)
    assert_accessible(page)

    page.goto(live_server.url + "/how-to-help/")
    assert_accessible(page)
    page.goto(live_server.url + "/appeals/W-ZZZZ/")
    assert_accessible(page)


def test_public_pages_work_on_a_small_phone_without_javascript(phone_page: Page, phone_page_js: Page, live_server):
    appeal = published(subject_name="Riley Example")
    for path in ["/", "/appeals/", f"/appeals/{appeal.reference}/", "/how-to-help/"]:
        phone_page.goto(live_server.url + path)
        # Nothing wider than the screen: no sideways scrolling on a 360px phone.
        assert phone_page.evaluate("document.documentElement.scrollWidth") <= 360, path
        phone_page_js.goto(live_server.url + path)
        assert_accessible(phone_page_js)
    phone_page.goto(live_server.url + "/appeals/")
    phone_page.get_by_label("Search by name or description").fill("riley")
    phone_page.get_by_role("button", name="Show appeals").click()
    expect(phone_page.get_by_role("link", name="Riley Example")).to_be_visible()


def sign_out(page: Page) -> None:
    page.get_by_role("button", name="Sign out").click()


def test_staff_draft_authorise_publish_close_and_the_page_is_gone(page: Page, live_server, tmp_path):
    base = live_server.url
    author = make_staff(Role.AUTHOR, username="browser.author")
    make_staff(Role.AUTHORISER, Role.SENIOR_AUTHORISER, username="browser.super", rank="superintendent")
    UnitFactory(name="Browser CID")

    sign_in(page, base, author.username)
    assert_accessible(page)
    page.get_by_role("link", name="Draft a new appeal").click()
    page.get_by_label("A wanted person").check()
    page.get_by_role("button", name="Continue").click()
    page.get_by_label("Name").first.fill("Jordan Browserton")
    page.get_by_label("Age (or youngest age)").fill("33")
    page.get_by_label("Areas associated").fill("Eastbrook")
    page.get_by_label("Wanted reason").select_option("offence")
    page.get_by_label("Owning unit").select_option(label="Browser CID")
    assert_accessible(page)
    page.get_by_role("button", name="Save draft").click()
    expect(page.get_by_text("saved")).to_be_visible()
    reference = page.locator(".govuk-caption-l").inner_text().split("·")[1].strip()

    page.get_by_role("link", name="Images").click()
    picture = tmp_path / "figure.png"
    picture.write_bytes(silhouette_png(5))
    page.get_by_label("Image file").set_input_files(str(picture))
    page.get_by_label("Describe the image").fill("Drawn figure of Jordan")
    page.get_by_role("button", name="Upload image").click()
    expect(page.get_by_text("Image added")).to_be_visible()
    page.get_by_role("link", name=f"Back to {reference}").click()

    page.get_by_role("link", name="Publicity assessment").click()
    page.get_by_label("High").check()
    page.get_by_label("Why publicity is necessary and proportionate").fill("Serious harm; enquiries exhausted.")
    page.get_by_label("Why less intrusive means are not enough").fill("Associates and addresses checked.")
    for label in ["Name", "Age", "Areas associated", "Why they are wanted (offence)"]:
        page.get_by_role("checkbox", name=label, exact=True).check()
    page.get_by_role("checkbox", name="Photograph supplied by family or friends: Drawn figure of Jordan").check()
    assert_accessible(page)
    page.get_by_role("button", name="Save assessment").click()
    page.get_by_role("button", name="Send for authorisation").click()
    expect(page.get_by_text("Sent for authorisation")).to_be_visible()
    sign_out(page)

    assert page.context.request.get(f"{base}/appeals/{reference}/").status == 404

    sign_in(page, base, "browser.super")
    page.get_by_role("link", name=reference).first.click()
    page.get_by_role("link", name="Authorise or refuse").click()
    page.get_by_label("Approve and publish").check()
    page.get_by_label("Reasons").fill("Necessary and proportionate.")
    page.get_by_role("button", name="Record decision").click()
    expect(page.get_by_text("is now published")).to_be_visible()

    public = page.context.new_page()
    public.goto(f"{base}/appeals/{reference}/")
    expect(public.get_by_role("heading", name="Jordan Browserton")).to_be_visible()
    image_url = public.locator("img.lk-appeal-image").first.get_attribute("src")

    page.get_by_role("link", name="Close and take down").click()
    page.get_by_label("Arrested").check()
    page.get_by_role("button", name="Close and take down").click()
    expect(page.get_by_text("taken down from every public page")).to_be_visible()

    response = public.goto(f"{base}/appeals/{reference}/")
    assert response is not None and response.status == 410
    expect(public.get_by_role("heading", level=1)).to_have_text("This appeal has ended – thank you")
    expect(public.get_by_text("Jordan Browserton")).to_have_count(0)
    assert_accessible(public)
    assert page.context.request.get(f"{base}{image_url}").status == 410
    public.goto(base + "/")
    expect(public.get_by_text("Jordan Browserton")).to_have_count(0)

    page.get_by_role("link", name="Audit trail").click()
    expect(page.get_by_role("cell", name="appeal.closed")).to_be_visible()


def test_the_share_and_print_links_work_without_javascript(phone_page: Page, phone_page_js: Page, live_server):
    appeal = published(subject_name="Riley Example")
    phone_page.goto(f"{live_server.url}/appeals/{appeal.reference}/")
    expect(phone_page.get_by_role("heading", name="Share or print this appeal")).to_be_visible()
    for name, href in [
        ("Picture to share on social media", f"/appeals/{appeal.reference}/card.png"),
        ("Poster to print", f"/appeals/{appeal.reference}/poster.pdf"),
        ("Handbill to print", f"/appeals/{appeal.reference}/poster.pdf?size=a5"),
    ]:
        expect(phone_page.get_by_role("link", name=name)).to_have_attribute("href", href)
    phone_page.goto(f"{live_server.url}/appeals/{appeal.reference}/poster.pdf?size=a0")
    expect(phone_page.get_by_role("heading", level=1)).to_have_text("There is no poster of that size")
    phone_page_js.goto(f"{live_server.url}/appeals/{appeal.reference}/poster.pdf?size=a0")  # axe needs script
    assert_accessible(phone_page_js)
