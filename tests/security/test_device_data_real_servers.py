"""No device data, anywhere - against the real servers (gunicorn with workers, both services, own databases).

Every request comes from a socket bound to an unusual loopback address (127.0.0.77) and carries a distinctive
User-Agent, Referer, cookie and forwarding headers: the public forms and API of both services, and malformed,
oversized and ill-formed requests that each web server refuses itself (the path where gunicorn used to log
"Invalid request from ip=..."). After each case every log line (stdout and stderr of every process, the access
logs), every file the services wrote (databases, media, cache, mail) and a raw dump of every table of both
databases are searched for each marker.
"""

import http.client
import re
import socket
import urllib.parse
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

import pytest

from independent.tests.e2e import Running, Service, run_both

pytestmark = pytest.mark.e2e

PROBE_ADDRESS = "127.0.0.77"
FORWARDED = "198.51.100.42"
USER_AGENT = "DistinctiveAgent/9.9 (LookoutProbe; Zx81)"
REFERRER = "https://referrer-probe.example.net/came-from"
COOKIE = "probe=CookieProbe7c1"
MARKERS = [PROBE_ADDRESS, FORWARDED, "DistinctiveAgent", "LookoutProbe", "referrer-probe", "CookieProbe7c1"]
DEVICE_HEADERS = {
    "User-Agent": USER_AGENT,
    "Referer": REFERRER,
    "X-Forwarded-For": f"{PROBE_ADDRESS}, {FORWARDED}",
    "X-Real-IP": PROBE_ADDRESS,
    "Forwarded": f"for={FORWARDED}",
    "Sec-CH-UA": '"DistinctiveAgent";v="9"',
}
SENT = {"requests": 0}


@dataclass
class Probe:
    """A person's browser on an unusual address: distinctive device headers and a cookie on every request."""

    service: Service
    cookies: dict[str, str] = field(default_factory=dict)
    set_cookie: list[str] = field(default_factory=list)  # every Set-Cookie any answer sent

    def request(self, method: str, path: str, fields: dict[str, str] | None = None) -> tuple[int, str]:
        conn = http.client.HTTPConnection("127.0.0.1", self.service.port, timeout=30, source_address=(PROBE_ADDRESS, 0))
        headers = dict(DEVICE_HEADERS)
        headers["Cookie"] = "; ".join([COOKIE, *(f"{k}={v}" for k, v in self.cookies.items())])
        body = None
        if fields is not None:
            body = urllib.parse.urlencode(fields)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
            headers["Sec-Fetch-Site"] = "same-origin"
            headers["Origin"] = self.service.url
        try:
            conn.request(method, path, body=body, headers=headers)
            response = conn.getresponse()
            for value in response.headers.get_all("Set-Cookie") or []:
                self.set_cookie.append(f"{path}: {value}")
                name, _, rest = value.partition("=")
                self.cookies[name] = rest.split(";", 1)[0]
            SENT["requests"] += 1
            return response.status, response.read().decode("utf-8", "replace")
        finally:
            conn.close()

    def get(self, path: str) -> str:
        status, body = self.request("GET", path)
        assert status == 200, (path, status, body[:1500])
        return body

    def post(self, path: str, fields: dict[str, str]) -> str:
        status, body = self.request("POST", path, fields)
        assert status == 200, (path, status, body[:1500])
        return body


def hidden_fields(page: str) -> dict[str, str]:
    found = {}
    for tag in re.findall(r"<input[^>]*>", page):
        if 'type="hidden"' in tag:
            name, value = re.search(r'name="([^"]+)"', tag), re.search(r'value="([^"]*)"', tag)
            if name:
                found[name.group(1)] = value.group(1) if value else ""
    return found


def receipt_of(page: str) -> str:
    match = re.search(r'id="receipt-code">([0-9A-Z-]+)<', page)
    assert match, page[:2000]
    return match.group(1)


def first_reference(probe: Probe, kind: str) -> str:
    status, body = probe.request("GET", "/api/v1/public/appeals")
    assert status == 200
    return re.search(rf'"reference":\s*"([^"]+)",\s*"kind":\s*"{kind}"', body).group(1)


