"""Sending and receiving signed messages between the services, reliably: an outbox on the sending side
(stored in the same transaction as the change that caused it, retried by the worker until acknowledged)
and de-duplication on the receiving side."""

import json
import logging
import urllib.error
import urllib.request
from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Any

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone

from lookout.task_queue import enqueue_with_transaction

from . import http_signatures, signing
from .messages import Message
from .models import OutboxMessage, ReceivedMessage, SeenNonce

logger = logging.getLogger(__name__)
MAX_BACKOFF = timedelta(hours=1)
TIMEOUT_SECONDS = 10
# The committing request waits for this try (an officer closing an appeal): short, the outbox retries anyway.
AT_ONCE_TIMEOUT_SECONDS = 2


def partner_keys() -> dict[str, bytes]:
    return {key_id: key.encode() for key_id, key in settings.LOOKOUT_PARTNER_KEYS.items()}


def backoff(attempts: int) -> timedelta:
    """5 s, 10 s, 20 s … doubling, at most an hour between tries (LOOKOUT_PARTNER_RETRY_SECONDS sets the
    first wait; the end-to-end test shortens it)."""
    base: int = settings.LOOKOUT_PARTNER_RETRY_SECONDS
    return min(timedelta(seconds=base * 2 ** min(max(attempts - 1, 0), 20)), MAX_BACKOFF)


def outbox_enqueue(
    *,
    kind: str,
    path: str,
    message_id: str,
    payload: dict[str, Any],
    at_once: bool = False,
    endpoint: str = "",
    signing_key_id: str = "",
) -> OutboxMessage:
    """Store a message to send, in the caller's transaction, with the worker's task to send it.
    With at_once (a takedown), the committing process first tries to send it itself, with a short timeout,
    rather than wait for the worker's next poll (docs/adr/0030-takedown-to-partners.md). With an endpoint, the
    message goes to that subscriber, signed with HTTP Message Signatures (docs/adr/0039-distribution-ledger.md)."""
    from .tasks import deliver_message

    message = OutboxMessage.objects.create(
        kind=kind,
        path=path,
        message_id=message_id,
        payload=payload,
        next_attempt_at=timezone.now(),
        endpoint=endpoint,
        signing_key_id=signing_key_id,
    )
    if at_once:
        transaction.on_commit(lambda: outbox_deliver_at_once(message_id=message_id), robust=True)
    else:
        # In the same transaction (lookout.task_queue): a message committed always has its delivery queued.
        enqueue_with_transaction(deliver_message, message.message_id)
    return message


def outbox_send(message: Message, *, at_once: bool = False) -> OutboxMessage:
    """Put one partner message (partner.messages) in the outbox, to its path, in the caller's transaction."""
    return outbox_enqueue(
        kind=message.kind, path=message.path, message_id=message.message_id, payload=message.payload(), at_once=at_once
    )


def outbox_deliver_at_once(*, message_id: str) -> bool:
    """One quick try now; if it fails the worker takes over (retried with backoff until acknowledged)."""
    from .tasks import deliver_message

    if outbox_deliver(message_id=message_id, timeout=AT_ONCE_TIMEOUT_SECONDS):
        return True
    deliver_message.enqueue(message_id)
    return False


def _signed_request(message: OutboxMessage) -> urllib.request.Request:
    body = json.dumps(message.payload, sort_keys=True).encode()
    if message.endpoint:
        if not message.endpoint.startswith(("https://", "http://")):
            raise ValueError("A subscriber endpoint is http(s) only.")
        headers = http_signatures.sign(
            url=message.endpoint, body=body, key_id=message.signing_key_id, idempotency_key=message.message_id
        )
        url = message.endpoint
    else:
        headers = signing.sign(
            key=settings.LOOKOUT_PARTNER_KEYS[settings.LOOKOUT_PARTNER_KEY_ID].encode(),
            key_id=settings.LOOKOUT_PARTNER_KEY_ID,
            method="POST",
            path=message.path,
            body=body,
        )
        headers["Content-Type"] = "application/json"
        url = settings.LOOKOUT_PARTNER_URL.rstrip("/") + message.path
    # The URL comes from settings or from a subscriber an administrator entered, http(s) only (checked above).
    return urllib.request.Request(url, data=body, headers=headers, method="POST")  # noqa: S310


