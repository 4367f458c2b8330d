"""The Atom and JSON feeds: valid documents, released information only, filters, conditional GET, takedown."""

import json
import re
import xml.etree.ElementTree as ET
from datetime import datetime, timedelta
from typing import Any

import pytest
from django.test import Client
from django.utils import timezone
from django.utils.http import http_date

from appeals import services
from appeals.feeds import entries
from appeals.models import Appeal, AppealKind, Outcome, PublicityAssessment
from appeals.public_cache import purge_public_cache

from .factories import add_image, assess, draft, published, senior

pytestmark = pytest.mark.django_db
ATOM = "{http://www.w3.org/2005/Atom}"


def atom(client: Client, query: str = "") -> ET.Element:
    response = client.get(f"/appeals/feed.atom{query}")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/atom+xml; charset=utf-8"
    return ET.fromstring(response.content)  # noqa: S314 - our own response, parsed as a reader's stdlib would


def json_feed(client: Client, query: str = "") -> dict[str, Any]:
    response = client.get(f"/appeals/feed.json{query}")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/feed+json")
    document: dict[str, Any] = json.loads(response.content)
    return document


def atom_refs(root: ET.Element) -> set[str]:
    return {e.findtext(f"{ATOM}id", "").rstrip("/").rsplit("/", 1)[-1] for e in root.iter(f"{ATOM}entry")}


def json_refs(document: dict[str, Any]) -> set[str]:
    return {item["_lookout"]["reference"] for item in document["items"]}


def settled(*appeals: Appeal) -> None:
    """Date the appeals' last change an hour back, as if published a while ago (Last-Modified waits to settle)."""
    Appeal.objects.filter(pk__in=[a.pk for a in appeals]).update(updated_at=timezone.now() - timedelta(hours=1))
    PublicityAssessment.objects.filter(appeal__in=appeals).update(updated_at=timezone.now() - timedelta(hours=1))
    purge_public_cache()


def rfc3339(text: str) -> datetime:
    moment = datetime.fromisoformat(text)
    assert moment.tzinfo is not None and "T" in text, text
    return moment


def test_atom_is_a_valid_feed_with_the_released_summary_image_and_report_link(client: Client):
    appeal = published(areas="Eastbrook, Millford")
    root = atom(client)
    assert root.tag == f"{ATOM}feed"
    for required in ["title", "id", "updated", "author/{ns}name", "subtitle"]:
        assert root.findtext(f"{ATOM}{required.format(ns=ATOM)}"), required
    rfc3339(root.findtext(f"{ATOM}updated", ""))
    assert "50 a page (page 1 of 1" in root.findtext(f"{ATOM}subtitle", "")
    self_link = root.find(f"{ATOM}link[@rel='self']")
    assert self_link is not None and self_link.get("href") == "http://testserver/appeals/feed.atom"
    (entry,) = root.findall(f"{ATOM}entry")
    assert entry.findtext(f"{ATOM}title") == "Robin Testperson"
    assert entry.findtext(f"{ATOM}id") == f"http://testserver/appeals/{appeal.reference}/"
    assert rfc3339(entry.findtext(f"{ATOM}published", "")) <= rfc3339(entry.findtext(f"{ATOM}updated", ""))
    assert entry.findtext(f"{ATOM}summary") == "Wanted: robbery"
    assert "Often seen near the canal." in entry.findtext(f"{ATOM}content", "")
    links = {link.get("rel"): link.get("href", "") for link in entry.findall(f"{ATOM}link")}
    assert links["alternate"] == f"http://testserver/appeals/{appeal.reference}/"
    assert links["related"] == f"http://testserver/appeals/{appeal.reference}/report/"
    assert links["enclosure"].startswith(f"http://testserver/appeals/{appeal.reference}/images/")
    assert client.get(links["enclosure"].removeprefix("http://testserver")).status_code == 200
    assert [c.get("term") for c in entry.findall(f"{ATOM}category")] == ["wanted", "Eastbrook", "Millford"]


def test_json_feed_has_the_json_feed_1_1_shape(client: Client):
    appeal = published(AppealKind.MISSING, areas="Harbourside")
    document = json_feed(client)
    assert document["version"] == "https://jsonfeed.org/version/1.1"
    assert document["title"] and document["home_page_url"] == "http://testserver/appeals/"
    assert document["feed_url"] == "http://testserver/appeals/feed.json"
    assert document["_lookout"] == {"limit": 50, "total": 1, "truncated": False, "page": 1, "pages": 1}
    (item,) = document["items"]
    assert item["id"] == item["url"] == f"http://testserver/appeals/{appeal.reference}/"
    assert item["summary"] == "Missing from Millford station"
    assert "We are worried for them." not in item["content_text"]  # vulnerability is not released by default
    assert item["image"].startswith("http://testserver/appeals/")
    assert item["tags"] == ["missing", "Harbourside"]
    assert item["_lookout"]["report_url"] == f"http://testserver/appeals/{appeal.reference}/report/"
    assert rfc3339(item["date_published"]) <= rfc3339(item["date_modified"])


