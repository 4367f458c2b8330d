"""Public pages: what each status answers, what is shown, and how fast a takedown reaches every surface."""

import re
import time

import pytest
from django.test import Client
from django.urls import reverse

from appeals import services
from appeals.models import AppealKind, Outcome

from .factories import draft, published, submitted

pytestmark = pytest.mark.django_db


def image_urls(html: str) -> list[str]:
    return re.findall(r'src="(/appeals/[^"]+\.jpg)"', html)


def test_gallery_lists_published_appeals_only(client: Client):
    live = published(subject_name="Pat Published")
    hidden_draft = draft(subject_name="Dee Draft")
    waiting = submitted(subject_name="Wanda Waiting")
    html = client.get("/").content.decode()
    assert "Pat Published" in html and live.reference in html
    assert "Dee Draft" not in html and hidden_draft.reference not in html
    assert "Wanda Waiting" not in html and waiting.reference not in html


def test_published_appeal_page_shows_released_details_and_the_999_advice(client: Client):
    appeal = published(distinguishing_features="heron tattoo")
    response = client.get(f"/appeals/{appeal.reference}/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Robin Testperson" in html
    assert 'href="tel:999"' in html
    assert "Do not approach or confront" in html
    assert "0800 555 111" in html
    assert "heron tattoo" not in html  # features were not released


def test_missing_person_page_uses_caring_words_and_no_crime_words(client: Client):
    appeal = published(AppealKind.MISSING, subject_name="Mia Missing", age_min=40)
    html = client.get(f"/appeals/{appeal.reference}/").content.decode()
    main = html.split('id="main-content"')[1].split("</main>")[0].lower()
    for word in ("wanted", "offence", "crime", "confront", "suspect", "arrest"):
        assert word not in main, word
    assert "safe" in main and "tel:999" in main


@pytest.mark.parametrize("make", [draft, submitted])
def test_unpublished_appeals_are_404_and_never_leak(client: Client, make):
    appeal = make(subject_name="Secret Person")
    response = client.get(f"/appeals/{appeal.reference}/")
    assert response.status_code == 404
    assert b"Secret Person" not in response.content
    assert client.get("/appeals/", {"q": "secret"}).content.count(b"Secret Person") == 0
    image = appeal.images.first()
    if image:
        url = reverse("appeals:image", args=[appeal.reference, image.public_id, "full"])
        assert client.get(url).status_code == 404


def test_unknown_reference_is_404(client: Client):
    assert client.get("/appeals/W-ZZZZ/").status_code == 404


def test_lower_case_reference_redirects_to_the_canonical_one(client: Client):
    appeal = published()
    response = client.get(f"/appeals/{appeal.reference.lower()}/")
    assert response.status_code == 302 and response["Location"] == f"/appeals/{appeal.reference}/"


@pytest.mark.django_db(transaction=True)  # real commits, so the on-commit cache purge really runs
def test_closing_takes_the_appeal_down_from_every_public_surface_within_a_second(client: Client):
    appeal = published(subject_name="Gone Soon")
    page = client.get(f"/appeals/{appeal.reference}/").content.decode()
    images = image_urls(page)
    assert images and all(client.get(u).status_code == 200 for u in images)
    assert b"Gone Soon" in client.get("/").content  # the gallery is now cached
    assert b"Gone Soon" in client.get("/appeals/feed.atom").content
    copies = [reverse(f"appeals:{name}", args=[appeal.reference]) for name in ("card", "poster")]
    assert [client.get(u).status_code for u in copies] == [200, 200]  # drawn and now cached

    started = time.monotonic()
    services.appeal_close(appeal=appeal, actor=appeal.author, outcome=Outcome.ARRESTED)
    ended = client.get(f"/appeals/{appeal.reference}/")
    surfaces = {
        "gallery": client.get("/").content,
        "list": client.get("/appeals/").content,
        "search": client.get("/appeals/", {"q": "gone"}).content,
        "feed": client.get("/appeals/feed.atom").content,
        "json feed": client.get("/appeals/feed.json").content,
    }
    image_statuses = [client.get(u).status_code for u in images]
    copy_statuses = [client.get(u).status_code for u in copies]
    elapsed = time.monotonic() - started

    assert ended.status_code == 410
    assert b"This appeal has ended" in ended.content
    assert b"Gone Soon" not in ended.content and b"Robin" not in ended.content
    for name, body in surfaces.items():
        assert b"Gone Soon" not in body, name
        assert appeal.reference.encode() not in body, name
    assert image_statuses == [410] * len(images)
    assert copy_statuses == [410, 410]  # the share card and the poster
    assert elapsed < 1.0


def test_list_filters_by_kind_area_and_text(client: Client):
    wanted = published(subject_name="Walter Wanted", areas="Eastbrook")
    missing = published(AppealKind.MISSING, subject_name="Molly Missing", areas="Harbourside", age_min=50)
    by_kind = client.get("/appeals/", {"kind": "missing"}).content.decode()
    assert missing.reference in by_kind and wanted.reference not in by_kind
    by_area = client.get("/appeals/", {"area": "Eastbrook"}).content.decode()
    assert wanted.reference in by_area and missing.reference not in by_area
    by_text = client.get("/appeals/", {"q": "molly"}).content.decode()
    assert missing.reference in by_text and wanted.reference not in by_text


def test_bad_filter_input_gets_a_clear_message_not_an_error(client: Client):
    published()
    response = client.get("/appeals/", {"kind": "<script>", "area": "Nowhere", "q": "x" * 500})
    assert response.status_code == 200
    assert b"There is a problem" in response.content
    assert b"<script>" not in response.content


def test_unknown_image_size_is_404(client: Client):
    appeal = published()
    image = appeal.images.get()
    assert client.get(reverse("appeals:image", args=[appeal.reference, image.public_id, "huge"])).status_code == 404


def test_public_pages_send_security_headers(client: Client):
    appeal = published()
    for url in ["/", "/appeals/", f"/appeals/{appeal.reference}/", "/how-to-help/"]:
        response = client.get(url)
        csp = response["Content-Security-Policy"]
        assert "script-src 'self'" in csp and "unsafe-inline" not in csp and "default-src 'self'" in csp
        assert response["Referrer-Policy"] == "no-referrer"
        assert response["X-Content-Type-Options"] == "nosniff"
        assert response["X-Frame-Options"] == "DENY"


def test_pages_load_nothing_from_other_sites(client: Client):
    appeal = published()
    for url in ["/", "/appeals/", f"/appeals/{appeal.reference}/", "/how-to-help/"]:
        html = client.get(url).content.decode()
        for attr in re.findall(r'(?:src|href)="([^"]+)"', html):
            # The hreflang links name this site's own pages in full, as search engines need.
            own_page = attr.startswith("http://testserver/")
            assert own_page or not attr.startswith(("http:", "https:", "//")), attr
        assert "<script>" not in html  # no inline script


def test_how_to_help_explains_every_way(client: Client):
    html = client.get("/how-to-help/").content.decode()
    for phrase in ["999", "Never approach", "Confidential", "Anonymous", "independent charity", "missing"]:
        assert phrase in html


def test_post_to_a_public_page_is_refused_plainly(client: Client):
    response = client.post("/")
    assert response.status_code == 405


def test_share_card_points_at_our_card_which_stops_resolving_on_close(
    client: Client, django_capture_on_commit_callbacks
):
    appeal = published()
    html = client.get(f"/appeals/{appeal.reference}/").content.decode()
    image = re.search(r'<meta property="og:image" content="http://testserver([^"]+)"', html)
    assert image and client.get(image.group(1)).status_code == 200
    with django_capture_on_commit_callbacks(execute=True):  # the purge runs on commit, as in production
        services.appeal_close(appeal=appeal, actor=appeal.author, outcome=Outcome.LOCATED)
    assert client.get(image.group(1)).status_code == 410
