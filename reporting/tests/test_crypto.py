"""Encryption at rest: sealed boxes round-trip, and ciphertext carries nothing readable."""

import base64

import pytest
from nacl.exceptions import CryptoError
from nacl.public import PrivateKey

from reporting.crypto import seal, unseal
from reportkit.replay import replay_open, replay_seal


def test_sealed_box_round_trip_and_ciphertext_is_opaque():
    secret = b'{"name": "Alex Witness", "phone": "07700 900982"}'
    sealed = seal(secret)
    assert b"Alex" not in sealed and b"07700" not in sealed
    assert seal(secret) != sealed  # a fresh ephemeral key every time
    assert unseal(sealed) == secret


def test_a_different_private_key_cannot_open_it(settings):
    sealed = seal(b"contact")
    settings.LOOKOUT_CONTACT_PRIVATE_KEY = base64.b64encode(bytes(PrivateKey.generate())).decode()
    with pytest.raises(CryptoError):
        unseal(sealed)


def test_receipt_replay_round_trip():
    sealed = replay_seal("ABCD-EFGH")
    assert b"ABCD" not in sealed
    assert replay_open(sealed) == "ABCD-EFGH"