def police_forms(police: Service) -> None:
    probe = Probe(police)
    for path in ("/", "/appeals/", "/how-to-help/", "/embed/appeals/", "/report/"):
        probe.get(path)
    assert probe.request("GET", "/report/?now=no")[0] == 302
    reference = first_reference(probe, "wanted")
    probe.request("GET", f"/api/v1/public/appeals/{reference}")
    probe.request("GET", "/api/v1/public/appeals/W-ZZZZ")  # a 404
    probe.request("GET", "/api/v1/public/appeals?kind=wanted&modified_since=2000-01-01T00:00:00Z&page_size=5")
    probe.request("GET", "/api/v1/public/appeals/withdrawn?since=2000-01-01T00:00:00Z")
    probe.request("GET", "/api/v1/public/appeals?modified_since=yesterday")  # a 422
    probe.get("/api/v1/docs")
    probe.get(f"/appeals/{reference}/report/")
    page = probe.get(f"/appeals/{reference}/report/form/")
    thanks = probe.post(f"/appeals/{reference}/report/form/", hidden_fields(page) | {"details": "Seen at the market"})
    receipt = receipt_of(thanks)
    page = probe.get("/report/form/")
    category = re.search(r'name="crime_category"[^>]*value="([^"]+)"', page).group(1)
    probe.post("/report/form/", hidden_fields(page) | {"details": "Stolen bikes", "crime_category": category})
    page = probe.get("/follow-up/")
    probe.post("/follow-up/", hidden_fields(page) | {"receipt": "0" * 28})  # a wrong code, which is counted
    page = probe.post("/follow-up/", hidden_fields(page) | {"receipt": receipt})
    probe.post("/follow-up/reply/", hidden_fields(page) | {"body": "He wore a red cap."})
    probe.request("POST", "/report/form/", {"details": "no token, no CSRF"})  # refused (403)
    probe.request("GET", "/no-such-page/")  # a 404, which Django logs
    # No public page sets a cookie, before or after the person submits (the forms carry signed tokens).
    assert probe.set_cookie == []


def independent_forms(independent: Service) -> None:
    probe = Probe(independent)
    probe.get("/")
    probe.get("/report/")
    page = probe.get("/report/form/")
    category = re.search(r'name="crime_category"[^>]*value="([^"]+)"', page).group(1)
    fields = {"details": "Cash in hand work at the docks", "crime_category": category}
    thanks = probe.post("/report/form/", hidden_fields(page) | fields)
    receipt = receipt_of(thanks)
    probe.post("/follow-up/", {"receipt": "0" * 28})
    probe.post("/follow-up/", {"receipt": receipt})
    probe.request("POST", "/report/form/", {"details": "no token"})  # refused
    probe.request("GET", "/no-such-page/")
    assert probe.set_cookie == []


def _device_lines(host: str) -> bytes:
    lines = [f"Host: {host}", *(f"{k}: {v}" for k, v in DEVICE_HEADERS.items()), f"Cookie: {COOKIE}"]
    return ("\r\n".join(lines) + "\r\n").encode()


def malformed_requests(host: str) -> dict[str, bytes]:
    """Requests each web server refuses itself or Django refuses as bad (4xx), each with the device headers."""
    dev = _device_lines(host)
    return {
        "garbage request line": b"GARBAGE\r\n" + dev + b"\r\n",
        "invalid method": b"G@T / HTTP/1.1\r\n" + dev + b"\r\n",
        "invalid version": b"GET / HTTP/9.9\r\n" + dev + b"\r\n",
        "HTTP/0.9": b"GET /\r\n\r\n",
        "oversized URL": b"GET /" + b"a" * 12000 + b" HTTP/1.1\r\n" + dev + b"\r\n",
        "long URL": b"GET /appeals/" + b"b" * 7000 + b" HTTP/1.1\r\n" + dev + b"\r\n",
        "oversized header": b"GET / HTTP/1.1\r\n" + dev + b"X-Big: " + b"c" * 9000 + b"\r\n\r\n",
        "too many headers": b"GET / HTTP/1.1\r\n" + dev + b"".join(b"X-H%d: v\r\n" % i for i in range(120)) + b"\r\n",
        "bad header name": b"GET / HTTP/1.1\r\n" + dev + b"Bad Header: x\r\n\r\n",
        "folded header": b"GET / HTTP/1.1\r\n" + dev + b"X-Folded: a\r\n  b\r\n\r\n",
        "bad Host": b"GET / HTTP/1.1\r\n" + dev.replace(host.encode(), b"evil.example.invalid") + b"\r\n",
        "bad chunk": b"POST /report/form/ HTTP/1.1\r\n" + dev + b"Transfer-Encoding: chunked\r\n\r\nZZ\r\nxx\r\n",
        "length and chunked": b"POST / HTTP/1.1\r\n"
        + dev
        + b"Content-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n",
        "bad length": b"POST / HTTP/1.1\r\n" + dev + b"Content-Length: abc\r\n\r\n",
        "bad percent-encoding": b"GET /%ff%fe%00 HTTP/1.1\r\n" + dev + b"\r\n",
        "proxy protocol line": b"PROXY TCP4 " + PROBE_ADDRESS.encode() + b" 127.0.0.1 1 2\r\n" + dev + b"\r\n",
        "oversized body": b"POST /report/form/ HTTP/1.1\r\n"
        + dev
        + b"Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 13000008\r\n\r\ndetails="
        + b"d" * 13_000_000,
    }


