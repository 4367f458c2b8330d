"""The police service's public pages in English, Welsh and Polish: the address says the language (English
unprefixed, every existing address unchanged), each page links to itself in the others and says its language,
nothing sets a cookie, a report stays in its language to the receipt and back, and no page in Welsh or Polish
says anything its English page says (a string left untranslated)."""

import re

import pytest
from django.test import Client

from appeals import services as appeal_services
from appeals.models import AppealKind, Outcome
from appeals.rules import RuleViolation
from appeals.tests.factories import draft, published
from reportkit.formtoken import form_token_new
from tests.languages import alternates, page_lang, switcher, untranslated

pytestmark = pytest.mark.django_db

PREFIXES = {"en-GB": "", "cy": "/cy", "pl": "/pl"}
SAME_SITE = {"HTTP_SEC_FETCH_SITE": "same-origin"}  # as every current browser says on our own pages
RECEIPT = re.compile(r'id="receipt-code">([0-9A-Z-]+)<')
TYPED = "Gwelais i nhw ger y gamlas ddoe"  # what the reporter typed, shown back to them as it is


def _appeals() -> tuple[str, str, str]:
    wanted = published(subject_name="Riley Example", caution_note="He may carry a knife.")
    missing = published(AppealKind.MISSING, subject_name="Jordan Sample")
    ended = published(subject_name="Casey Closed")
    appeal_services.appeal_close(appeal=ended, actor=ended.author, outcome=Outcome.ARRESTED)
    return wanted.reference, missing.reference, ended.reference


def _report(client: Client, prefix: str, wanted: str) -> str:
    data = {"token": form_token_new("report"), "details": TYPED}
    response = client.post(f"{prefix}/appeals/{wanted}/report/form/", data)
    match = RECEIPT.search(response.content.decode())
    assert match, response.content.decode()
    return match.group(1)


def public_pages(client: Client, prefix: str, wanted: str, missing: str, ended: str) -> dict[str, str]:
    """Every kind of public page in one language, by name: each step of both journeys, the follow-up, the 999
    notice, errors and the 410 page."""
    got = {
        name: client.get(prefix + path)
        for name, path in {
            "home": "/",
            "list": "/appeals/",
            "list-none": "/appeals/?q=zzzz",
            "wanted": f"/appeals/{wanted}/",
            "missing": f"/appeals/{missing}/",
            "how-to-help": "/how-to-help/",
            "start": f"/appeals/{wanted}/report/",
            "start-error": f"/appeals/{wanted}/report/?now=&asked=1",
            "999-wanted": f"/appeals/{wanted}/report/?now=yes",
            "999-missing": f"/appeals/{missing}/report/?now=yes",
            "general-start": "/report/",
            "general-999": "/report/?now=yes",
            "form": f"/appeals/{wanted}/report/form/",
            "form-missing": f"/appeals/{missing}/report/form/",
            "general-form": "/report/form/?urgent=1",
            "follow-up": "/follow-up/",
            "not-found": "/appeals/zzz/nothing/",
            "ended": f"/appeals/{ended}/",
            "embed": "/embed/appeals/",
            "embed-missing": "/embed/appeals/?kind=missing",
        }.items()
    }
    code = _report(client, prefix, wanted)
    got |= {
        "form-errors": client.post(f"{prefix}/report/form/", {"token": form_token_new("report")}),
        "thanks": client.post(
            f"{prefix}/appeals/{wanted}/report/form/", {"token": form_token_new("report"), "details": TYPED}
        ),
        "follow-up-report": client.post(f"{prefix}/follow-up/", {"receipt": code}),
        "follow-up-wrong": client.post(f"{prefix}/follow-up/", {"receipt": "0000-0000"}),
        "refused": client.post(f"{prefix}/report/form/", {"details": "x"}, HTTP_SEC_FETCH_SITE="cross-site"),
    }
    assert got["ended"].status_code == 410 and got["not-found"].status_code == 404
    assert got["refused"].status_code == 403
    return {name: response.content.decode() for name, response in got.items()}


def test_every_public_page_is_in_welsh_and_polish_with_nothing_left_in_english():
    client = Client(**SAME_SITE)
    wanted, missing, ended = _appeals()
    english = public_pages(client, "", wanted, missing, ended)
    data = frozenset({TYPED})
    for tag in ["cy", "pl"]:
        translated = public_pages(client, PREFIXES[tag], wanted, missing, ended)
        for name, html in translated.items():
            assert page_lang(html) == tag, (tag, name)
            left = untranslated(english[name], html, data=data)
            assert not left, (tag, name, left)


def test_the_checker_finds_a_string_left_in_english():
    """The check above can fail: a page in Welsh with one English sentence still in it is caught."""
    english = '<html lang="en-GB"><body><p>Tell us what you know</p><p>Riley Example</p></body></html>'
    welsh = '<html lang="cy"><body><p>Tell us what you know</p><p>Riley Example</p></body></html>'
    assert untranslated(english, welsh) == {"Tell us what you know"}
    marked = '<html lang="cy"><body><p lang="en">Tell us what you know</p></body></html>'
    assert untranslated(english, marked) == set()


