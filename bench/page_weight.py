"""Page weight of each step of "Tell us what you know", and the time the scripted journey takes.

Run:  .venv/bin/pytest -p no:cacheprovider -s bench/page_weight.py
(Named without the test_ prefix so the normal suite does not collect it.)

Each step is loaded with the browser cache disabled (a first visit), on a 360px phone with JavaScript on and
again with it off. Bytes are response bodies as the browser received them from the test server (which does
not compress), plus the size each would have gzip-compressed, as whitenoise serves static files in production.
"""

import gzip
import statistics
import time
from collections import defaultdict
from pathlib import Path

import pytest

from appeals.tests.factories import published
from reporting.tests.browser import fill_sighting
from reporting.tests.factories import jpeg_with_gps

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
KINDS = ("document", "stylesheet", "script", "image")


class Meter:
    def __init__(self, page) -> None:  # type: ignore[no-untyped-def]
        self.sizes: dict[str, list[int]] = defaultdict(lambda: [0, 0])
        page.on("response", self._on_response)
        cdp = page.context.new_cdp_session(page)
        cdp.send("Network.enable")
        cdp.send("Network.setCacheDisabled", {"cacheDisabled": True})

    def _on_response(self, response) -> None:  # type: ignore[no-untyped-def]
        kind = response.request.resource_type
        if kind not in KINDS or response.status >= 300:
            return
        try:
            body = response.body()
        except Exception:  # noqa: BLE001 - a redirect or aborted body has no size to count
            return
        self.sizes[kind][0] += len(body)
        self.sizes[kind][1] += len(gzip.compress(body, 9))

    def take(self) -> dict[str, list[int]]:
        taken = {k: list(v) for k, v in self.sizes.items()}
        self.sizes.clear()
        return taken


def _row(step: str, sizes: dict[str, list[int]]) -> str:
    raw = {k: sizes.get(k, [0, 0])[0] for k in KINDS}
    gz = {k: sizes.get(k, [0, 0])[1] for k in KINDS}
    html_css_js = raw["document"] + raw["stylesheet"] + raw["script"]
    html_css_js_gz = gz["document"] + gz["stylesheet"] + gz["script"]
    return (
        f"| {step} | {raw['document']:,} | {raw['stylesheet']:,} | {raw['script']:,} | {html_css_js:,} "
        f"| {html_css_js_gz:,} | {raw['image']:,} |"
    )


def _journey(page, base: str, reference: str, photo: Path, meter: Meter | None, rows: list[str]) -> None:  # type: ignore[no-untyped-def]
    def mark(step: str) -> None:
        # Measuring waits until the network is quiet so late requests count for their own step; timing
        # waits only for the page's load event.
        page.wait_for_load_state("networkidle" if meter is not None else "load")
        if meter is not None:
            rows.append(_row(step, meter.take()))

    page.goto(f"{base}/appeals/{reference}/")
    mark("1. appeal page")
    page.get_by_role("link", name="Tell us what you know").first.click()
    mark("2. 'Do you know where this person is right now?'")
    page.get_by_label("Yes").check()
    page.get_by_role("button", name="Continue").click()
    mark("3. 'Call 999 now' notice")
    page.get_by_role("link", name="Continue to the form").click()
    mark("4. the form")
    fill_sighting(page)
    page.get_by_label("Make").fill("Ford")
    page.get_by_label("Registration (number plate)").fill("QZ71 XLR")
    page.get_by_label("Photos or documents").set_input_files(str(photo))
    page.get_by_role("button", name="Send to").click()
    page.locator("#receipt-code").wait_for()
    mark("5. thank-you page with the receipt")
    code = page.locator("#receipt-code").inner_text()
    page.goto(f"{base}/follow-up/")
    mark("6. follow-up: enter the receipt")
    page.get_by_label("Your receipt code").fill(code)
    page.get_by_role("button", name="Continue").click()
    page.locator("#report-status").wait_for()
    mark("7. follow-up: status, questions, reply form")


def _phone(chromium, javascript: bool):  # type: ignore[no-untyped-def]
    return chromium.new_context(viewport={"width": 360, "height": 740}, is_mobile=True, java_script_enabled=javascript)


def test_page_weight_and_journey_time(chromium, live_server, tmp_path):  # type: ignore[no-untyped-def]
    appeal = published(subject_name="Riley Example")
    photo = tmp_path / "IMG_2041.jpg"
    photo.write_bytes(jpeg_with_gps((2000, 1500)))
    print(f"\nphoto attached: {photo.stat().st_size:,} bytes (2000x1500 JPEG with GPS EXIF)")
    for javascript in (True, False):
        context = _phone(chromium, javascript)
        page = context.new_page()
        rows: list[str] = []
        _journey(page, live_server.url, appeal.reference, photo, Meter(page), rows)
        context.close()
        print(f"\nPage weight per step, cold cache, phone 360px, JavaScript {'on' if javascript else 'off'} (bytes)")
        print("| step | HTML | CSS | JS | HTML+CSS+JS | HTML+CSS+JS gzipped | images |")
        print("| --- | ---: | ---: | ---: | ---: | ---: | ---: |")
        print("\n".join(rows))

    durations = []
    for _ in range(5):
        context = _phone(chromium, True)
        page = context.new_page()
        started = time.perf_counter()
        _journey(page, live_server.url, appeal.reference, photo, None, [])
        durations.append(time.perf_counter() - started)
        context.close()
    print(
        "\nScripted journey appeal page -> thank-you page -> follow-up status (7 pages, 5 runs): "
        f"median {statistics.median(durations):.2f} s, min {min(durations):.2f} s, max {max(durations):.2f} s"
    )
