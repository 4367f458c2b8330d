"""Receipt codes live in reportkit.receipts, which both services import; this name stays for the police
modules that still say `from .receipts import ...`."""

from reportkit.receipts import ALPHABET, CODE_LENGTH, receipt_format, receipt_hash, receipt_new, receipt_normalise

__all__ = ["ALPHABET", "CODE_LENGTH", "receipt_format", "receipt_hash", "receipt_new", "receipt_normalise"]
