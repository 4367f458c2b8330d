"""What staff do with a report on the desk that reads personal data: every read is role-checked and audited.

Reading what could identify a reporter (contact details, original files) is a service, not a selector,
because every such read checks the role and is audited."""

import json

from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied
from django.db import transaction

from audit.services import audit_record

from .. import permissions
from ..crypto import unseal
from ..models import Attachment, ContactDetails, InformationReport
from .common import require


@transaction.atomic
def contact_reveal(*, report: InformationReport, actor: User, justification: str) -> dict[str, str]:
    """The only way to read a reporter's contact details: role checked, reason recorded, reveal audited."""
    require(permissions.can_reveal(actor))
    if not justification.strip():
        raise PermissionDenied("A reason is needed to see contact details.")
    contact = ContactDetails.objects.filter(report=report).first()
    audit_record(
        actor=actor,
        action="report.contact_revealed",
        target=report,
        justification=justification.strip(),
        detail={"had_contact": contact is not None},
    )
    if contact is None:
        return {}
    data: dict[str, str] = json.loads(unseal(bytes(contact.sealed)))
    return data


@transaction.atomic
def attachment_original_reveal(*, attachment: Attachment, actor: User, justification: str) -> tuple[bytes, str]:
    """Open the sealed original of an upload (evidence): role checked, reason recorded, audited."""
    require(permissions.can_reveal(actor))
    if not justification.strip():
        raise PermissionDenied("A reason is needed to open an original file.")
    if not attachment.original_sealed:
        raise PermissionDenied("No original is kept for this file.")
    audit_record(
        actor=actor,
        action="report.original_viewed",
        target=attachment.report,
        justification=justification.strip(),
        detail={"attachment": str(attachment.public_id)},
    )
    with attachment.original_sealed.open("rb") as sealed:
        original = unseal(sealed.read())
    return original, attachment.original_content_type


@transaction.atomic
def report_viewed(*, report: InformationReport, actor: User, page: str) -> None:
    """Reading a report is reading personal data (the reporter's words, often about others): every view by
    staff is audited, naming the page it was seen on."""
    require(permissions.can_read_reports(actor))
    audit_record(actor=actor, action="report.viewed", target=report, detail={"page": page})
