"""Reading the police list of appeals: every page, in the police's own shapes (partner.public_api), and a
list we cannot read leaves the copy we have."""

import pytest
from django.core.cache import cache

from independent.police_api import appeals_refresh, police_appeals

from .helpers import APPEALS, FakePoliceApi, appeal_item

pytestmark = pytest.mark.django_db


@pytest.fixture
def small_pages(settings):  # type: ignore[no-untyped-def]
    cache.clear()
    api = FakePoliceApi(page_size=1)
    api.appeals = [*APPEALS, appeal_item("W-9ZZ9", "wanted", "Third Person", summary="Wanted")]
    settings.LOOKOUT_POLICE_API_URL = settings.LOOKOUT_POLICE_PUBLIC_URL = api.url
    yield api
    api.stop()


def test_the_refresh_follows_every_page(small_pages):
    assert appeals_refresh()
    assert small_pages.hits == 3
    shown = police_appeals()
    assert [a.reference for a in shown.appeals] == ["W-7KQ2", "M-3XPD", "W-9ZZ9"]
    darren = shown.find("W-7KQ2")
    assert darren is not None and darren.caution_note == "Do not approach him."
    # The page's address on the police public site, whatever host the API answered for.
    assert darren.url == f"{small_pages.url}/appeals/W-7KQ2/"


def test_an_answer_in_a_shape_we_do_not_know_keeps_the_copy_we_have(small_pages):
    assert appeals_refresh()
    small_pages.appeals = [{"reference": "W-7KQ2", "details": {"Name": "Darren Kellow"}}]
    assert not appeals_refresh()
    assert len(police_appeals().appeals) == 3


def test_a_next_link_elsewhere_is_not_followed(small_pages, monkeypatch):
    page = small_pages.page

    def elsewhere(target: str):  # type: ignore[no-untyped-def]
        answer = page(target)
        answer["next"] = "https://elsewhere.example/steal?page=2" if answer["next"] else None
        return answer

    monkeypatch.setattr(small_pages, "page", elsewhere)
    assert not appeals_refresh()
    assert small_pages.hits == 1
    assert police_appeals().available is False
