"""Every public page of both services, under the servers `make demo` runs (gunicorn, deploy/gunicorn_conf.py,
the demo settings), loads every stylesheet, script and image it references: Chromium records every response,
and the test fails on any 4xx/5xx subresource and on any request to another host (no third-party resources).

The browser tests that use Django's live server serve static files their own way, which is how the charity
came to be unstyled under `make demo`; this test goes through the real servers."""

import json
import os
import urllib.parse
import urllib.request
from collections.abc import Iterator
from typing import Any

import pytest

from independent.tests.e2e import Running, run_both

pytestmark = pytest.mark.e2e


@pytest.fixture(scope="module", params=["demo", "production"])
def running(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Running]:
    production = request.param == "production"
    if production and not os.environ.get("DATABASE_URL", "").startswith("postgres"):
        pytest.skip("the production profile runs on PostgreSQL only (production settings refuse SQLite)")
    with run_both(tmp_path_factory.mktemp("subresources"), production=production) as services:
        yield services


def _references(police_url: str) -> dict[str, str]:
    url = f"{police_url}/api/v1/public/appeals?page_size=100"
    with urllib.request.urlopen(url, timeout=10) as response:  # noqa: S310
        appeals = json.loads(response.read())["items"]
    return {kind: next(a["reference"] for a in appeals if a["kind"] == kind) for kind in ("wanted", "missing")}


# The partner embed has no script at all (ADR 0040): its own stylesheet and the released thumbnails only.
SCRIPT_FREE = {"/embed/appeals/"}


def public_pages(running: Running) -> list[str]:
    police, independent = running[0].url, running[1].url
    refs = _references(police)
    wanted, missing = refs["wanted"], refs["missing"]
    return [
        *(
            police + path
            for path in (
                "/",
                "/appeals/",
                f"/appeals/{wanted}/",
                f"/appeals/{missing}/",
                "/how-to-help/",
                "/embed/appeals/",
                "/api/v1/docs",
                "/report/",
                "/report/form/",
                "/report/?now=yes",
                f"/appeals/{wanted}/report/",
                f"/appeals/{wanted}/report/form/",
                "/follow-up/",
                "/staff/login/",
            )
        ),
        *(
            independent + path
            for path in (
                "/",
                f"/appeals/{wanted}/",
                f"/appeals/{wanted}/form/",
                "/report/",
                "/report/form/",
                "/report/?now=yes",
                "/follow-up/",
                "/operators/login/",
            )
        ),
    ]


def load(chromium: Any, url: str) -> tuple[int, list[tuple[str, str, int]], list[str]]:
    """The page's status, every subresource response (type, URL, status), and every failed request."""
    context = chromium.new_context()  # the real Content-Security-Policy applies
    page = context.new_page()
    responses: list[tuple[str, str, int]] = []
    failed: list[str] = []
    page.on("response", lambda r: responses.append((r.request.resource_type, r.url, r.status)))
    page.on("requestfailed", lambda r: failed.append(f"{r.url} ({r.failure})"))
    try:
        document = page.goto(url, wait_until="networkidle")
        assert document is not None
        return document.status, [r for r in responses if r[1] != document.url], failed
    finally:
        context.close()


def test_every_public_page_loads_every_subresource_from_its_own_host(running: Running, chromium: Any) -> None:
    pages = public_pages(running)
    checked = 0
    for url in pages:
        status, subresources, failed = load(chromium, url)
        own = urllib.parse.urlsplit(url).netloc
        assert status == 200, (url, status)
        assert not failed, (url, failed)
        kinds = {kind for kind, _u, _s in subresources}
        if urllib.parse.urlsplit(url).path in SCRIPT_FREE:
            assert "stylesheet" in kinds and "script" not in kinds, (url, subresources)
        else:
            assert {"stylesheet", "script"} <= kinds, (url, subresources)
        for kind, sub_url, sub_status in subresources:
            assert urllib.parse.urlsplit(sub_url).netloc == own, f"{url} requested another host: {sub_url}"
            assert sub_status < 400, f"{url}: {kind} {sub_url} answered {sub_status}"
            checked += 1
    print(f"\n{len(pages)} pages, {checked} subresources loaded")