@pytest.mark.parametrize("tag", PREFIXES)
def test_each_page_links_to_itself_in_every_language_and_says_its_own(tag: str):
    wanted = published(subject_name="Riley Example")
    path = f"/appeals/{wanted.reference}/report/?now=no&asked=1"
    response = Client(**SAME_SITE).get(PREFIXES[tag] + f"/appeals/{wanted.reference}/")
    html = response.content.decode()
    assert f'<html lang="{tag}"' in html
    same = f"/appeals/{wanted.reference}/"
    assert alternates(html) == {
        "en-GB": f"http://testserver{same}",
        "x-default": f"http://testserver{same}",
        "cy": f"http://testserver/cy{same}",
        "pl": f"http://testserver/pl{same}",
    }
    assert switcher(html) == [(same, "en-GB", "en-GB"), (f"/cy{same}", "cy", "cy"), (f"/pl{same}", "pl", "pl")]
    current = re.search(r'<a href="([^"]+)" lang="[^"]+" hreflang="[^"]+" aria-current="true"', html)
    assert current and current.group(1) == PREFIXES[tag] + same
    # The query string is kept: a step of the journey links to the same step.
    step = Client(**SAME_SITE).get(PREFIXES[tag] + path.replace("now=no&", "")).content.decode()
    assert (f"/cy/appeals/{wanted.reference}/report/?asked=1", "cy", "cy") in switcher(step)
    assert not response.cookies and "Set-Cookie" not in str(response.headers)


def test_english_addresses_are_unchanged_and_the_browser_language_is_not_used():
    wanted = published(subject_name="Riley Example")
    for path in ["/", "/appeals/", f"/appeals/{wanted.reference}/", "/how-to-help/", "/report/", "/follow-up/"]:
        response = Client(**SAME_SITE).get(path, HTTP_ACCEPT_LANGUAGE="cy-GB,cy;q=0.9,pl;q=0.8")
        assert response.status_code == 200, path
        assert '<html lang="en-GB"' in response.content.decode(), path
        assert not response.cookies
    assert Client(**SAME_SITE).get("/en-gb/appeals/").status_code == 404  # English has one address, unprefixed


def test_a_report_stays_in_welsh_to_the_receipt_and_the_follow_up():
    client = Client(**SAME_SITE)
    wanted = published(subject_name="Riley Example")
    start = client.get(f"/cy/appeals/{wanted.reference}/report/", {"now": "no"})
    assert start.status_code == 302 and start["Location"] == f"/cy/appeals/{wanted.reference}/report/form/"
    form = client.get(start["Location"]).content.decode()
    assert f'action="/cy/appeals/{wanted.reference}/report/form/"' in form
    assert "Beth rydych chi eisiau ei ddweud wrthym?" in form
    thanks = client.post(start["Location"], {"token": form_token_new("report"), "details": TYPED})
    html = thanks.content.decode()
    assert "Diolch: mae eich gwybodaeth gennym" in html and 'href="/cy/follow-up/"' in html
    code = RECEIPT.search(html).group(1)  # type: ignore[union-attr]
    back = client.post("/cy/follow-up/", {"receipt": code}).content.decode()
    assert "Eich gwybodaeth" in back and 'action="/cy/follow-up/reply/"' in back
    reply = client.post(
        "/cy/follow-up/reply/", {"token": form_token_new("follow_up"), "receipt": code, "body": "Rhagor"}
    ).content.decode()
    assert "Diolch. Rydyn ni wedi ychwanegu hyn at eich gwybodaeth." in reply


def test_staff_pages_stay_english_without_a_switcher():
    client = Client()
    html = client.get("/staff/login/").content.decode()
    assert '<html lang="en-GB"' in html and "lk-languages__list" not in html
    assert client.get("/cy/staff/login/").status_code == 404


def test_an_appeals_welsh_words_are_shown_on_the_welsh_page_and_english_is_marked_where_there_are_none():
    appeal = published(
        description="Often seen near the canal.",
        description_cy="Yn aml yn cael ei weld ger y gamlas.",
        caution_note="He may carry a knife.",
    )
    welsh = Client(**SAME_SITE).get(f"/cy/appeals/{appeal.reference}/").content.decode()
    assert "Yn aml yn cael ei weld ger y gamlas." in welsh and "Often seen near the canal." not in welsh
    assert '<span lang="en">He may carry a knife.</span>' in welsh  # no Welsh caution was given
    polish = Client(**SAME_SITE).get(f"/pl/appeals/{appeal.reference}/").content.decode()
    assert '<p class="govuk-body" lang="en">Often seen near the canal.' in polish
    english = Client(**SAME_SITE).get(f"/appeals/{appeal.reference}/").content.decode()
    assert "Often seen near the canal." in english and "ger y gamlas" not in english
    assert 'lang="en"' not in english.split("<main", 1)[1]


def test_the_welsh_words_are_authorised_with_the_english_and_cannot_change_after():
    """Only a draft can be changed: the authorisation covers the Welsh text as it was when it was given, and a
    change to it (as to the English) needs a new draft and a new authorisation."""
    appeal = draft(description_cy="Testun cyntaf.")
    appeal = appeal_services.appeal_update(appeal=appeal, actor=appeal.author, data={"description_cy": "Ail destun."})
    assert appeal.description_cy == "Ail destun."
    live = published(description_cy="Testun wedi'i awdurdodi.")
    with pytest.raises(RuleViolation) as refused:
        appeal_services.appeal_update(appeal=live, actor=live.author, data={"description_cy": "Newid."})
    assert refused.value.code == "not_draft"
    live.refresh_from_db()
    assert live.description_cy == "Testun wedi'i awdurdodi."


@pytest.mark.parametrize("prefix", ["", "/cy", "/pl"])
def test_a_request_for_a_host_we_do_not_serve_is_a_400_in_any_language(prefix: str):
    response = Client().get(prefix + "/appeals/", HTTP_HOST="elsewhere.example")
    assert response.status_code == 400
    assert '<link rel="alternate" hreflang' not in response.content.decode()