def test_feeds_filter_by_kind_and_area_case_insensitively(client: Client):
    wanted = published(subject_name="Walter Wanted", areas="Eastbrook")
    missing = published(AppealKind.MISSING, subject_name="Molly Missing", areas="Harbourside")
    assert json_refs(json_feed(client, "?kind=missing")) == {missing.reference}
    assert atom_refs(atom(client, "?kind=WANTED")) == {wanted.reference}
    assert json_refs(json_feed(client, "?area=eastBROOK")) == {wanted.reference}
    assert atom_refs(atom(client, "?area=harbourside&kind=missing")) == {missing.reference}
    assert atom_refs(atom(client, "?area=harbourside&kind=wanted")) == set()
    assert json_feed(client, "?area=Nowhere")["items"] == []
    assert atom(client, "?area=Nowhere").findall(f"{ATOM}entry") == []
    assert json_refs(json_feed(client, "?kind=&area=")) == {wanted.reference, missing.reference}


def test_area_filter_matches_released_areas_only(client: Client):
    appeal = draft(areas="Secretville")
    add_image(appeal)
    assess(appeal, released=["name", "description"])
    services.appeal_submit(appeal=appeal, actor=appeal.author)
    services.appeal_authorise(appeal=appeal, officer=senior(), reason="Proportionate.")
    assert json_feed(client, "?area=secretville")["items"] == []
    assert json_refs(json_feed(client)) == {appeal.reference}


def test_an_unknown_kind_is_a_clear_400(client: Client):
    response = client.get("/appeals/feed.json", {"kind": "fugitive"})
    assert response.status_code == 400 and response["Content-Type"] == "application/json"
    error = json.loads(response.content)["error"]
    assert error["code"] == "unknown_kind" and error["allowed"] == ["wanted", "missing"]
    assert "wanted, missing" in error["message"]
    response = client.get("/appeals/feed.atom", {"kind": "<b>fugitive</b>"})
    assert response.status_code == 400 and response["Content-Type"] == "text/plain; charset=utf-8"
    assert b"wanted, missing" in response.content


