"""The production profile (deploy/): nginx's caching rules against a stand-in upstream whose answers the test
chooses, then the whole profile for real (deploy/prod_local.py: nginx, both services under gunicorn with
their production settings on PostgreSQL and Redis, workers, periodic commands, metrics) on spare ports.

Every request comes from 127.0.0.77 with a distinctive User-Agent and forwarding headers; afterwards no log
the profile wrote holds a loopback client address, that address or those headers.
"""

import http.client
import json
import os
import re
import signal
import subprocess
import sys
import threading
import time
import urllib.parse
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from deploy.prod_profile import NGINX, Profile, render_nginx
from independent.tests.e2e import ROOT, free_port, wait_for

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.slow,
    pytest.mark.skipif(not Path(NGINX).exists(), reason="needs Debian's nginx (make prod-deps installs it)"),
]

PROBE_ADDRESS = "127.0.0.77"
FORWARDED = "198.51.100.73"
USER_AGENT = "ProfileProbeAgent/7.1 (LookoutProdProbe)"
HEADERS = {"User-Agent": USER_AGENT, "X-Forwarded-For": f"{FORWARDED}, {PROBE_ADDRESS}", "X-Real-IP": FORWARDED}
CLIENT_MARKERS = [PROBE_ADDRESS, FORWARDED, "ProfileProbeAgent", "LookoutProdProbe", "127.0.0.1", "::1"]


def fetch(
    port: int, path: str, method: str = "GET", headers: dict[str, str] | None = None, source: str = PROBE_ADDRESS
) -> http.client.HTTPResponse:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30, source_address=(source, 0))
    conn.request(method, path, headers=HEADERS | (headers or {}))
    response = conn.getresponse()
    response.body = response.read()  # type: ignore[attr-defined]
    conn.close()
    return response


def port_pool() -> Iterator[int]:
    """Spare ports: from LOOKOUT_TEST_PORTS ("9151-9159") when a shared machine gives each engineer a range,
    else whatever the kernel offers."""
    spec = os.environ.get("LOOKOUT_TEST_PORTS", "")
    if spec:
        first, last = (int(part) for part in spec.split("-"))
        yield from range(first, last + 1)
        raise RuntimeError(f"LOOKOUT_TEST_PORTS={spec} has too few ports")
    while True:
        yield free_port()


def profile_for(var: Path, ports: Iterator[int], **given: int) -> Profile:
    return Profile(
        var=var,
        port=next(ports),
        independent_port=next(ports),
        purge_port=next(ports),
        app_port=given.get("app_port") or next(ports),
        independent_app_port=given.get("independent_app_port") or next(ports),
        metrics_port=next(ports),
        independent_metrics_port=next(ports),
        postgres="",
        database="",
        independent_database="",
        redis_url="",
        workers=1,
        threads=2,
        jobs="all",
        cache_prefix=f"test-{var.parent.name}",
    )


# --- the caching rules, against a stand-in upstream ----------------------------------------------------------


