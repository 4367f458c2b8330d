"""Closing or publishing an appeal tells the proxy and the CDN, after commit, by a task: tested against a real
HTTP server started here that records what it is sent (the receiver, as the proxy and a CDN adapter are)."""

import json
import logging
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import ThreadingHTTPServer
from typing import Any

import pytest
from django.test import Client

from appeals import services, surfaces
from appeals.models import Outcome
from lookout import purge
from partner.testing import QuietHandler, serve_loopback

from .factories import published

pytestmark = pytest.mark.django_db
SECRET = "cdn-purge-secret-for-tests-0123456789"  # noqa: S105 - a test value


@dataclass
class Receiver:
    server: ThreadingHTTPServer
    requests: list[tuple[str, str, dict[str, str], bytes]] = field(default_factory=list)
    status: int = 200

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}"

    def purged_paths(self) -> list[str]:
        return [path.removeprefix("/_purge") for method, path, _, _ in self.requests if method == "GET"]

    def cdn_posts(self) -> list[tuple[dict[str, str], dict[str, list[str]]]]:
        return [(headers, json.loads(body)) for method, _, headers, body in self.requests if method == "POST"]


@pytest.fixture
def receiver(settings: Any) -> Iterator[Receiver]:
    holder: list[Receiver] = []

    class Handler(QuietHandler):
        def _answer(self, body: bytes = b"") -> None:
            record = holder[0]
            record.requests.append((self.command, self.path, dict(self.headers), body))
            status = record.status if self.command == "POST" or record.status != 200 else 200
            # A purge of a path the proxy holds no copy of answers 404, as nginx cache_purge does.
            if self.command == "GET" and record.status == 200 and "/report/" in self.path:
                status = 404
            self.send_response(status)
            self.send_header("Content-Length", "0")
            self.end_headers()

        def do_GET(self) -> None:  # noqa: N802 - the http.server hook's name
            self._answer()

        def do_POST(self) -> None:  # noqa: N802
            self._answer(self.rfile.read(int(self.headers["Content-Length"])))

    server = serve_loopback(Handler)
    record = Receiver(server)
    holder.append(record)
    settings.LOOKOUT_PROXY_PURGE_URL = f"{record.url}/_purge"
    settings.LOOKOUT_CDN_PURGE_URL = f"{record.url}/cdn"
    settings.LOOKOUT_CDN_PURGE_SECRET = SECRET
    settings.LOOKOUT_PURGE_RETRY_SECONDS = 0
    yield record
    server.shutdown()
    server.server_close()


def test_closing_an_appeal_purges_every_surface_from_the_proxy_and_its_keys_from_the_cdn(
    client: Client, receiver: Receiver, django_capture_on_commit_callbacks
):
    appeal = published()
    image_paths = [p for p in surfaces.appeal_paths(appeal.reference) if p.endswith(".jpg")]
    assert len(image_paths) == 2  # the full image and its thumbnail
    receiver.requests.clear()  # publishing purged too (the lists, and a cached 404 of the new address)
    with django_capture_on_commit_callbacks(execute=True):
        services.appeal_close(appeal=appeal, actor=appeal.author, outcome=Outcome.ARRESTED)
    ref = appeal.reference
    expected = {
        f"/appeals/{ref}/",
        *image_paths,
        f"/appeals/{ref}/card.png",
        f"/appeals/{ref}/poster.pdf",
        f"/api/v1/public/appeals/{ref}",
        "/",
        "/appeals/",
        "/appeals/feed.atom",
        "/appeals/feed.json",
        "/api/v1/public/appeals",
    }
    assert set(receiver.purged_paths()) == expected
    # The proxy's cache key holds the public host: each purge names it.
    assert {h["Host"] for m, _, h, _ in receiver.requests if m == "GET"} == {"127.0.0.1:9"}
    ((headers, body),) = receiver.cdn_posts()
    assert body == {"keys": [f"appeal-{ref}", "appeals"]}
    assert headers["X-Lookout-Purge-Secret"] == SECRET and headers["Content-Type"] == "application/json"
    # Every surface the receiver was told about is a real public address of this appeal (or a list).
    for path in image_paths + [f"/appeals/{ref}/"]:
        assert client.get(path).status_code == 410, path


