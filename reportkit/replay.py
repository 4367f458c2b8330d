"""A report is stored once, however often its form is posted (a double click, a retry after a time-out), and
the repeated post is shown the first post's receipt. Both services submit through `submit_once`; each says how
it finds the first report again and how it stores a new one (docs/adr/0004-receipts-idempotency-encryption.md).

The police keep the receipt code for a short replay window, encrypted under a key derived from
LOOKOUT_RECEIPT_KEY (`replay_seal` / `replay_open`); the charity derives it again from the form's nonce
(independent.codes) and keeps nothing.
"""

import hashlib
import hmac
from collections.abc import Callable
from dataclasses import dataclass
from typing import Generic, TypeVar

from django.conf import settings
from django.db import IntegrityError
from nacl.secret import SecretBox

from .receipts import receipt_format
from .storage import StoredFiles, files_atomic

R = TypeVar("R")


@dataclass(frozen=True)
class Submitted(Generic[R]):
    report: R
    receipt_code: str | None  # formatted for reading; None once the replay window has passed
    repeated: bool  # True when this post repeated one already received


def submit_once(
    *, replay: Callable[[], Submitted[R] | None], receipt_code: str, store: Callable[[StoredFiles], R]
) -> Submitted[R]:
    """`store` writes a new report in a durable transaction (committed before the thank-you page) whose files go
    again if it rolls back; when the post was received before, the report's unique token refuses the insert and
    `replay` finds the first report instead.

    The insert comes first because nearly every post is new: looking for an earlier report first would cost
    every reporter in a surge a query that finds nothing. A repeated post (a double click, a retry after a
    time-out) fails on the unique token before any file is written, and one sent while the first is still being
    stored waits for that commit on the token's index, then is shown the first report."""
    try:
        with files_atomic(durable=True) as files:
            report = store(files)
    except IntegrityError:
        repeated = replay()
        if repeated is None:  # not the token: another constraint refused the report
            raise
        return repeated
    return Submitted(report=report, receipt_code=receipt_format(receipt_code), repeated=False)


def _replay_box() -> SecretBox:
    key = hmac.new(settings.LOOKOUT_RECEIPT_KEY.encode(), b"receipt-replay", hashlib.sha256).digest()
    return SecretBox(key)


def replay_seal(text: str) -> bytes:
    """Encrypt a receipt code for its short replay window (a repeated post shows the same code)."""
    return bytes(_replay_box().encrypt(text.encode()))


def replay_open(data: bytes) -> str:
    return _replay_box().decrypt(data).decode()