def test_feeds_say_when_they_are_capped(client: Client, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setattr(entries, "FEED_LIMIT", 1)
    published(subject_name="Older One")
    newer = published(subject_name="Newer One")
    document = json_feed(client)
    assert json_refs(document) == {newer.reference}
    assert document["_lookout"] == {"limit": 1, "total": 2, "truncated": True, "page": 1, "pages": 2}
    assert "1 a page" in document["description"]
    assert "1 of 2 shown" in atom(client).findtext(f"{ATOM}subtitle", "")


@pytest.mark.parametrize("url", ["/appeals/feed.atom", "/appeals/feed.json", "/appeals/feed.json?kind=wanted"])
def test_conditional_get_answers_304_and_headers_match_the_public_pages(client: Client, url: str):
    settled(published())
    first = client.get(url)
    assert first["Cache-Control"] == client.get("/appeals/")["Cache-Control"] == "public, max-age=0, s-maxage=1"
    etag, last_modified = first["ETag"], first["Last-Modified"]
    by_etag = client.get(url, HTTP_IF_NONE_MATCH=etag)
    assert by_etag.status_code == 304 and by_etag.content == b"" and by_etag["ETag"] == etag
    assert client.get(url, HTTP_IF_MODIFIED_SINCE=last_modified).status_code == 304
    assert client.get(url, HTTP_IF_NONE_MATCH='"something-else"').status_code == 200
    other_filter = client.get(url + ("&" if "?" in url else "?") + "area=eastbrook")
    assert other_filter["ETag"] != etag


def test_the_old_feed_address_redirects_permanently_keeping_the_query(client: Client):
    response = client.get("/appeals/feed/", {"kind": "missing", "area": "Harbourside"})
    assert response.status_code == 301
    assert response["Location"] == "/appeals/feed.atom?kind=missing&area=Harbourside"
    assert client.get("/appeals/feed/")["Location"] == "/appeals/feed.atom"


def test_public_pages_advertise_both_feeds(client: Client):
    html = client.get("/").content.decode()
    assert '<link rel="alternate" type="application/atom+xml"' in html and 'href="/appeals/feed.atom"' in html
    assert '<link rel="alternate" type="application/feed+json"' in html and 'href="/appeals/feed.json"' in html


def test_no_unreleased_field_or_image_reaches_either_feed(client: Client):
    appeal = draft(
        subject_name="Unreleased Namesake",
        aliases="Hiddenalias",
        areas="Secretville",
        vehicle="Purple Lotus, XX00 SEC",
        description="Unreleased description words.",
        distinguishing_features="Unreleased heron tattoo",
        offence_summary="Unreleased offence words.",
        caution_note="May carry a knife.",
        height_cm=183,
    )
    shown = add_image(appeal, seed=1)
    hidden = add_image(appeal, seed=2)
    assess(appeal, released=["age"], images=[shown])
    services.appeal_submit(appeal=appeal, actor=appeal.author)
    services.appeal_authorise(appeal=appeal, officer=senior(), reason="Proportionate.")
    bodies = {
        url: client.get(url).content.decode()
        for url in ["/appeals/feed.atom", "/appeals/feed.json", "/appeals/feed.json?kind=wanted"]
    }
    for url, body in bodies.items():
        assert appeal.reference in body and str(shown.public_id) in body, url
        assert "Age: 30" in body, url  # the released field is there
        assert "May carry a knife." in body, url  # safety advice is shown for every wanted appeal, as on its page
        for secret in [
            "Unreleased", "Namesake", "Hiddenalias", "Secretville", "Purple Lotus", "XX00", "heron",
            "robbery", str(hidden.public_id),
        ]:  # fmt: skip
            assert secret not in body, (url, secret)
        # The height as a number of its own, not the digits of a time ("16:15:25.183151").
        assert not re.search(r"(?<![0-9.:])183(?![0-9])", body), url


@pytest.mark.django_db(transaction=True)  # real commits, so the on-commit cache purge really runs
def test_closing_drops_the_appeal_from_both_feeds_and_every_filter_at_once(client: Client):
    staying = published(subject_name="Still Here", areas="Harbourside")
    appeal = published(subject_name="Gone Soon", areas="Eastbrook")
    settled(staying, appeal)
    urls = ["/appeals/feed.atom", "/appeals/feed.json", "/appeals/feed.atom?kind=wanted&area=EASTBROOK"]
    before = {url: client.get(url) for url in urls}
    for url, response in before.items():
        assert b"Gone Soon" in response.content and response.has_header("Last-Modified"), url

    services.appeal_close(appeal=appeal, actor=appeal.author, outcome=Outcome.ARRESTED)

    for url, response in before.items():
        revalidated = client.get(
            url, HTTP_IF_NONE_MATCH=response["ETag"], HTTP_IF_MODIFIED_SINCE=response["Last-Modified"]
        )
        assert revalidated.status_code == 200, url
        assert b"Gone Soon" not in revalidated.content and appeal.reference.encode() not in revalidated.content
        # A reader that sends only the date it last saw is not told "not modified" either.
        assert client.get(url, HTTP_IF_MODIFIED_SINCE=response["Last-Modified"]).status_code == 200, url
    assert b"Still Here" in client.get("/appeals/feed.json").content
    assert staying.reference.encode() not in client.get(urls[2]).content


def test_a_change_within_the_last_seconds_is_revalidated_by_etag_only(client: Client):
    published()  # changed just now: an HTTP date (whole seconds) cannot tell this change from the next one
    response = client.get("/appeals/feed.json")
    assert not response.has_header("Last-Modified") and response.has_header("ETag")
    future = http_date((timezone.now() + timedelta(days=1)).timestamp())
    assert client.get("/appeals/feed.json", HTTP_IF_MODIFIED_SINCE=future).status_code == 200
    assert client.get("/appeals/feed.json", HTTP_IF_NONE_MATCH=response["ETag"]).status_code == 304


def test_a_real_feed_reader_reads_the_atom_feed_and_sees_a_takedown(client: Client, django_capture_on_commit_callbacks):
    """feedparser, the library most feed readers and aggregators in Python build on, reads the Atom feed without a
    complaint (bozo is its flag for a malformed document), with the released summary, the image and the report
    link; after closing, the entry is gone. (feedparser 6 reads no JSON Feed: that one is checked against the JSON
    Feed 1.1 shape above.)"""
    import feedparser

    appeal = published(areas="Eastbrook")
    page = f"http://testserver/appeals/{appeal.reference}/"
    for path in ["/appeals/feed.atom", "/appeals/feed.atom?kind=wanted&area=eastbrook"]:
        response = client.get(path)
        parsed = feedparser.parse(response.content, response_headers={"content-type": response["Content-Type"]})
        assert not parsed.bozo, (path, parsed.get("bozo_exception"))
        assert parsed.version == "atom10", parsed.version
        assert parsed.feed.title
        (entry,) = parsed.entries
        assert entry.link == page
        assert entry.title == "Robin Testperson"
        assert entry.summary == "Wanted: robbery"
        assert entry.published_parsed and entry.updated_parsed
        links = {link.get("rel"): link.get("href") for link in entry.get("links", [])}
        assert links["related"] == page + "report/"
        assert links["enclosure"].startswith(page + "images/")
    with django_capture_on_commit_callbacks(execute=True):  # as after a real commit: the caches are dropped
        services.appeal_close(appeal=appeal, actor=appeal.author, outcome=Outcome.LOCATED)
    for path in ["/appeals/feed.atom"]:
        response = client.get(path)
        parsed = feedparser.parse(response.content, response_headers={"content-type": response["Content-Type"]})
        assert not parsed.bozo and parsed.entries == [], path
