"""Encryption at rest for what could identify a reporter: contact details and original uploads.

Sealed boxes (libsodium through PyNaCl): anyone holding the public key can encrypt, only the private key
(LOOKOUT_CONTACT_PRIVATE_KEY, from the environment, never in the database) can decrypt.
See docs/adr/0004-receipts-idempotency-encryption.md. The receipt's replay sealing is the shared kit's
(reportkit.replay).
"""

from django.conf import settings

from reportkit.sealedbox import box_open, box_seal


def seal(data: bytes) -> bytes:
    """Encrypt for the holder of the private key (the web process needs only the public half)."""
    return box_seal(settings.LOOKOUT_CONTACT_PRIVATE_KEY, data)


def unseal(data: bytes) -> bytes:
    """Decrypt; called only by the services that audit the reveal."""
    return box_open(settings.LOOKOUT_CONTACT_PRIVATE_KEY, data)