class Upstream(BaseHTTPRequestHandler):
    """Answers with the Cache-Control the path names and a counter, so a cached answer shows itself."""

    hits = 0
    lock = threading.Lock()

    def answer(self) -> None:
        with self.lock:
            Upstream.hits += 1
            count = Upstream.hits
        path = urllib.parse.urlsplit(self.path).path
        body = f"answer {count}".encode()
        self.send_response(200)
        self.send_header("Content-Type", "text/plain")
        self.send_header("Content-Length", str(len(body)))
        if path.endswith("/no-cache"):
            self.send_header("Cache-Control", "no-cache")
        elif path.endswith("/long"):
            self.send_header("Cache-Control", "public, max-age=60, s-maxage=600")
        elif path.endswith("/private"):
            self.send_header("Cache-Control", "private, max-age=60")
        elif path.endswith("/plain"):
            pass  # no Cache-Control at all: not kept
        else:
            self.send_header("Cache-Control", "public, max-age=0, s-maxage=1")
        if path.endswith("/cookie"):
            self.send_header("Set-Cookie", "sessionid=abc; HttpOnly")
        self.end_headers()
        self.wfile.write(body)

    do_GET = do_POST = do_HEAD = answer  # noqa: N815 - http.server calls these names

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def proxy(tmp_path: Path) -> Iterator[Profile]:
    ports = port_pool()
    server = ThreadingHTTPServer(("127.0.0.1", next(ports)), Upstream)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    port = server.server_address[1]
    profile = profile_for(tmp_path / "prod", ports, app_port=port, independent_app_port=port)
    for folder in ("police", "independent"):
        (profile.var / "static" / folder).mkdir(parents=True)
    conf = render_nginx(profile)
    log = (profile.log_dir / "nginx-error.log").open("ab")
    nginx = subprocess.Popen([NGINX, "-p", str(conf.parent), "-c", str(conf), "-e", "stderr"], stderr=log)  # noqa: S603
    try:
        wait_for(lambda: _answers(profile.port), timeout=20, what="nginx")
        yield profile
    finally:
        nginx.send_signal(signal.SIGQUIT)
        nginx.wait(timeout=20)
        server.shutdown()


def _answers(port: int) -> bool:
    try:
        fetch(port, "/healthz")
    except OSError:
        return False
    return True


def second_start() -> None:
    """Wait for the next wall-clock second: the micro-cache keeps an answer only within the second it was
    fetched in (deploy/nginx.conf.template), so a test that expects a hit starts at the top of one."""
    time.sleep(1.02 - time.time() % 1)


def body_and_cache(profile: Profile, path: str, method: str = "GET") -> tuple[str, str]:
    response = fetch(profile.port, path, method)
    return response.body.decode(), response.getheader("X-Cache-Status", "")  # type: ignore[attr-defined]


def test_public_answers_are_kept_one_second_at_most(proxy: Profile) -> None:
    for path in ("/appeals/A-1/", "/appeals/A-1/long"):
        second_start()
        first, status = body_and_cache(proxy, path)
        assert status == "MISS"
        second, status = body_and_cache(proxy, path)
        assert (second, status) == (first, "HIT"), path
        time.sleep(1.0)
        # Even when the app allows ten minutes: less than a second (takedown by construction).
        third, status = body_and_cache(proxy, path)
        assert third != first and status in {"MISS", "EXPIRED"}, (path, status)


@pytest.mark.parametrize(
    ("path", "method"),
    [
        ("/appeals/A-1/no-cache", "GET"),
        ("/appeals/A-1/private", "GET"),
        ("/appeals/A-1/plain", "GET"),
        ("/appeals/A-1/cookie", "GET"),
        ("/appeals/A-1/", "POST"),
        ("/staff/reports/", "GET"),
        ("/api/v1/partner/messages", "GET"),
    ],
)
def test_never_kept(proxy: Profile, path: str, method: str) -> None:
    first, _ = body_and_cache(proxy, path, method)
    second, status = body_and_cache(proxy, path, method)
    assert second != first, (path, method, status)
    assert status != "HIT"


def test_a_signed_in_request_is_not_answered_from_the_cache(proxy: Profile) -> None:
    first, _ = body_and_cache(proxy, "/appeals/A-2/")
    signed_in = fetch(proxy.port, "/appeals/A-2/", headers={"Cookie": "sessionid=s1"})
    assert signed_in.body.decode() != first  # type: ignore[attr-defined]


