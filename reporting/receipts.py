"""Receipt codes are the shared kit's (reportkit.receipts); this name stays for the police forms that import it."""

from reportkit.receipts import ALPHABET, CODE_LENGTH, receipt_format, receipt_hash, receipt_new, receipt_normalise

__all__ = ["ALPHABET", "CODE_LENGTH", "receipt_format", "receipt_hash", "receipt_new", "receipt_normalise"]
