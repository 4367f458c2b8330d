"""Codes derived from a form token's nonce, so a repeated post shows the same result as the first without
the charity keeping a copy of the code or a deadline for it (docs/adr/0031-charity-time-and-sealing.md).

The nonce (128 random bits) is in the reporter's page only; the database keeps a keyed hash of it. A repeat
carries the nonce again, finds the row by that hash and derives the same code. Someone holding the database
and every key still cannot derive a code: the nonce is not stored. A repeat works while the form token is
valid (LOOKOUT_FORM_TOKEN_MAX_AGE), the same limit as for any post of that form.
"""

import hashlib
import hmac

from django.conf import settings

from reportkit.receipts import ALPHABET


def _key(purpose: str) -> bytes:
    return hmac.new(settings.LOOKOUT_RECEIPT_KEY.encode(), f"independent-{purpose}".encode(), hashlib.sha256).digest()


def nonce_key(nonce: str, *, purpose: str, extra: str = "") -> str:
    """The keyed hash stored in place of a nonce (hex HMAC-SHA256); `extra` adds what else makes a post the
    same post (an answer's text)."""
    return hmac.new(_key("nonce"), f"{purpose}|{nonce}|{extra}".encode(), hashlib.sha256).hexdigest()


def code_from_nonce(nonce: str, *, purpose: str, length: int) -> str:
    """`length` Crockford base32 characters (5 bits each, at most 51) drawn from HMAC(nonce)."""
    digest = int.from_bytes(hmac.new(_key("code"), f"{purpose}|{nonce}".encode(), hashlib.sha256).digest(), "big")
    return "".join(ALPHABET[(digest >> (5 * i)) & 31] for i in range(length))
