"""Encryption at rest for what could identify a reporter: contact details and original uploads.

Sealed boxes (libsodium through PyNaCl): anyone holding the public key can encrypt, only the private key
(LOOKOUT_CONTACT_PRIVATE_KEY, from the environment, never in the database) can decrypt.
See docs/adr/0004-receipts-idempotency-encryption.md. The receipt's replay sealing is the shared kit's
(reportkit.replay).
"""

import base64
from functools import lru_cache

from django.conf import settings
from nacl.public import PrivateKey, SealedBox


@lru_cache(maxsize=4)
def _private_key(encoded: str) -> PrivateKey:
    return PrivateKey(base64.b64decode(encoded))


def _key() -> PrivateKey:
    return _private_key(settings.LOOKOUT_CONTACT_PRIVATE_KEY)


def seal(data: bytes) -> bytes:
    """Encrypt for the holder of the private key (the web process needs only the public half)."""
    return SealedBox(_key().public_key).encrypt(data)


def unseal(data: bytes) -> bytes:
    """Decrypt; called only by the services that audit the reveal."""
    return SealedBox(_key()).decrypt(data)
