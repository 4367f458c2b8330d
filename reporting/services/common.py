"""What the report services share: the role check and storing one cleaned upload with its sealed original."""

from django.core.exceptions import PermissionDenied
from django.utils import timezone

from reportkit.attachments import CleanAttachment
from reportkit.storage import StoredFiles

from ..crypto import seal
from ..models import Attachment, Channel, InformationReport, Message


def require(allowed: bool) -> None:
    if not allowed:
        raise PermissionDenied("Your role does not allow this.")


def attachment_store(
    *, report: InformationReport, message: Message | None, clean: CleanAttachment, files: StoredFiles
) -> Attachment:
    """Write the cleaned copy (and, unless the report is anonymous, the sealed original) inside the caller's
    `reportkit.storage.files_atomic()` block, so the files go again if it rolls back."""
    attachment = Attachment(
        report=report,
        message=message,
        kind=clean.kind,
        content_type=clean.content_type,
        size=len(clean.clean),
        width=clean.width,
        height=clean.height,
        added_at=timezone.now(),
    )
    files.save(attachment.clean_file, "clean", clean.clean)
    if report.channel != Channel.ANONYMOUS:
        # Evidence: the untouched original, sealed. Anonymous uploads keep no original (DESIGN.md).
        files.save(attachment.original_sealed, "original", seal(clean.original))
        attachment.original_content_type = clean.original_content_type
        attachment.original_size = len(clean.original)
    attachment.save()
    return attachment
