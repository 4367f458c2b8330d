"""Attachment cleaning is the shared kit's (reportkit.attachments); this name stays for the police forms."""

from reportkit.attachments import ACCEPTED_TEXT, PDF_REFUSED, AttachmentRejected, CleanAttachment, clean_attachment

__all__ = ["ACCEPTED_TEXT", "PDF_REFUSED", "AttachmentRejected", "CleanAttachment", "clean_attachment"]
