"""Members of the public sending the real report form, as a browser does, for the surge benchmark
(bench/surge.py) and the crash and scale-out tests: GET the form (a fresh signed token; the public pages set no
cookie, so there is no CSRF cookie to carry), then POST the answers from the same origin (`Sec-Fetch-Site`, as
every current browser sends it, docs/adr/0006). A post whose answer does not arrive (a refused connection, a
reset, a time-out, a 5xx while the server restarts) is sent again with the same token, as a person pressing
the button again would; the receipt shown is what they keep. No Django here: the driver runs beside servers.
"""

import http.client
import re
import secrets
import threading
import time
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

TOKEN = re.compile(rb'name="token" value="([^"]+)"')
RECEIPT = re.compile(rb'id="receipt-code">([0-9A-Z-]+)<')
# About 1.2 KB of answers in the fields of the appeal form, as a careful witness writes them.
DETAILS = (
    "I saw a man matching the photo outside the Mill Street gym at about half past six yesterday evening. "
    "He was wearing a dark green hooded jacket, grey jogging bottoms and white trainers, and carried a black "
    "sports bag over his left shoulder. He spoke to a woman in a red coat for a few minutes, then walked "
    "towards the bus station. He got into a silver hatchback, registration starting QZ71, parked by the "
    "newsagent. The car drove off towards the ring road. He looked thinner than in the picture and had a short "
    "beard. I am sure it was him because of the scar above his eyebrow. The woman stayed at the bus stop and "
    "took the number 12. I did not speak to either of them. There were other people around who may also have "
    "seen him, including staff at the gym reception. I have not told anyone else about this. "
)
ANSWERS = {
    "details": DETAILS,
    "acquaintance": "of_them",
    "last_seen_when": "Yesterday about 18:30",
    "last_seen_where": "Outside the Mill Street gym",
    "vehicle_registration": "QZ71 XLR",
}


class Unanswered(Exception):
    """The server gave no usable answer (connection refused or reset, time-out, 5xx): try again."""


@dataclass
class Tally:
    """What every client saw: the receipts shown (one per report a person was told was received), each post's
    latency from the press of the button to its receipt, and the errors along the way."""

    receipts: list[str] = field(default_factory=list)
    latencies: list[float] = field(default_factory=list)
    retries: int = 0
    refused: dict[str, int] = field(default_factory=dict)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def refuse(self, why: str) -> None:
        with self.lock:
            self.refused[why] = self.refused.get(why, 0) + 1


