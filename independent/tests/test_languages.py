"""The charity's public pages in English, Welsh and Polish (English unprefixed, /cy/ and /pl/): each page links
to itself in the others and says its language, no page sets a cookie in any language, an anonymous report
stays in its language to the receipt and back, and nothing on a Welsh or Polish page is left in English except
the police's own words, which are marked lang="en"."""

import pytest
from django.test import Client

from tests.languages import alternates, page_lang, switcher, untranslated

from .helpers import SAME_ORIGIN, form_token, receipt_of

pytestmark = pytest.mark.django_db

PREFIXES = {"en-GB": "", "cy": "/cy", "pl": "/pl"}
TYPED = "Gwelais i nhw ger y gamlas ddoe"


def public_pages(prefix: str) -> dict[str, str]:
    client = Client(**SAME_ORIGIN)
    got = {
        name: client.get(prefix + path)
        for name, path in {
            "home": "/",
            "appeal-start": "/appeals/W-7KQ2/",
            "appeal-start-error": "/appeals/W-7KQ2/?now=&asked=1",
            "999": "/appeals/W-7KQ2/?now=yes",
            "appeal-form": "/appeals/W-7KQ2/form/",
            "missing": "/appeals/M-3XPD/",
            "unknown-appeal": "/appeals/W-ZZZZ/",
            "start": "/report/",
            "general-999": "/report/?now=yes",
            "form": "/report/form/?urgent=1",
            "follow-up": "/follow-up/",
            "not-found": "/no/such/page/",
        }.items()
    }
    url = f"{prefix}/report/form/"
    data = {"form_token": form_token(client, url), "details": TYPED, "crime_category": "drugs"}
    thanks = client.post(url, data)
    got |= {
        "thanks": thanks,
        "form-errors": client.post(url, {"form_token": form_token(client, url)}),
        "follow-up-report": client.post(f"{prefix}/follow-up/", {"receipt": receipt_of(thanks)}),
        "follow-up-wrong": client.post(f"{prefix}/follow-up/", {"receipt": "0" * 28}),
        "refused": Client().post(url, data, HTTP_SEC_FETCH_SITE="cross-site"),
    }
    for name, response in got.items():
        assert not response.cookies and "Set-Cookie" not in str(response.headers), (prefix, name)
    assert got["not-found"].status_code == 404 and got["refused"].status_code == 403
    return {name: response.content.decode() for name, response in got.items()}


def test_every_public_page_is_in_welsh_and_polish_with_nothing_left_in_english(police_api):
    english = public_pages("")
    for tag in ["cy", "pl"]:
        for name, html in public_pages(PREFIXES[tag]).items():
            assert page_lang(html) == tag, (tag, name)
            left = untranslated(english[name], html, data=frozenset({TYPED}))
            assert not left, (tag, name, left)


@pytest.mark.parametrize("tag", PREFIXES)
def test_each_page_links_to_itself_in_every_language(police_api, tag: str):
    html = Client().get(PREFIXES[tag] + "/follow-up/").content.decode()
    assert f'<html lang="{tag}"' in html
    assert alternates(html) == {
        "en-GB": "http://testserver/follow-up/",
        "x-default": "http://testserver/follow-up/",
        "cy": "http://testserver/cy/follow-up/",
        "pl": "http://testserver/pl/follow-up/",
    }
    assert switcher(html) == [
        ("/follow-up/", "en-GB", "en-GB"),
        ("/cy/follow-up/", "cy", "cy"),
        ("/pl/follow-up/", "pl", "pl"),
    ]


def test_the_police_words_are_marked_english_on_a_welsh_page(police_api):
    html = Client().get("/cy/").content.decode()
    assert '<span lang="en">Wanted: robbery</span>' in html
    assert 'lang="en">Armed robbery at a petrol station.</p>' in html
    assert 'lang="en"' not in Client().get("/").content.decode().split("<main", 1)[1]


def test_an_anonymous_report_stays_in_polish_to_the_receipt(police_api):
    client = Client(**SAME_ORIGIN)
    start = client.get("/pl/appeals/W-7KQ2/", {"now": "no"})
    assert start.status_code == 302 and start["Location"] == "/pl/appeals/W-7KQ2/form/"
    url = start["Location"]
    form = client.get(url).content.decode()
    assert 'action="/pl/appeals/W-7KQ2/form/"' in form and "Powiedz nam anonimowo" in form
    thanks = client.post(url, {"form_token": form_token(client, url), "details": TYPED})
    assert "Dziękujemy: mamy twoje informacje" in thanks.content.decode()
    back = client.post("/pl/follow-up/", {"receipt": receipt_of(thanks)}).content.decode()
    assert "Twoje informacje" in back and "Policja o nic nie zapytała" in back


def test_the_operators_pages_stay_english_without_a_switcher():
    html = Client().get("/operators/login/").content.decode()
    assert '<html lang="en-GB"' in html and "lk-languages__list" not in html
    assert Client().get("/cy/operators/login/").status_code == 404
