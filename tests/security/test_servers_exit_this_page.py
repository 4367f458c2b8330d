"""Reporter safety: every reporting page of both services has GOV.UK Frontend's "Exit this page", and it works
as a plain link without JavaScript (and with it), leaving for a neutral page that is not ours.

Both services run for real (as `make demo` runs them); the neutral page is a tiny server of the test's own,
set with LOOKOUT_EXIT_URL as a deployment would."""

import http.server
import re
import threading
import urllib.request
from collections.abc import Iterator
from typing import Any

import pytest

from independent.tests.e2e import Running, free_port, run_both

pytestmark = pytest.mark.e2e


class Neutral(http.server.BaseHTTPRequestHandler):
    def do_GET(self) -> None:  # noqa: N802 - the stdlib's name
        body = b"<!DOCTYPE html><title>Weather</title><h1>Sunny spells</h1>"
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002
        pass


@pytest.fixture(scope="module")
def neutral() -> Iterator[str]:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", free_port()), Neutral)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}/weather"
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="module")
def running(tmp_path_factory: pytest.TempPathFactory, neutral: str) -> Iterator[Running]:
    with run_both(tmp_path_factory.mktemp("exit"), env={"LOOKOUT_EXIT_URL": neutral}) as services:
        yield services


def _get(url: str) -> str:
    with urllib.request.urlopen(url, timeout=20) as response:  # noqa: S310 - loopback test servers
        return response.read().decode()


def reporting_pages(running: Running) -> list[str]:
    police, independent = running[0].url, running[1].url
    listing = _get(f"{police}/api/v1/public/appeals")
    wanted = re.search(r'"reference":\s*"([^"]+)",\s*"kind":\s*"wanted"', listing).group(1)
    police_paths = ["/report/", "/report/form/", "/report/?now=yes", f"/appeals/{wanted}/report/"]
    police_paths += [f"/appeals/{wanted}/report/form/", "/follow-up/"]
    independent_paths = ["/", f"/appeals/{wanted}/", f"/appeals/{wanted}/form/", "/report/", "/report/form/"]
    independent_paths += ["/report/?now=yes", "/follow-up/"]
    return [police + p for p in police_paths] + [independent + p for p in independent_paths]


def test_every_reporting_page_has_exit_this_page_to_the_neutral_page(running: Running, neutral: str) -> None:
    for url in reporting_pages(running):
        page = _get(url)
        assert 'data-module="govuk-exit-this-page"' in page, url
        link = re.search(r'<a href="([^"]+)"[^>]*govuk-exit-this-page__button', page)
        assert link and link.group(1) == neutral, url
    # Staff and operator pages are not the public's: no exit button there.
    assert "govuk-exit-this-page" not in _get(running[1].url + "/operators/login/")


@pytest.mark.parametrize("javascript", [False, True], ids=["without-js", "with-js"])
def test_exit_this_page_leaves_for_the_neutral_page(running: Running, neutral: str, chromium: Any, javascript: bool):
    for base in (running[0].url, running[1].url):
        context = chromium.new_context(java_script_enabled=javascript)
        try:
            page = context.new_page()
            page.goto(f"{base}/report/form/")
            page.get_by_role("button", name="Emergency Exit this page").click()
            page.wait_for_url(neutral)
            assert page.locator("h1").inner_text() == "Sunny spells"
        finally:
            context.close()
