"""Receipt codes: 140 random bits written as 28 Crockford base32 characters in groups of four.

The code is shown to the reporter once and stored only as an HMAC-SHA256 keyed hash, so a look-up is one
indexed query and a copy of the database does not reveal any code (docs/adr/0004-receipts-idempotency-encryption.md).
"""

import hashlib
import hmac
import secrets

from django.conf import settings

ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"  # Crockford: no I, L, O or U
CODE_LENGTH = 28  # 28 x 5 = 140 bits
GROUP = 4
# Crockford's decoding is forgiving of the letters people confuse with digits.
_CONFUSABLE = str.maketrans({"I": "1", "L": "1", "O": "0"})


def receipt_new() -> str:
    """A fresh code in its canonical form (28 characters, no separators)."""
    bits = secrets.randbits(CODE_LENGTH * 5)  # one read of the system's randomness, five bits a character
    return "".join(ALPHABET[(bits >> (5 * i)) & 31] for i in range(CODE_LENGTH))


def receipt_format(code: str) -> str:
    """Readable groups: 7KQ2-XM4P-..."""
    return "-".join(code[i : i + GROUP] for i in range(0, len(code), GROUP))


def receipt_normalise(text: str) -> str | None:
    """The canonical code for what someone typed, or None when it cannot be a code at all.

    Spaces, hyphens and case are ignored; I and L read as 1 and O as 0."""
    cleaned = "".join(ch for ch in text.upper() if ch not in " -\t\r\n").translate(_CONFUSABLE)
    if len(cleaned) != CODE_LENGTH or any(ch not in ALPHABET for ch in cleaned):
        return None
    return cleaned


def receipt_hash(code: str) -> str:
    """The keyed hash stored in place of the code (hex HMAC-SHA256 under LOOKOUT_RECEIPT_KEY)."""
    key = settings.LOOKOUT_RECEIPT_KEY.encode()
    return hmac.new(key, code.encode(), hashlib.sha256).hexdigest()
