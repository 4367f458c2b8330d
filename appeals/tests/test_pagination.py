"""The gallery, the list and the feeds come in pages: ?page= is checked (never a 500), pages link to each other
(rel=prev/next, GOV.UK pagination, no JavaScript needed), and a page costs the same queries however many
appeals a force has."""

import json
import re

import pytest
from django.core.cache import cache
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from appeals.models import Appeal, PublicityAssessment
from appeals.pagination import PAGE_SIZE, NoSuchPage, Page, page_number

from .factories import published

pytestmark = pytest.mark.django_db


def clone_published(count: int) -> list[str]:
    """`count` published appeals, each with its released image: one made through the services, the rest
    copied from it in bulk (as many as a force might have). Returns the references, newest first."""
    template = published()
    image = template.images.get()
    skip = {"id", "reference"}
    fields = {f.attname: getattr(template, f.attname) for f in Appeal._meta.concrete_fields if f.name not in skip}
    made = Appeal.objects.bulk_create([Appeal(**fields, reference=f"W-{n:05d}") for n in range(count - 1)])
    assessment_fields = {
        f.attname: getattr(template.assessment, f.attname)
        for f in PublicityAssessment._meta.concrete_fields
        if f.name not in {"id", "appeal"}
    }
    assessments = PublicityAssessment.objects.bulk_create(
        [PublicityAssessment(**assessment_fields, appeal=a) for a in made]
    )
    through = PublicityAssessment.released_images.through
    through.objects.bulk_create([through(publicityassessment=a, appealimage=image) for a in assessments])
    # Same publication time as the template: the later row is the newer (order by -published_at, -id).
    return [a.reference for a in reversed(made)] + [template.reference]


def gallery_refs(html: str) -> list[str]:
    return re.findall(r'<span class="lk-nowrap">([A-Z]-[A-Z0-9]+)</span>', html)


@pytest.mark.parametrize("value, number", [(None, 1), ("", 1), ("1", 1), ("7", 7), ("10000", 10000)])
def test_a_page_number_is_a_whole_number_from_one(value: str | None, number: int):
    assert page_number(value) == number


@pytest.mark.parametrize("value", ["0", "-1", "two", "1.5", "1e3", "10001", "99999999999999999999", "١", " 2"])
def test_anything_else_is_no_such_page(value: str):
    with pytest.raises(NoSuchPage):
        page_number(value)


def test_pagination_numbers_show_the_ends_and_the_neighbours_with_gaps():
    page = Page(items=[], number=5, count=10 * PAGE_SIZE, per_page=PAGE_SIZE)
    assert page.numbers() == [1, None, 4, 5, 6, None, 10]
    assert Page(items=[], number=1, count=0, per_page=PAGE_SIZE).num_pages == 1


def test_the_gallery_shows_24_a_page_newest_first_with_links_between_pages(client: Client):
    refs = clone_published(PAGE_SIZE * 2 + 3)
    first = client.get("/").content.decode()
    assert gallery_refs(first) == refs[:PAGE_SIZE]
    assert f"Current appeals ({len(refs)})" in first
    assert '<link rel="next" href="/?page=2">' in first and 'rel="prev"' not in first
    assert 'class="govuk-pagination"' in first and 'aria-current="page">1</a>' in first
    second = client.get("/?page=2").content.decode()
    assert gallery_refs(second) == refs[PAGE_SIZE : PAGE_SIZE * 2]
    assert '<link rel="prev" href="/">' in second and '<link rel="next" href="/?page=3">' in second
    third = client.get("/?page=3").content.decode()
    assert gallery_refs(third) == refs[PAGE_SIZE * 2 :] and 'rel="next"' not in third
    assert "page 3 of 3" in third


@pytest.mark.parametrize("query", ["?page=4", "?page=0", "?page=abc", "?page=-2", "?page=99999999999999999999"])
def test_a_bad_or_missing_page_is_a_clear_404_never_a_500(client: Client, query: str):
    clone_published(PAGE_SIZE * 2 + 3)
    for path in ["/", "/appeals/", "/appeals/feed.atom", "/appeals/feed.json"]:
        response = client.get(path + query)
        assert response.status_code == 404, path + query


def test_with_no_appeals_page_one_is_an_empty_gallery(client: Client):
    assert client.get("/").status_code == 200
    assert client.get("/appeals/").status_code == 200
    assert client.get("/?page=2").status_code == 404


def test_the_list_keeps_its_filter_on_every_page_link(client: Client):
    clone_published(PAGE_SIZE + 5)
    html = client.get("/appeals/", {"kind": "wanted", "page": "2"}).content.decode()
    assert len(gallery_refs(html)) == 5
    assert '<link rel="prev" href="/appeals/?kind=wanted">' in html
    assert 'href="/appeals/?kind=wanted&amp;page=2" aria-label="Page 2" aria-current="page"' in html
    assert f"{PAGE_SIZE + 5} appeals match" in html


def test_feeds_come_in_pages_with_rfc5005_links(client: Client, monkeypatch: pytest.MonkeyPatch):
    from appeals.feeds import entries

    monkeypatch.setattr(entries, "FEED_LIMIT", 10)
    refs = clone_published(25)
    first = json.loads(client.get("/appeals/feed.json").content)
    assert [i["_lookout"]["reference"] for i in first["items"]] == refs[:10]
    assert first["next_url"] == "http://testserver/appeals/feed.json?page=2"
    last = json.loads(client.get("/appeals/feed.json?page=3").content)
    assert [i["_lookout"]["reference"] for i in last["items"]] == refs[20:]
    assert "next_url" not in last and last["_lookout"]["pages"] == 3
    atom = client.get("/appeals/feed.atom?page=2").content.decode()
    assert '<link href="http://testserver/appeals/feed.atom?page=3" rel="next"/>' in atom
    assert '<link href="http://testserver/appeals/feed.atom" rel="previous"/>' in atom


PAGES = ["/", "/?page=2", "/appeals/", "/appeals/?page=2", "/appeals/?kind=wanted&page=2", "/appeals/feed.json"]


def queries_per_page(client: Client) -> dict[str, int]:
    counts = {}
    for url in PAGES:
        cache.clear()  # render afresh: what a page costs when nothing is cached
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200, url
        counts[url] = len(queries)
    return counts


def test_a_page_costs_the_same_queries_with_1000_appeals_as_with_50(client: Client):
    clone_published(50)
    with_few = queries_per_page(client)
    Appeal.objects.filter(reference__startswith="W-0").delete()
    clone_published(1000)
    assert Appeal.objects.public().count() == 1001
    assert queries_per_page(client) == with_few
    assert max(with_few.values()) <= 8, with_few
