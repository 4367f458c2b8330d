"""Shared test fixtures: staff in each role, and a real Chromium driven by Playwright for browser tests."""

import os
import urllib.parse
from collections.abc import Iterator
from pathlib import Path

import pytest

# Playwright's sync API runs an event loop in the test thread; the ORM calls the tests make alongside it
# are still synchronous and safe.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = "/usr/bin/chromium"
AXE_JS = Path(__file__).parent / "node_modules" / "axe-core" / "axe.min.js"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(autouse=True)
def _clear_cache() -> Iterator[None]:
    from django.core.cache import cache

    from lookout.task_queue import forget_queued_runs

    cache.clear()
    forget_queued_runs()  # the runs a test queued went with its database
    yield
    cache.clear()
    forget_queued_runs()


@pytest.fixture
def same_origin_client():  # type: ignore[no-untyped-def]
    """A browser on our own pages: every current browser says so (Sec-Fetch-Site), and the public forms
    refuse a post that does not (reportkit.formtoken.same_origin)."""
    from django.test import Client

    return Client(HTTP_SEC_FETCH_SITE="same-origin")


@pytest.fixture
def database_queue(settings):  # type: ignore[no-untyped-def]
    """Production's queue (a table in the same database) and its windows, so work queued on commit is queued,
    not run in the test, and the reports of a window share one run (lookout.task_queue)."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    settings.AUDIT_SEAL_WINDOW_SECONDS = 60
    settings.DESK_ENRICH_WINDOW_SECONDS = 60


@pytest.fixture(scope="session")
def chromium():  # type: ignore[no-untyped-def]
    from playwright.sync_api import sync_playwright

    if not Path(CHROMIUM).exists():
        pytest.fail("Debian's chromium is missing: run `make browser` (the test target does this).")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(chromium):  # type: ignore[no-untyped-def]
    # bypass_csp lets the test inject axe-core; the pages' own CSP is asserted in view tests.
    context = chromium.new_context(bypass_csp=True, viewport={"width": 1024, "height": 800})
    page = context.new_page()
    yield page
    context.close()


def _phone(chromium, javascript: bool):  # type: ignore[no-untyped-def]
    context = chromium.new_context(
        bypass_csp=True, viewport={"width": 360, "height": 740}, java_script_enabled=javascript, is_mobile=True
    )
    yield context.new_page()
    context.close()


@pytest.fixture
def phone_page(chromium):  # type: ignore[no-untyped-def]
    """A small phone with JavaScript turned off (as in Tor Browser's safest mode)."""
    yield from _phone(chromium, javascript=False)


@pytest.fixture
def phone_page_js(chromium):  # type: ignore[no-untyped-def]
    """A small phone with JavaScript on (axe-core needs it to run)."""
    yield from _phone(chromium, javascript=True)


WCAG_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
WCAG_AA_AND_BEST_PRACTICE = [*WCAG_AA, "best-practice"]
WIDTHS = [320, 1280]  # the smallest width WCAG's reflow asks for, and a desktop


@pytest.fixture
def page_at(chromium):  # type: ignore[no-untyped-def]
    """page_at(width): a page with JavaScript on, the given number of CSS px wide."""
    contexts = []

    def make(width: int):  # type: ignore[no-untyped-def]
        context = chromium.new_context(bypass_csp=True, viewport={"width": width, "height": 800})
        contexts.append(context)
        return context.new_page()

    yield make
    for context in contexts:
        context.close()


def axe_violations(page, tags: list[str] = WCAG_AA) -> list[dict]:  # type: ignore[no-untyped-def]
    """Run axe-core (WCAG 2.0/2.1/2.2 A and AA rules, or the given tags) on the page; return its violations."""
    # axe-core needs timers, so it cannot run in a context with JavaScript disabled; check no-JS pages
    # with the same markup in a JS-enabled context instead.
    # After a click that posts a form, the next document may still be loading: axe runs on the loaded page.
    page.wait_for_load_state("load")
    result = page.evaluate(
        """async ([source, tags]) => {
            if (!window.axe) { (0, eval)(source); }
            return await axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']});
        }""",
        [AXE_JS.read_text(), tags],
    )
    return [
        {"id": v["id"], "help": v["help"], "nodes": [n["target"] for n in v["nodes"]]} for v in result["violations"]
    ]


def assert_accessible(page, tags: list[str] = WCAG_AA) -> None:  # type: ignore[no-untyped-def]
    """axe-core finds no WCAG A or AA violation (or none of the given tags) on the page."""
    violations = axe_violations(page, tags)
    assert violations == [], violations


def pytest_ignore_collect(collection_path: Path, config: pytest.Config) -> bool | None:
    """Two services, two settings modules: each pytest run collects only the tests of the service its
    settings describe. `make test` runs both (the independent one with
    --ds=lookout.settings.independent_test); see the Makefile."""
    from django.conf import settings

    independent_run = settings.ROOT_URLCONF == "independent.urls"
    parts = (
        collection_path.relative_to(Path(__file__).parent).parts
        if collection_path.is_relative_to(Path(__file__).parent)
        else ()
    )
    if len(parts) >= 2 and parts[0] == "independent" and parts[1] == "tests":
        return None if independent_run else True
    if independent_run and collection_path.suffix == ".py" and collection_path.name.startswith("test_"):
        return True
    return None


def assert_back_to_start(  # type: ignore[no-untyped-def]
    page, appeal_url: str, start_path: str, neutral_title: str, steps: int, *, leave_for: str = "", receipt: str = ""
) -> None:
    """Reporter safety. Given leave_for, leave the thank-you page (as Exit this page does) and come Back: the
    start page, not the receipt. Then go Back entry by entry until the appeal page: each entry after it is the
    journey's start page (its URL, no query) under a neutral title, and there are no more entries than steps."""
    if leave_for:
        page.goto(leave_for)
        page.go_back()
        page.wait_for_load_state()
        assert urllib.parse.urlsplit(page.url).path == start_path, page.url
        assert receipt not in page.content()
    seen = 0
    while True:
        page.go_back()
        page.wait_for_load_state()
        if page.url == appeal_url:
            break
        url = urllib.parse.urlsplit(page.url)
        assert (url.path, url.query) == (start_path, ""), page.url
        assert page.title() == neutral_title, page.url
        seen += 1
        assert seen <= steps, "more history entries than steps in the journey"
    assert seen >= 1