def multipart(fields: dict[str, str], files: Sequence[tuple[str, str, str, bytes]]) -> tuple[str, bytes]:
    """A form as a browser encodes one with a file input (multipart/form-data)."""
    boundary = "----lookout" + secrets.token_hex(12)
    parts: list[bytes] = []
    for name, value in fields.items():
        parts.append(f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n{value}\r\n'.encode())
    for name, filename, content_type, data in files:
        head = (
            f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"; filename="{filename}"\r\n'
            f"Content-Type: {content_type}\r\n\r\n"
        )
        parts.append(head.encode() + data + b"\r\n")
    parts.append(f"--{boundary}--\r\n".encode())
    return f"multipart/form-data; boundary={boundary}", b"".join(parts)


class Reporter:
    """One person's browser: a keep-alive connection to one of the service's addresses at a time."""

    def __init__(
        self,
        ports: Sequence[int],
        path: str,
        *,
        photo: bytes | None = None,
        extra: dict[str, str] | None = None,
        timeout: float = 30,
    ) -> None:
        self.ports = list(ports)
        self.path = path
        self.photo = photo
        self.extra = extra or {}  # more fields, e.g. urgent (the hidden field the 999 page's form carries)
        self.timeout = timeout
        self.turn = 0
        self.conn: http.client.HTTPConnection | None = None
        self.port = self.ports[0]

    def _next_port(self) -> None:
        """Alternate between the app processes (two gunicorn masters in the scale-out runs)."""
        self.turn += 1
        self.port = self.ports[self.turn % len(self.ports)]
        self.close()

    def close(self) -> None:
        if self.conn is not None:
            self.conn.close()
            self.conn = None

    def _request(self, method: str, body: bytes | None = None, content_type: str = "") -> bytes:
        headers = {"Host": f"127.0.0.1:{self.port}", "Sec-Fetch-Site": "same-origin"} if method == "POST" else {}
        if content_type:
            headers["Content-Type"] = content_type
        for attempt in range(2):  # a kept-alive connection the server closed meanwhile: open a new one once
            if self.conn is None:
                self.conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=self.timeout)
            try:
                self.conn.request(method, self.path, body=body, headers=headers)
                response = self.conn.getresponse()
                data = response.read()
            except (OSError, http.client.HTTPException) as exc:
                self.close()
                if attempt == 0 and isinstance(exc, http.client.RemoteDisconnected | BrokenPipeError):
                    continue
                raise Unanswered(type(exc).__name__) from exc
            if response.getheader("Connection", "").lower() == "close":
                self.close()
            if response.status >= 500:
                raise Unanswered(str(response.status))
            if response.status != 200:
                raise Unanswered(f"http {response.status}")
            return data
        raise Unanswered("disconnected")  # pragma: no cover - the loop returns or raises

    def form_token(self) -> str:
        page = self._request("GET")
        found = TOKEN.search(page)
        if found is None:
            raise Unanswered("no token on the form")
        return found.group(1).decode()

    def send(self, token: str) -> str:
        """POST the answers with this token; the receipt shown."""
        fields = {"token": token, **ANSWERS, **self.extra}
        files = [("attachments", "photo.jpg", "image/jpeg", self.photo)] if self.photo is not None else []
        content_type, body = multipart(fields, files)
        page = self._request("POST", body, content_type)
        found = RECEIPT.search(page)
        if found is None:
            raise Unanswered("no receipt on the answer")
        return found.group(1).decode()

    def report(self, tally: Tally, *, until: Callable[[], bool], give_up: float = 60) -> bool:
        """One report, retried (same token) until its receipt is shown; False if it never was by `give_up`."""
        deadline = time.monotonic() + give_up
        token = None
        while token is None:
            try:
                token = self.form_token()
            except Unanswered as exc:
                tally.refuse(f"form: {exc}")
                if until() or time.monotonic() > deadline:
                    return False
                self._next_port()
                time.sleep(0.05)
        pressed = time.monotonic()
        while True:
            try:
                receipt = self.send(token)
            except Unanswered as exc:
                tally.refuse(f"post: {exc}")
                if time.monotonic() > deadline:
                    return False
                with tally.lock:
                    tally.retries += 1
                self._next_port()
                time.sleep(0.05)
                continue
            with tally.lock:
                tally.receipts.append(receipt)
                tally.latencies.append(time.monotonic() - pressed)
            self._next_port()
            return True


def burst(
    ports: Sequence[int],
    path: str,
    *,
    clients: int,
    seconds: float | None = None,
    reports: int | None = None,
    photo: bytes | None = None,
    extra: Callable[[int], dict[str, str]] | None = None,
    tally: Tally | None = None,
) -> Tally:
    """`clients` people sending reports one after another, for `seconds` or until `reports` have been sent;
    `extra(i)` gives person i's further fields; `tally` may be one the caller is watching."""
    tally = tally or Tally()
    ports = list(ports)
    started = time.monotonic()
    counter = iter(range(reports if reports is not None else 10**12))
    counter_lock = threading.Lock()

    def over() -> bool:
        return seconds is not None and time.monotonic() - started > seconds

    def person(index: int) -> None:
        turn = index % len(ports)
        fields = extra(index) if extra else None
        reporter = Reporter(ports[turn:] + ports[:turn], path, photo=photo, extra=fields)
        while not over():
            with counter_lock:
                if next(counter, None) is None:
                    break
            reporter.report(tally, until=over)
        reporter.close()

    threads = [threading.Thread(target=person, args=(i,), daemon=True) for i in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return tally


def new_token_nonce(token: str) -> uuid.UUID:
    """The idempotency key a signed form token carries (reportkit.formtoken): its nonce."""
    return uuid.UUID(token.split(".")[2])
