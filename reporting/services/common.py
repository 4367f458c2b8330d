"""What the report services share: the role check and storing one cleaned upload with its sealed original."""

import uuid
from datetime import datetime

from django.contrib.auth.models import User
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


def message_once(
    *,
    token: uuid.UUID,
    report: InformationReport,
    direction: str,
    body: str,
    sent_at: datetime,
    author: User | None = None,
) -> tuple[Message, bool]:
    """The message with this idempotency token, made now if there is none yet; True when it was made."""
    return Message.objects.get_or_create(
        idempotency_token=token,
        defaults={"report": report, "direction": direction, "body": body, "author": author, "sent_at": sent_at},
    )