def _post(message: OutboxMessage, timeout: float = TIMEOUT_SECONDS) -> tuple[int, dict[str, Any]]:
    with urllib.request.urlopen(_signed_request(message), timeout=timeout) as response:  # noqa: S310
        answer = response.read() or b"{}"
        try:
            acknowledgement = json.loads(answer)
        except ValueError:
            acknowledgement = {}
        return response.status, acknowledgement if isinstance(acknowledgement, dict) else {}


def outbox_deliver(*, message_id: str, now: datetime | None = None, timeout: float = TIMEOUT_SECONDS) -> bool:
    """Try to deliver one message. True once acknowledged (now or before)."""
    now = now or timezone.now()
    with transaction.atomic():
        message = OutboxMessage.objects.select_for_update().filter(message_id=message_id).first()
        if message is None:
            return False
        if message.acknowledged_at is not None:
            return True
        message.attempts += 1
        try:
            status, acknowledgement = _post(message, timeout)
        except urllib.error.HTTPError as exc:
            message.last_error = f"HTTP {exc.code}"
        except (urllib.error.URLError, TimeoutError, ConnectionError, OSError, ValueError) as exc:
            message.last_error = type(exc).__name__
        else:
            if 200 <= status < 300:
                message.acknowledged_at = now
                message.acknowledgement = acknowledgement
                message.last_error = ""
                message.save(update_fields=["attempts", "acknowledged_at", "acknowledgement", "last_error"])
                return True
            message.last_error = f"HTTP {status}"
        message.next_attempt_at = now + backoff(message.attempts)
        message.save(update_fields=["attempts", "next_attempt_at", "last_error"])
        logger.warning(
            "Partner delivery of %s failed (%s); attempt %s", message.kind, message.last_error, message.attempts
        )
        return False


def outbox_deliver_due(*, now: datetime | None = None) -> tuple[int, int]:
    """Deliver every unacknowledged message that is due. Returns (delivered, still_pending)."""
    now = now or timezone.now()
    due = OutboxMessage.objects.filter(acknowledged_at__isnull=True, next_attempt_at__lte=now)
    delivered = sum(outbox_deliver(message_id=m, now=now) for m in due.values_list("message_id", flat=True))
    pending = OutboxMessage.objects.filter(acknowledged_at__isnull=True).count()
    return delivered, pending


def accept_nonce(nonce: str, *, now: datetime | None = None) -> None:
    """Record a nonce; refuse one already seen (a replayed request). Old nonces are pruned: the signing
    window already refuses requests older than they are."""
    now = now or timezone.now()
    try:
        with transaction.atomic():
            SeenNonce.objects.create(nonce=nonce, seen_at=now)
    except IntegrityError as exc:
        raise signing.SignatureError("replay", "This request was already received.") from exc
    SeenNonce.objects.filter(seen_at__lt=now - timedelta(seconds=signing.WINDOW_SECONDS * 2)).delete()


def receive_message(*, message_id: str, kind: str, handle: Callable[[], dict[str, Any]]) -> dict[str, Any]:
    """Run the handler once per message_id; a retried message gets the first acknowledgement back."""
    with transaction.atomic():
        existing = ReceivedMessage.objects.select_for_update().filter(message_id=message_id).first()
        if existing is not None:
            return dict(existing.acknowledgement)
        acknowledgement = handle()
        ReceivedMessage.objects.create(
            message_id=message_id, kind=kind, received_at=timezone.now(), acknowledgement=acknowledgement
        )
        return acknowledgement
