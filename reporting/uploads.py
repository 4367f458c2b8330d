"""The upload field is the shared kit's (reportkit.uploads); this name stays for the forms that import it."""

from reportkit.uploads import MultipleFileField, MultipleFileInput

__all__ = ["MultipleFileField", "MultipleFileInput"]