def test_purge_drops_a_kept_page_on_the_internal_listener_only(proxy: Profile) -> None:
    path = "/appeals/A-3/long"
    second_start()
    first, _ = body_and_cache(proxy, path)
    assert body_and_cache(proxy, path) == (first, "HIT")
    # The public listener does not purge: PURGE goes to the app like any other method, and is not kept.
    fetch(proxy.port, path, "PURGE")
    assert body_and_cache(proxy, path) == (first, "HIT")
    # The purge listener answers 127.0.0.1 only (the app's hook on the same host), not even another loopback.
    assert fetch(proxy.purge_port, path, "PURGE").status == 403
    assert fetch(proxy.purge_port, path, "GET", source="127.0.0.1").status == 405
    assert fetch(proxy.purge_port, path, "PURGE", source="127.0.0.1").status == 200
    second, status = body_and_cache(proxy, path)
    assert (second != first, status) == (True, "MISS")
    assert body_and_cache(proxy, path) == (second, "HIT")
    assert fetch(proxy.purge_port, f"/_purge{path}", source="127.0.0.1").status == 200
    assert fetch(proxy.purge_port, f"/_purge{path}", source="127.0.0.1").status == 404  # nothing left
    assert body_and_cache(proxy, path)[1] == "MISS"


def test_metrics_are_never_routed_publicly(proxy: Profile) -> None:
    for port in (proxy.port, proxy.independent_port):
        assert fetch(port, "/metrics").status == 404


# --- the whole profile, for real -----------------------------------------------------------------------------


def _suite_database() -> str:
    return urllib.parse.urlsplit(os.environ.get("DATABASE_URL", "")).path.lstrip("/") or "lookout"