def send_raw(service: Service, data: bytes) -> bytes:
    with socket.create_connection(("127.0.0.1", service.port), timeout=20, source_address=(PROBE_ADDRESS, 0)) as s:
        try:
            s.sendall(data)
            s.shutdown(socket.SHUT_WR)
        except OSError:
            pass  # the server may answer and close before the whole body is sent
        answer = b""
        try:
            while chunk := s.recv(65536):
                answer += chunk
        except OSError:
            pass
    SENT["requests"] += 1
    return answer


def malformed(service: Service) -> None:
    for name, data in malformed_requests(f"127.0.0.1:{service.port}").items():
        answer = send_raw(service, data)
        assert not answer.startswith(b"HTTP/1.1 5"), (name, answer[:300])


TIME_OF_DAY = re.compile(r"\b\d{2}:\d{2}(:\d{2})?\b")

CASES: dict[str, Callable[[Running], None]] = {
    "police public forms and API": lambda r: police_forms(r[0]),
    "independent public forms": lambda r: independent_forms(r[1]),
    "police malformed requests": lambda r: malformed(r[0]),
    "independent malformed requests": lambda r: malformed(r[1]),
}


@pytest.fixture(scope="module")
def running(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Running]:
    with run_both(tmp_path_factory.mktemp("device")) as services:
        yield services


def everything_written(running: Running) -> tuple[list[tuple[str, bytes]], int, int]:
    police, independent, police_db, indep_db, tmp_path = running
    found = []
    for path in sorted(tmp_path.rglob("*")):
        if path.is_file():
            found.append((str(path.relative_to(tmp_path)), path.read_bytes()))
    for name, db in (("police database", police_db), ("independent database", indep_db)):
        found.append((name, db.dump().encode("utf-8", "replace")))
    logs = [data for name, data in found if name.startswith("logs/")]
    return found, sum(len(data.splitlines()) for data in logs), sum(len(data) for _name, data in found)


@pytest.mark.parametrize("case", list(CASES))
def test_no_device_data_anywhere(running: Running, case: str) -> None:
    CASES[case](running)
    found, log_lines, scanned = everything_written(running)
    assert log_lines > 0
    for name, data in found:
        for marker in MARKERS:
            assert marker.encode() not in data, f"{marker} found in {name}: " + repr(
                data[max(0, data.find(marker.encode()) - 200) : data.find(marker.encode()) + 100]
            )
        logged = data.decode("utf-8", "replace")
        if name.startswith("logs/"):
            assert "Traceback" not in logged, f"a traceback in {name}: {logged[logged.find('Traceback') :][:1500]}"
        if name.startswith("logs/independent"):
            # The charity's logs are dated by the day, never the time (ADR 0031): gunicorn's error log included.
            clock = TIME_OF_DAY.search(logged)
            assert clock is None, f"a time of day in {name}: {logged[max(0, clock.start() - 80) : clock.end() + 80]}"
    print(f"\n{case}: {SENT['requests']} requests sent so far; {log_lines} log lines, {scanned} bytes scanned")
