"""The outbox against a real HTTP peer on loopback that checks signatures: retries while the peer is
down, delivers once it is up, and the receiver de-duplicates retried messages."""

import json
import threading
from datetime import timedelta
from http.server import ThreadingHTTPServer

import pytest
from django.db import transaction
from django.utils import timezone

from partner.models import OutboxMessage, ReceivedMessage
from partner.services import backoff, outbox_deliver, outbox_deliver_due, outbox_enqueue, receive_message
from partner.testing import KEY, QuietHandler, send_json, verified_body


class Peer:
    """A minimal partner: verifies the signature, remembers message ids, answers with an acknowledgement."""

    def __init__(self) -> None:
        self.received: list[dict] = []
        peer = self

        class Handler(QuietHandler):
            def do_POST(self) -> None:  # noqa: N802
                body = verified_body(self, {"k1": KEY.encode()})
                if body is None:
                    return
                payload = json.loads(body)
                peer.received.append(payload)
                send_json(self, {"acknowledged": payload["message_id"]})

        self.handler = Handler
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.port = self.server.server_address[1]
        self.serving = False

    def start(self, port: int | None = None) -> None:
        if port is not None:
            self.server = ThreadingHTTPServer(("127.0.0.1", port), self.handler)
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        self.serving = True

    def stop(self) -> None:
        if self.serving:
            self.server.shutdown()
            self.serving = False
        self.server.server_close()


@pytest.fixture
def peer(settings):
    p = Peer()
    settings.LOOKOUT_PARTNER_URL = f"http://127.0.0.1:{p.port}"
    settings.LOOKOUT_PARTNER_KEYS = {"k1": KEY}
    settings.LOOKOUT_PARTNER_KEY_ID = "k1"
    yield p
    p.stop()


def test_backoff_doubles_and_is_capped():
    assert [backoff(n).total_seconds() for n in (1, 2, 3, 4)] == [5, 10, 20, 40]
    assert backoff(50) == timedelta(hours=1)


@pytest.mark.django_db
def test_message_is_retried_while_the_peer_is_down_then_delivered_once(peer, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False), transaction.atomic():
        outbox_enqueue(kind="test", path="/receive", message_id="m-1", payload={"message_id": "m-1", "x": 1})
    # The peer's port is bound but not serving yet: the connection is refused or times out.
    peer.server.server_close()
    assert outbox_deliver(message_id="m-1") is False
    message = OutboxMessage.objects.get(message_id="m-1")
    assert message.attempts == 1 and message.acknowledged_at is None and message.last_error
    assert message.next_attempt_at > timezone.now()

    # Not due yet: the sweep leaves it alone.
    assert outbox_deliver_due() == (0, 1)

    # The peer comes back on the same port.
    peer.start(port=peer.port)
    delivered, pending = outbox_deliver_due(now=timezone.now() + timedelta(minutes=5))
    assert (delivered, pending) == (1, 0)
    assert peer.received == [{"message_id": "m-1", "x": 1}]
    # Delivering again is a no-op once acknowledged.
    assert outbox_deliver(message_id="m-1") is True
    assert len(peer.received) == 1


@pytest.mark.django_db
def test_receiver_runs_the_handler_once_per_message_id():
    calls = []

    def handle():
        calls.append(1)
        return {"reference": "X-1"}

    first = receive_message(message_id="m-9", kind="test", handle=handle)
    second = receive_message(message_id="m-9", kind="test", handle=handle)
    assert first == second == {"reference": "X-1"}
    assert calls == [1] and ReceivedMessage.objects.count() == 1
