"""Signing and checking service-to-service requests (HMAC-SHA256 with a shared key).

A request carries: a key id, a timestamp, a random nonce and a signature over
    METHOD \\n PATH \\n TIMESTAMP \\n NONCE \\n SHA256(BODY)
The receiver refuses a bad signature, a timestamp outside the window, and a nonce it has already seen
(replay), in that order. Production may add mutual TLS in front; this layer still applies.
"""

import hashlib
import hmac
import secrets
import time
from dataclasses import dataclass

HEADER_KEY_ID = "X-Lookout-Key-Id"
HEADER_TIMESTAMP = "X-Lookout-Timestamp"
HEADER_NONCE = "X-Lookout-Nonce"
HEADER_SIGNATURE = "X-Lookout-Signature"
WINDOW_SECONDS = 300


class SignatureError(Exception):
    """The request is not from our partner service, is too old, or was already used."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


def _canonical(method: str, path: str, timestamp: str, nonce: str, body: bytes) -> bytes:
    digest = hashlib.sha256(body).hexdigest()
    return "\n".join([method.upper(), path, timestamp, nonce, digest]).encode()


def sign(*, key: bytes, key_id: str, method: str, path: str, body: bytes, now: float | None = None) -> dict[str, str]:
    """Headers to send with a request."""
    timestamp = str(int(now if now is not None else time.time()))
    nonce = secrets.token_hex(16)
    signature = hmac.new(key, _canonical(method, path, timestamp, nonce, body), hashlib.sha256).hexdigest()
    return {HEADER_KEY_ID: key_id, HEADER_TIMESTAMP: timestamp, HEADER_NONCE: nonce, HEADER_SIGNATURE: signature}


@dataclass(frozen=True)
class Verified:
    key_id: str
    nonce: str
    timestamp: int


def verify(
    *,
    keys: dict[str, bytes],
    method: str,
    path: str,
    body: bytes,
    headers: dict[str, str],
    now: float | None = None,
) -> Verified:
    """Check the signature and the time window. Replay (a nonce seen before) is checked by the caller
    against its store (partner.services.accept_nonce), after this succeeds."""
    key_id = headers.get(HEADER_KEY_ID, "")
    timestamp = headers.get(HEADER_TIMESTAMP, "")
    nonce = headers.get(HEADER_NONCE, "")
    signature = headers.get(HEADER_SIGNATURE, "")
    if not (key_id and timestamp and nonce and signature):
        raise SignatureError("unsigned", "The request is not signed.")
    key = keys.get(key_id)
    if key is None:
        raise SignatureError("unknown_key", "The signing key is not known.")
    expected = hmac.new(key, _canonical(method, path, timestamp, nonce, body), hashlib.sha256).hexdigest()
    if not hmac.compare_digest(expected, signature):
        raise SignatureError("bad_signature", "The signature does not match.")
    try:
        stamp = int(timestamp)
    except ValueError as exc:
        raise SignatureError("bad_timestamp", "The timestamp is not a number.") from exc
    current = now if now is not None else time.time()
    if abs(current - stamp) > WINDOW_SECONDS:
        raise SignatureError("stale", "The request is too old or from the future.")
    if len(nonce) < 16 or len(nonce) > 64:
        raise SignatureError("bad_nonce", "The nonce is malformed.")
    return Verified(key_id=key_id, nonce=nonce, timestamp=stamp)
