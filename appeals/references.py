"""Public references such as W-7KQ2: short, stable, random (so they reveal no sequence or count)."""

import secrets

# Crockford-style alphabet without the characters people confuse (0/O, 1/I/L) or that spell words (U).
ALPHABET = "23456789ABCDEFGHJKMNPQRSTVWXYZ"
LENGTH = 4
PREFIX = {"wanted": "W", "missing": "M"}


def new_reference(kind: str) -> str:
    return f"{PREFIX[kind]}-" + "".join(secrets.choice(ALPHABET) for _ in range(LENGTH))


def normalise_reference(text: str) -> str:
    """Accept what people type from a poster: any case, stray spaces, a missing hyphen."""
    cleaned = "".join(text.split()).upper().replace("-", "")
    if len(cleaned) == LENGTH + 1:
        return f"{cleaned[0]}-{cleaned[1:]}"
    return cleaned