@pytest.fixture
def running_profile(tmp_path: Path) -> Iterator[tuple[Profile, Path]]:
    if not os.environ.get("DATABASE_URL", "").startswith("postgres"):
        pytest.skip("the production profile runs on PostgreSQL only")
    import psycopg

    base = urllib.parse.urlsplit(os.environ["DATABASE_URL"])
    postgres = base._replace(path="").geturl()
    names = [f"{_suite_database()}_prod", f"{_suite_database()}_prod_independent"]
    profile = profile_for(tmp_path / "prod", port_pool())
    env = os.environ | {
        "PROD_VAR_DIR": str(profile.var),
        "PROD_PORT": str(profile.port),
        "PROD_INDEPENDENT_PORT": str(profile.independent_port),
        "PROD_PURGE_PORT": str(profile.purge_port),
        "PROD_APP_PORT": str(profile.app_port),
        "PROD_INDEPENDENT_APP_PORT": str(profile.independent_app_port),
        "PROD_METRICS_PORT": str(profile.metrics_port),
        "PROD_INDEPENDENT_METRICS_PORT": str(profile.independent_metrics_port),
        "PROD_POSTGRES_URL": postgres,
        "PROD_DATABASE": names[0],
        "PROD_INDEPENDENT_DATABASE": names[1],
        "PROD_REDIS_URL": os.environ.get("REDIS_URL") or "redis://127.0.0.1:6379/0",
        "PROD_CACHE_PREFIX": profile.cache_prefix,  # the suite's Redis may be shared: keys of its own
        "PROD_WORKERS": "1",
        "PROD_THREADS": "2",
    }
    out = tmp_path / "supervisor.out"
    supervisor = subprocess.Popen(  # noqa: S603
        [sys.executable, "deploy/prod_local.py"], cwd=ROOT, env=env, stdout=out.open("wb"), stderr=subprocess.STDOUT
    )
    try:
        wait_for(lambda: "is running" in out.read_text() or supervisor.poll() is not None, timeout=240, what="profile")
        assert supervisor.poll() is None, out.read_text()[-3000:]
        yield profile, out
    finally:
        if supervisor.poll() is None:
            supervisor.send_signal(signal.SIGTERM)
            supervisor.wait(timeout=60)
        with psycopg.connect(base._replace(path="/postgres").geturl(), autocommit=True) as conn:
            for name in names:
                conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def test_the_profile_serves_through_the_proxy_and_logs_no_client(running_profile: tuple[Profile, Path]) -> None:
    profile, _ = running_profile
    home = fetch(profile.port, "/")
    assert home.status == 200
    page = home.body.decode()  # type: ignore[attr-defined]
    reference = re.search(r'href="/appeals/([A-Z]-[A-Z0-9]+)/"', fetch(profile.port, "/appeals/").body.decode())  # type: ignore[attr-defined]
    assert reference, "no published appeal in the demo data"
    appeal = f"/appeals/{reference.group(1)}/"

    # The micro-cache honours the app: kept for a second when the app allows it, not kept when it does not.
    fetch(profile.port, appeal)  # warm the app's own caches
    second_start()
    first = fetch(profile.port, appeal)
    assert first.status == 200
    shareable = re.search(r"(s-maxage|max-age)=0*[1-9]", first.getheader("Cache-Control", "")) and not re.search(
        r"private|no-store|no-cache", first.getheader("Cache-Control", "")
    )
    second = fetch(profile.port, appeal)
    assert second.getheader("X-Cache-Status") == ("HIT" if shareable else "MISS")
    time.sleep(1.0)
    assert fetch(profile.port, appeal).getheader("X-Cache-Status") == "MISS"

    # Static files: hashed names, a year, immutable, compressed both ways by nginx.
    stylesheet = re.search(r'href="(/static/[^"]+\.[0-9a-f]{12}\.css)"', page)
    assert stylesheet, "no hashed stylesheet on the home page"
    for encoding in ("br", "gzip"):
        static = fetch(profile.port, stylesheet.group(1), headers={"Accept-Encoding": encoding})
        assert static.status == 200
        assert static.getheader("Cache-Control") == "public, max-age=31536000, immutable"
        assert static.getheader("Content-Encoding") == encoding
    # A missing static file: nginx logs an error line with the client in it, unless the pipe removes it.
    assert fetch(profile.port, "/static/no-such-file.css").status == 404

    for port in (profile.port, profile.independent_port):
        health = fetch(port, "/healthz")
        assert health.status == 200
        assert json.loads(health.body)["checks"] == {"database": "ok", "cache": "ok", "tasks": "ok"}  # type: ignore[attr-defined]
        assert "no-store" in health.getheader("Cache-Control", "")
        assert fetch(port, "/metrics").status == 404
    assert fetch(profile.independent_port, "/").status == 200
    assert fetch(profile.app_port, "/metrics").status == 404  # not even the app serves it

    metrics = fetch(profile.metrics_port, "/metrics")
    assert metrics.status == 200
    text = metrics.body.decode()  # type: ignore[attr-defined]
    assert 'route="appeals:detail"' in text
    assert reference.group(1) not in text  # labelled by route name, never by path
    charity_metrics = fetch(profile.independent_metrics_port, "/metrics")
    assert charity_metrics.status == 200
    assert 'route="healthz"' in charity_metrics.body.decode()  # type: ignore[attr-defined]
    assert 'route="independent:' not in charity_metrics.body.decode()  # type: ignore[attr-defined]

    # Give every buffered log a moment (nginx flushes its access log each second), then stop everything.
    time.sleep(1.5)
    logs = profile.log_dir
    error_log = (logs / "nginx-error.log").read_text()
    assert "no-such-file.css" in error_log or "No such file" in error_log, error_log[-2000:]
    access_log = (logs / "nginx-access.log").read_text()
    assert appeal in access_log
    # The charity's lines, and nginx's error lines, carry the day only (docs/adr/0031).
    charity_log = (logs / "nginx-independent-access.log").read_text()
    assert '"GET /"' in charity_log
    for text in (charity_log, error_log):
        assert not re.search(r"\b\d{2}:\d{2}:\d{2}\b", text), text[-1000:]
    found = {
        path.name: [marker for marker in CLIENT_MARKERS if marker in path.read_text(errors="replace")]
        for path in sorted(logs.iterdir())
    }
    assert len(found) >= 15, sorted(found)
    assert {name: markers for name, markers in found.items() if markers} == {}
    # Nor anywhere else the profile wrote (cache entries, collected files, metric files).
    for path in profile.var.rglob("*"):
        if path.is_file() and path.name != "secrets.env":
            data = path.read_bytes()
            assert not [m for m in CLIENT_MARKERS[:4] if m.encode() in data], path
