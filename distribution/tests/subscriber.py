"""A partner subscriber as another force would run one: a small real HTTP server that verifies every event with
the http-message-signatures library's own verifier and our public key alone, de-duplicates on the
Idempotency-Key, and acknowledges."""

import json
import threading
from http.server import ThreadingHTTPServer

from cryptography.hazmat.primitives import serialization
from http_message_signatures import HTTPMessageVerifier, InvalidSignature, MappingKeyResolver, algorithms
from http_message_signatures.structures import CaseInsensitiveDict

from partner.http_signatures import COVERED, TAG, OutgoingRequest
from partner.testing import QuietHandler, send_json


class Subscriber:
    def __init__(self, *, key_id: str, public_key_pem: str) -> None:
        self.received: list[dict] = []
        self.refused = 0
        self.seen: set[str] = set()
        subscriber = self
        public_key = serialization.load_pem_public_key(public_key_pem.encode())
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
                payload = json.loads(results[0].body)
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
