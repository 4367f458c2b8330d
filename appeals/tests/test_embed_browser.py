"""The embed in a real browser: framed by a listed partner's page it renders; framed by any other page it is
refused; it sets no cookie, loads nothing from elsewhere and passes axe at 320 and 1280 px."""

import threading
import urllib.parse
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from playwright.sync_api import Browser, Page, expect

from appeals.models import AppealKind
from conftest import WCAG_AA_AND_BEST_PRACTICE, WIDTHS, assert_accessible

from .factories import published

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# This worktree's ports (the live server itself runs wherever pytest-django puts it).
PARTNER_PORT, STRANGER_PORT = 9121, 9122


def _serve(port: int, html: dict[str, str]) -> ThreadingHTTPServer:
    class PartnerPage(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 - the name http.server calls
            body = html["page"].encode()
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, format: str, *args: object) -> None:  # noqa: A002
            pass

    server = ThreadingHTTPServer(("127.0.0.1", port), PartnerPage)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


@pytest.fixture
def partner_sites() -> Iterator[dict[str, str]]:
    """Two sites that frame whatever page["page"] says: one we list as a partner, one we do not."""
    html = {"page": ""}
    servers = [_serve(PARTNER_PORT, html), _serve(STRANGER_PORT, html)]
    yield html
    for server in servers:
        server.shutdown()
        server.server_close()


def _framing_page(src: str) -> str:
    return (
        '<!DOCTYPE html><html lang="en"><head><title>Partner news</title></head><body><main>'
        f'<h1>Local news</h1><iframe title="Police appeals" src="{src}" width="400" height="600"></iframe>'
        "</main></body></html>"
    )


@pytest.fixture
def strict_page(chromium: Browser) -> Iterator[Page]:
    # Unlike conftest's pages, this one enforces every Content-Security-Policy: framing is what is tested.
    context = chromium.new_context(viewport={"width": 1024, "height": 800})
    yield context.new_page()
    context.close()


def test_a_listed_partner_frames_the_embed_and_an_unlisted_site_is_refused(
    strict_page: Page, live_server, settings, partner_sites
):
    partner, stranger = f"http://127.0.0.1:{PARTNER_PORT}", f"http://127.0.0.1:{STRANGER_PORT}"
    settings.LOOKOUT_EMBED_FRAME_ANCESTORS = [partner]
    appeal = published(subject_name="Riley Framed")
    embed_url = f"{live_server.url}/embed/appeals/"
    hosts = set()
    strict_page.on("request", lambda request: hosts.add(urllib.parse.urlsplit(request.url).netloc))

    partner_sites["page"] = _framing_page(embed_url)
    strict_page.goto(partner + "/")
    frame = strict_page.frame_locator("iframe")
    link = frame.get_by_role("link", name="Riley Framed")
    expect(link).to_be_visible()
    assert link.get_attribute("href") == f"{live_server.url}/appeals/{appeal.reference}/"
    assert link.get_attribute("target") == "_blank" and link.get_attribute("rel") == "noopener"
    image = frame.locator("img.lke__image")
    expect(image).to_be_visible()
    strict_page.wait_for_load_state("load")
    assert image.evaluate("img => img.complete && img.naturalWidth") > 0
    assert strict_page.context.cookies() == []
    assert hosts == {urllib.parse.urlsplit(partner).netloc, urllib.parse.urlsplit(live_server.url).netloc}

    refusals: list[str] = []
    strict_page.on("console", lambda message: refusals.append(message.text))
    strict_page.goto(stranger + "/")
    strict_page.wait_for_load_state("load")
    expect(strict_page.get_by_role("heading", name="Local news")).to_be_visible()
    assert strict_page.frames[1].url.startswith("chrome-error://")
    assert frame.get_by_role("link", name="Riley Framed").count() == 0
    assert any("frame-ancestors" in text for text in refusals), refusals

    # Every other page stays unframable, even by the listed partner.
    for path in ["/", "/appeals/", f"/appeals/{appeal.reference}/", "/staff/login/"]:
        partner_sites["page"] = _framing_page(live_server.url + path)
        refusals.clear()
        strict_page.goto(partner + "/")
        strict_page.wait_for_load_state("load")
        # Chromium replaces a refused frame with its own error page ("127.0.0.1 is blocked").
        assert strict_page.frames[1].url.startswith("chrome-error://"), path
        assert any("frame" in text.lower() for text in refusals), (path, refusals)


@pytest.mark.parametrize("width", WIDTHS)
def test_the_embed_is_accessible_at_each_width(page_at, live_server, width: int):
    published(subject_name="Riley Example", areas="Eastbrook")
    published(AppealKind.MISSING, subject_name="Morgan Example", areas="Eastbrook")
    page = page_at(width)
    for query in ["", "?kind=missing", "?area=Eastbrook", "?kind=unknown"]:
        page.goto(f"{live_server.url}/embed/appeals/{query}")
        assert page.evaluate("document.documentElement.scrollWidth") <= width, query
        assert_accessible(page, WCAG_AA_AND_BEST_PRACTICE)
