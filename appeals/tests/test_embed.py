"""The partner embed: released information only, filters validated, framable only by the listed partners."""

import pytest
from django.test import Client

from appeals import services
from appeals.models import AppealKind
from appeals.views.embed import EMBED_PAGE_SIZE

from .factories import add_image, assess, draft, published, senior, submitted

pytestmark = pytest.mark.django_db

PARTNER = "https://partner.example"


def frame_ancestors(response) -> str:  # type: ignore[no-untyped-def]
    policy = response["Content-Security-Policy"]
    return next(d for d in policy.split(";") if d.strip().startswith("frame-ancestors")).strip()


def test_the_embed_shows_published_appeals_only_with_links_to_our_site(client: Client):
    live = published(subject_name="Pat Embedded")
    draft(subject_name="Dee Draft")
    submitted(subject_name="Wanda Waiting")
    response = client.get("/embed/appeals/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Pat Embedded" in html
    assert "Dee Draft" not in html and "Wanda Waiting" not in html
    assert f'href="http://testserver/appeals/{live.reference}/" target="_blank" rel="noopener"' in html
    assert "<script" not in html and "style=" not in html
    assert response.cookies == {}


def test_the_embed_shows_only_released_details_and_drops_a_closed_appeal(
    client: Client, django_capture_on_commit_callbacks
):
    unnamed = draft(subject_name="Quinn Unreleased", areas="Secretton")
    add_image(unnamed)
    assess(unnamed, released=["age"])
    unnamed = services.appeal_submit(appeal=unnamed, actor=unnamed.author)
    services.appeal_authorise(appeal=unnamed, officer=senior(), reason="Proportionate.")
    closing = published(subject_name="Nell Closing")
    html = client.get("/embed/appeals/").content.decode()
    assert unnamed.reference in html and "Do you recognise this person?" in html
    assert "Quinn" not in html and "Secretton" not in html
    assert "Nell Closing" in html
    with django_capture_on_commit_callbacks(execute=True):  # the purge runs on commit, as in production
        services.appeal_close(appeal=closing, actor=closing.author, outcome="located")
    html = client.get("/embed/appeals/").content.decode()
    assert "Nell Closing" not in html and closing.reference not in html


def test_kind_and_area_filter_the_embed(client: Client):
    wanted = published(subject_name="Wes Wanted", areas="Eastbrook")
    missing = published(AppealKind.MISSING, subject_name="Mia Missing", areas="Millford")
    html = client.get("/embed/appeals/?kind=missing").content.decode()
    assert missing.reference in html and wanted.reference not in html
    html = client.get("/embed/appeals/?area=eastbrook").content.decode()
    assert wanted.reference in html and missing.reference not in html
    html = client.get("/embed/appeals/?area=Nowhere").content.decode()
    assert "There are no current appeals here." in html


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("kind=dangerous", "Choose kind=wanted or kind=missing"),
        ("area=%3Cscript%3E", "Give area= as the name of a town or district"),
        ("area=" + "a" * 61, "up to 60 characters"),
        ("page=two", "Give page= as a whole number"),
        ("page=0", "Give page= as a whole number"),
    ],
)
def test_bad_filters_are_a_clear_message_not_a_server_error(client: Client, query: str, message: str):
    response = client.get(f"/embed/appeals/?{query}")
    assert response.status_code == 400
    assert message in response.content.decode()


def test_the_embed_is_paginated(client: Client):
    for n in range(EMBED_PAGE_SIZE + 1):
        published(subject_name=f"Person Number{n}", age_min=20 + n)
    first = client.get("/embed/appeals/").content.decode()
    assert first.count('class="lke__item"') == EMBED_PAGE_SIZE
    assert 'href="?page=2"' in first and "Page 1 of 2" in first
    second = client.get("/embed/appeals/?page=2").content.decode()
    assert second.count('class="lke__item"') == 1
    assert client.get("/embed/appeals/?page=99").status_code == 200  # past the end: the last page


def test_only_the_embed_is_framable_and_only_by_listed_partners(client: Client, settings):
    settings.LOOKOUT_EMBED_FRAME_ANCESTORS = [PARTNER, "http://127.0.0.1:9121"]
    published()
    embed = client.get("/embed/appeals/")
    assert "X-Frame-Options" not in embed
    assert frame_ancestors(embed) == f"frame-ancestors {PARTNER} http://127.0.0.1:9121"
    policy = embed["Content-Security-Policy"]
    assert "script-src 'self'" in policy and "default-src 'self'" in policy
    for path in ["/", "/appeals/", "/how-to-help/", "/report/", "/staff/login/", "/appeals/feed.atom"]:
        response = client.get(path)
        assert response["X-Frame-Options"] == "DENY", path
        assert frame_ancestors(response) == "frame-ancestors 'none'", path


def test_with_no_partners_listed_nobody_may_frame_the_embed(client: Client, settings):
    settings.LOOKOUT_EMBED_FRAME_ANCESTORS = []
    assert frame_ancestors(client.get("/embed/appeals/")) == "frame-ancestors 'none'"