def test_publishing_purges_the_lists_so_a_new_appeal_is_not_hidden_behind_an_old_copy(
    receiver: Receiver, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        appeal = published()
    assert {"/", "/appeals/", f"/appeals/{appeal.reference}/"} <= set(receiver.purged_paths())
    assert receiver.cdn_posts()[-1][1]["keys"] == [f"appeal-{appeal.reference}", "appeals"]


def test_a_failing_purge_is_logged_without_personal_data_and_the_close_stands(
    receiver: Receiver, django_capture_on_commit_callbacks, caplog: pytest.LogCaptureFixture, settings: Any
):
    appeal = published(subject_name="Quinn Privateperson")
    receiver.status = 503
    receiver.requests.clear()
    settings.LOOKOUT_PURGE_ATTEMPTS = 2
    with caplog.at_level(logging.WARNING, logger="lookout.purge"), django_capture_on_commit_callbacks(execute=True):
        services.appeal_close(appeal=appeal, actor=appeal.author, outcome=Outcome.ARRESTED)
    appeal.refresh_from_db()
    assert appeal.status == "closed"
    # The quick pass from the closing request stopped at its first failure; the queued purge tried twice.
    assert receiver.purged_paths()[0] == f"/appeals/{appeal.reference}/"
    assert len([p for p in receiver.purged_paths() if p == f"/appeals/{appeal.reference}/"]) == 3
    assert len([p for p in receiver.purged_paths() if p == "/"]) == 2
    assert len(receiver.cdn_posts()) == 2
    failures = [r.getMessage() for r in caplog.records if r.name == "lookout.purge"]
    assert failures and all("failed after 2 tries" in line for line in failures)
    assert not any("Quinn" in line or "Privateperson" in line for line in caplog.messages)


def test_the_close_purges_the_proxy_itself_before_the_queued_purge_runs(
    receiver: Receiver, django_capture_on_commit_callbacks, settings: Any
):
    appeal = published()
    # The production queue (a table): the queued purge waits for a worker, which this test never runs.
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    receiver.requests.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.appeal_close(appeal=appeal, actor=appeal.author, outcome=Outcome.ARRESTED)
    assert set(receiver.purged_paths()) == set(surfaces.purge_paths(appeal.reference))
    assert receiver.cdn_posts() == []  # the CDN is the task's: an outside service must not hold up the close


def test_an_unreachable_proxy_does_not_hold_up_the_close(settings: Any, django_capture_on_commit_callbacks):
    import time

    settings.LOOKOUT_PROXY_PURGE_URL = "http://127.0.0.1:9/_purge"  # nothing listens
    appeal = published()
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    started = time.monotonic()
    with django_capture_on_commit_callbacks(execute=True):
        services.appeal_close(appeal=appeal, actor=appeal.author, outcome=Outcome.ARRESTED)
    assert time.monotonic() - started < 2 * purge.QUICK_TIMEOUT_SECONDS + 1
    appeal.refresh_from_db()
    assert appeal.status == "closed"


def test_a_purge_of_an_address_the_proxy_holds_no_copy_of_is_a_success(receiver: Receiver):
    assert purge.proxy_purge(["/appeals/W-AAAA/report/"]) == []  # the receiver answers 404
    receiver.status = 500
    assert purge.proxy_purge(["/appeals/"]) == ["/appeals/"]


def test_an_unreachable_proxy_times_out_quickly_and_is_reported(settings: Any):
    settings.LOOKOUT_PROXY_PURGE_URL = "http://127.0.0.1:9/_purge"  # discard port: nothing listens
    settings.LOOKOUT_PURGE_ATTEMPTS = 1
    assert purge.proxy_purge(["/"]) == ["/"]


def test_the_cdn_hook_is_pluggable(settings: Any):
    settings.LOOKOUT_CDN_PURGE_HOOK = f"{__name__}.recording_hook"
    RECORDED.clear()
    assert purge.cdn_purge(["appeal-W-AAAA", "appeals"])
    assert RECORDED == [["appeal-W-AAAA", "appeals"]]
    settings.LOOKOUT_CDN_PURGE_HOOK = ""
    assert purge.cdn_purge(["appeals"])  # no CDN: nothing to do


RECORDED: list[list[str]] = []


def recording_hook(keys: list[str]) -> None:
    """A CDN hook as a force would write one (here it records what it would purge)."""
    RECORDED.append(keys)
