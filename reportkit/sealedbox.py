"""Sealed boxes (libsodium through PyNaCl) for both services: anyone holding the public half of a key can
seal, only the private key opens. Each service names its own key setting (reporting.crypto,
independent.sealing); the key is read from the environment, never from the database."""

import base64
from functools import lru_cache

from nacl.public import PrivateKey, SealedBox


@lru_cache(maxsize=4)
def _private_key(encoded: str) -> PrivateKey:
    return PrivateKey(base64.b64decode(encoded))


def box_seal(encoded_private_key: str, data: bytes) -> bytes:
    """Encrypt for the holder of the private key (only its public half is used)."""
    return bytes(SealedBox(_private_key(encoded_private_key).public_key).encrypt(data))


def box_open(encoded_private_key: str, data: bytes) -> bytes:
    return bytes(SealedBox(_private_key(encoded_private_key)).decrypt(data))
