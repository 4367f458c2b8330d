"""Sealing what a reporter gave the charity: their own words, their answers and their (cleaned) files.

Sealed boxes (libsodium through PyNaCl), as the police seal contact details (reporting.crypto): the public
half of INDEPENDENT_SEAL_PRIVATE_KEY seals, so a copy of the database or the media folder reveals nothing;
only `sealed_open`, called by independent.reveal (which audits each read), opens. docs/adr/0031.
"""

import json
from typing import Any

from django.conf import settings

from reportkit.sealedbox import box_open, box_seal


def seal_bytes(data: bytes) -> bytes:
    return box_seal(settings.INDEPENDENT_SEAL_PRIVATE_KEY, data)


def seal_json(value: Any) -> bytes:
    return seal_bytes(json.dumps(value, sort_keys=True).encode())


def sealed_open(data: bytes | memoryview) -> bytes:
    """Decrypt. Only independent.reveal calls this (each read audited) - and forwarding, which reads the
    files the operator chose to send."""
    return box_open(settings.INDEPENDENT_SEAL_PRIVATE_KEY, bytes(data))


def sealed_open_json(data: bytes | memoryview) -> Any:
    return json.loads(sealed_open(data))
