"""Moved to reportkit.receipts (both services import it). Nothing in the tree imports this name any more; it
stays only until the branches written against it are merged, then goes."""

from reportkit.receipts import ALPHABET, CODE_LENGTH, receipt_format, receipt_hash, receipt_new, receipt_normalise

__all__ = ["ALPHABET", "CODE_LENGTH", "receipt_format", "receipt_hash", "receipt_new", "receipt_normalise"]
