"""Test support for the partner channel, shared by both services' suites (imports no app of either):
signed requests through Django's test client, and a loopback peer's signature check and JSON answers."""

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ed25519
from django.test import Client
from http_message_signatures import HTTPMessageVerifier, InvalidSignature, MappingKeyResolver, algorithms
from http_message_signatures.structures import CaseInsensitiveDict

from . import signing
from .http_signatures import COVERED, TAG, OutgoingRequest

# The development key of both services' test settings (LOOKOUT_PARTNER_KEYS).
KEY = "dev-partner-key-not-for-production"
KEY_ID = "k1"


def signed_headers(path: str, payload: Any, *, key: str = KEY, key_id: str = KEY_ID) -> dict[str, str]:
    """The signature headers of a POST of `payload` (as `signed` encodes it) to `path`."""
    return signing.sign(key=key.encode(), key_id=key_id, method="POST", path=path, body=json.dumps(payload).encode())


def signed(client: Client, path: str, payload: Any, *, key: str = KEY, headers: dict[str, str] | None = None) -> Any:
    """POST `payload` as JSON to `path`, signed as the partner service signs it (or with the `headers` given,
    to replay a request)."""
    headers = headers or signed_headers(path, payload, key=key)
    return client.post(path, json.dumps(payload).encode(), content_type="application/json", headers=headers)


class QuietHandler(BaseHTTPRequestHandler):
    """A loopback peer's request handler that keeps the test output free of access-log lines."""

    def log_message(self, *args: object) -> None:
        pass


def serve_loopback(handler: type[BaseHTTPRequestHandler]) -> ThreadingHTTPServer:
    """`handler` served on a free loopback port from a daemon thread; `server.shutdown()` and
    `server.server_close()` stop it."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def send_json(handler: BaseHTTPRequestHandler, data: Any, status: int = 200) -> None:
    """Answer a loopback request with `data` as JSON."""
    body = json.dumps(data).encode()
    handler.send_response(status)
    handler.send_header("Content-Type", "application/json")
    handler.send_header("Content-Length", str(len(body)))
    handler.end_headers()
    handler.wfile.write(body)


def verified_body(handler: BaseHTTPRequestHandler, keys: dict[str, bytes]) -> bytes | None:
    """The body of a loopback POST whose partner signature verifies with `keys`; otherwise the request is
    answered 401 and None is returned."""
    body = handler.rfile.read(int(handler.headers["Content-Length"]))
    try:
        signing.verify(keys=keys, method="POST", path=handler.path, body=body, headers=dict(handler.headers))
    except signing.SignatureError:
        handler.send_response(401)
        handler.end_headers()
        return None
    return body


class SignedEventSubscriber:
    """A distribution subscriber as another force would run one: a small real HTTP server that verifies every
    event with the http-message-signatures library's own verifier and our public key alone (RFC 9421, with the
    Content-Digest checked against the body), de-duplicates on the Idempotency-Key, and acknowledges."""

    def __init__(self, *, key_id: str, public_key_pem: str) -> None:
        self.received: list[dict] = []
        self.refused = 0
        self.seen: set[str] = set()
        subscriber = self
        public_key = serialization.load_pem_public_key(public_key_pem.encode())
        if not isinstance(public_key, ed25519.Ed25519PublicKey):
            raise ValueError("Our events are signed with Ed25519.")
        verifier = HTTPMessageVerifier(
            signature_algorithm=algorithms.ED25519,
            key_resolver=MappingKeyResolver(public_keys={key_id: public_key}, private_keys={}),
        )

        class Handler(QuietHandler):
            def do_POST(self) -> None:  # noqa: N802
                body = self.rfile.read(int(self.headers["Content-Length"]))
                request = OutgoingRequest(method="POST", url=f"http://{self.headers['Host']}{self.path}")
                request.headers = CaseInsensitiveDict(self.headers.items())
                try:
                    results = verifier.verify(request, body=body, expect_tag=TAG, require_components=COVERED)
                except InvalidSignature:
                    subscriber.refused += 1
                    send_json(self, {"error": "bad signature"}, status=401)
                    return
                # "See what is signed": trust only the verified body.
                payload = json.loads(results[0].body or b"{}")
                key = self.headers["Idempotency-Key"]
                if key not in subscriber.seen:
                    subscriber.seen.add(key)
                    subscriber.received.append(payload)
                send_json(self, {"acknowledged": payload["message_id"]})

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.port = self.server.server_address[1]
        self.url = f"http://127.0.0.1:{self.port}/lookout/events"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()
