"""HTTP Message Signatures (RFC 9421) with a Content-Digest (RFC 9530), for messages to subscribers outside the
two services: neighbouring forces and partner sites (docs/adr/0039-distribution-ledger.md).

We sign with an Ed25519 private key; a subscriber verifies with our public key alone, using any RFC 9421 library.
The signature covers the method, authority, target URI, content type, content digest and the idempotency key
(the message id: a receiver that has seen it answers the same and changes nothing), with `created`, a nonce and
the tag below. The keys are LOOKOUT_DISTRIBUTION_SIGNING_KEYS: key id -> PEM private key.
"""

import base64
import secrets
from dataclasses import dataclass, field

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ed25519
from django.conf import settings
from http_message_signatures import HTTPMessageSigner, MappingKeyResolver, algorithms
from http_message_signatures.structures import CaseInsensitiveDict

TAG = "lookout-distribution"
COVERED = ("@method", "@authority", "@target-uri", "content-type", "content-digest", "idempotency-key")


@dataclass
class OutgoingRequest:
    """The message shape the library signs: method, absolute URL and headers."""

    method: str
    url: str
    headers: CaseInsensitiveDict = field(default_factory=CaseInsensitiveDict)


def private_key(key_id: str) -> ed25519.Ed25519PrivateKey:
    pem = settings.LOOKOUT_DISTRIBUTION_SIGNING_KEYS[key_id].encode()
    key = serialization.load_pem_private_key(pem, password=None)
    if not isinstance(key, ed25519.Ed25519PrivateKey):
        raise ValueError(f"Signing key {key_id} is not an Ed25519 key.")
    return key


def public_key_pem(key_id: str) -> str:
    """The public half a subscriber is given to verify our messages (shown to administrators)."""
    public = private_key(key_id).public_key()
    return public.public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo).decode()


def new_private_key_pem() -> str:
    key = ed25519.Ed25519PrivateKey.generate()
    return key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    ).decode()


def sign(*, url: str, body: bytes, key_id: str, idempotency_key: str) -> dict[str, str]:
    """The headers to send with a POST of this JSON body to this URL."""
    request = OutgoingRequest(method="POST", url=url)
    request.headers["Content-Type"] = "application/json"
    request.headers["Idempotency-Key"] = idempotency_key
    signer = HTTPMessageSigner(
        signature_algorithm=algorithms.ED25519,
        key_resolver=MappingKeyResolver(public_keys={}, private_keys={key_id: private_key(key_id)}),
    )
    signer.sign(
        request,
        key_id=key_id,
        covered_component_ids=COVERED,
        body=body,
        nonce=base64.urlsafe_b64encode(secrets.token_bytes(16)).decode().rstrip("="),
        tag=TAG,
    )
    return dict(request.headers.items())
