"""Every public surface says how it may be cached (docs/adr/0041), answers conditional GETs with 304, and a
takedown reaches the app's own page cache on the very next request; the reporting journey is never kept."""

import re

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from appeals import services
from appeals.models import Outcome
from lookout import http_cache

from .factories import published

pytestmark = pytest.mark.django_db


def surfaces(reference: str, client: Client) -> list[str]:
    """Every public address that shows this appeal, as the public reaches it."""
    html = client.get(f"/appeals/{reference}/").content.decode()
    (full,) = re.findall(r'src="(/appeals/[^"]+/full\.jpg)"', html)
    return [
        "/",
        "/appeals/",
        "/appeals/?kind=wanted",
        f"/appeals/{reference}/",
        full,
        full.replace("full.jpg", "thumb.jpg"),
        "/appeals/feed.atom",
        "/appeals/feed.json",
        "/how-to-help/",
        "/api/v1/public/appeals",
        f"/api/v1/public/appeals/{reference}",
    ]


def test_every_public_surface_is_cacheable_for_a_second_with_a_validator_and_surrogate_keys(client: Client):
    appeal = published()
    for url in surfaces(appeal.reference, client):
        response = client.get(url)
        assert response.status_code == 200, url
        assert response["Cache-Control"] == "public, max-age=0, s-maxage=1", url
        assert "stale-while-revalidate" not in response["Cache-Control"], url
        assert response["ETag"].startswith('"'), url
        keys = response["Surrogate-Key"].split()
        assert "appeals" in keys and response["Cache-Tag"] == ",".join(keys), url
        assert (f"appeal-{appeal.reference}" in keys) == (f"/{appeal.reference}" in url), url
        assert not response.cookies, url


def test_a_conditional_get_with_the_etag_answers_304_on_every_surface(client: Client):
    appeal = published()
    for url in surfaces(appeal.reference, client):
        first = client.get(url)
        again = client.get(url, HTTP_IF_NONE_MATCH=first["ETag"])
        assert again.status_code == 304, url
        assert again.content == b"" and again["ETag"] == first["ETag"], url
        assert again["Cache-Control"] == first["Cache-Control"], url
        assert client.get(url, HTTP_IF_NONE_MATCH='"not-this-one"').status_code == 200, url


def test_an_ended_appeal_is_cacheable_and_no_such_appeal_only_briefly(
    client: Client, django_capture_on_commit_callbacks
):
    appeal = published()
    with django_capture_on_commit_callbacks(execute=True):
        services.appeal_close(appeal=appeal, actor=appeal.author, outcome=Outcome.ARRESTED)
    gone = client.get(f"/appeals/{appeal.reference}/")
    assert gone.status_code == 410 and gone["Cache-Control"] == http_cache.GONE
    assert gone["Surrogate-Key"] == f"appeals appeal-{appeal.reference}"
    missing = client.get("/appeals/W-ZZZZ/")
    assert missing.status_code == 404 and missing["Cache-Control"] == "public, max-age=0, s-maxage=1"


def test_closing_an_appeal_takes_it_off_the_cached_pages_on_the_very_next_request(
    client: Client, django_capture_on_commit_callbacks
):
    appeal = published(subject_name="Casey Cachedperson")
    urls = ["/", "/appeals/", f"/appeals/{appeal.reference}/", "/appeals/feed.json", "/api/v1/public/appeals"]
    for url in urls:
        assert "Casey Cachedperson" in client.get(url).content.decode(), url
    with CaptureQueriesContext(connection) as queries:
        assert "Casey Cachedperson" in client.get(f"/appeals/{appeal.reference}/").content.decode()
    assert len(queries) == 0, [q["sql"][:120] for q in queries]  # served from the page cache, not rendered
    with django_capture_on_commit_callbacks(execute=True):
        services.appeal_close(appeal=appeal, actor=appeal.author, outcome=Outcome.ARRESTED)
    for url in urls:
        assert "Casey Cachedperson" not in client.get(url).content.decode(), url
    assert client.get(f"/appeals/{appeal.reference}/").status_code == 410


def test_a_newly_published_appeal_appears_on_the_cached_gallery_at_once(
    client: Client, django_capture_on_commit_callbacks
):
    client.get("/")  # kept with no appeals
    with django_capture_on_commit_callbacks(execute=True):
        appeal = published(subject_name="Nova Newperson")
    assert "Nova Newperson" in client.get("/").content.decode()
    assert client.get(f"/appeals/{appeal.reference}/").status_code == 200


def test_signed_in_requests_and_unknown_parameters_are_never_served_a_kept_page(client: Client):
    appeal = published()
    client.get(f"/appeals/{appeal.reference}/")
    for extra in [{"HTTP_COOKIE": "sessionid=abc"}, {}]:
        url = f"/appeals/{appeal.reference}/" + ("" if extra else "?utm_source=tv")
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url, **extra).status_code == 200
        assert len(queries) > 0, url  # rendered, not looked up


def test_a_kept_page_carries_the_same_security_headers_and_no_per_response_secret(client: Client):
    appeal = published()
    fresh = client.get(f"/appeals/{appeal.reference}/")
    kept = client.get(f"/appeals/{appeal.reference}/")
    for header in ["Content-Security-Policy", "X-Frame-Options", "Referrer-Policy", "X-Content-Type-Options"]:
        assert kept[header] == fresh[header], header
    assert "nonce-" not in fresh["Content-Security-Policy"]  # nothing in a page is per response
    assert kept.content == fresh.content and kept["ETag"] == fresh["ETag"]
    assert "Set-Cookie" not in kept and not kept.cookies


@pytest.mark.parametrize(
    "path",
    [
        "/appeals/{ref}/report/",
        "/appeals/{ref}/report/?now=yes",
        "/appeals/{ref}/report/form/",
        "/report/",
        "/report/?now=yes",
        "/report/form/",
        "/follow-up/",
    ],
)
def test_the_reporting_journey_is_never_stored(client: Client, path: str):
    appeal = published()
    url = path.format(ref=appeal.reference)
    for _ in range(2):
        response = client.get(url)
        assert response.status_code == 200, url
        assert response["Cache-Control"] == "no-store, max-age=0", url
        assert "Surrogate-Key" not in response and "ETag" not in response, url


def test_a_report_page_for_an_ended_appeal_is_not_stored(client: Client, django_capture_on_commit_callbacks):
    appeal = published()
    with django_capture_on_commit_callbacks(execute=True):
        services.appeal_close(appeal=appeal, actor=appeal.author, outcome=Outcome.ARRESTED)
    response = client.get(f"/appeals/{appeal.reference}/report/")
    assert response.status_code == 410 and response["Cache-Control"] == "no-store, max-age=0"


def test_surrogate_keys_name_the_appeal_in_the_path():
    assert http_cache.surrogate_keys("/appeals/W-AB12/") == ["appeals", "appeal-W-AB12"]
    assert http_cache.surrogate_keys("/appeals/W-AB12/images/x/full.jpg") == ["appeals", "appeal-W-AB12"]
    assert http_cache.surrogate_keys("/api/v1/public/appeals/W-AB12") == ["appeals", "appeal-W-AB12"]
    assert http_cache.surrogate_keys("/api/v1/public/appeals") == ["appeals"]
    assert http_cache.surrogate_keys("/appeals/feed.atom") == ["appeals"]
    assert http_cache.surrogate_keys("/") == ["appeals"]
