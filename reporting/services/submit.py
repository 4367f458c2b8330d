"""A report made online, or recorded by an officer from a call, an e-mail or a visit."""

import json
import uuid
from datetime import datetime, timedelta
from typing import Any

from django.conf import settings
from django.contrib.auth.models import User
from django.utils import timezone

from appeals.models import Appeal
from audit.services import audit_record
from reportkit.attachments import CleanAttachment
from reportkit.receipts import receipt_format, receipt_hash, receipt_new
from reportkit.replay import Submitted, replay_open, replay_seal, submit_once
from reportkit.storage import StoredFiles

from .. import permissions
from ..crypto import seal
from ..models import Channel, ContactDetails, InformationReport, Receipt
from ..signals import report_received
from .common import attachment_store, require

OFFICER_RECORDED_CHANNELS = {Channel.PHONE, Channel.EMAIL, Channel.IN_PERSON}


def _replay(token: uuid.UUID) -> Submitted[InformationReport] | None:
    report = InformationReport.objects.filter(idempotency_token=token).first()
    if report is None:
        return None
    code = None
    if report.receipt_replay and report.receipt_replay_until and report.receipt_replay_until > timezone.now():
        code = receipt_format(replay_open(bytes(report.receipt_replay)))
    return Submitted(report=report, receipt_code=code, repeated=True)


def receipt_replay_expire(*, now: datetime | None = None) -> int:
    """Wipe the receipt codes kept for replay whose window has passed; returns how many. A periodic job
    (`manage.py receipt_replay_expire --every N`, and the retention purge), never a reporter's request: a
    submission writes only its own rows. Until the sweep comes, `_replay` already refuses an expired copy."""
    return InformationReport.objects.filter(receipt_replay_until__lte=now or timezone.now()).update(
        receipt_replay=None, receipt_replay_until=None
    )


def report_submit(
    *,
    token: uuid.UUID,
    appeal: Appeal | None,
    answers: dict[str, Any],
    crime_category: str = "",
    urgent: bool = False,
    contact: dict[str, str] | None = None,
    files: list[CleanAttachment] | None = None,
    channel: str = Channel.CONFIDENTIAL,
    recorded_by: User | None = None,
    ended_appeal: str = "",
) -> Submitted[InformationReport]:
    """Store a confidential report, its answers, contact details and files in one transaction.

    Staff recording information received by phone, e-mail or in person pass the channel and themselves as
    `recorded_by` (the audit event names them); the rest is the same as a report made online.

    The same token posted again (double click, retry after a time-out) returns the first report and, within
    LOOKOUT_RECEIPT_REPLAY_SECONDS, the same receipt code; it never creates a second report.

    `ended_appeal` is the reference of an appeal that closed while its form was open: the report is stored
    without the appeal and the reference is kept in the audit event (ADR 0030).
    """
    if channel not in OFFICER_RECORDED_CHANNELS | {Channel.CONFIDENTIAL}:
        raise ValueError(f"report_submit does not take channel {channel!r}")
    if (channel in OFFICER_RECORDED_CHANNELS) != (recorded_by is not None):
        raise ValueError("Phone, e-mail and in-person reports are recorded by an officer; online ones are not.")
    if recorded_by is not None:
        require(permissions.can_record(recorded_by))
    code = receipt_new()
    contact = {k: v for k, v in (contact or {}).items() if v}

    def store(stored: StoredFiles) -> InformationReport:
        now = timezone.now()
        report = InformationReport.objects.create(
            channel=channel,
            appeal=appeal,
            crime_category="" if appeal is not None else crime_category,
            urgent=urgent,
            received_at=now,
            idempotency_token=token,
            receipt_replay=replay_seal(code),
            receipt_replay_until=now + timedelta(seconds=settings.LOOKOUT_RECEIPT_REPLAY_SECONDS),
            **answers,
        )
        Receipt.objects.create(report=report, code_hash=receipt_hash(code))
        if contact:
            ContactDetails.objects.create(report=report, sealed=seal(json.dumps(contact).encode()))
        for clean in files or []:
            attachment_store(report=report, message=None, clean=clean, files=stored)
        audit_record(
            actor=recorded_by,
            action="report.received",
            target=report,
            detail={
                "appeal": appeal.reference if appeal else "",
                "urgent": urgent,
                "files": len(files or []),
                "contact_given": bool(contact),
                "channel": channel,
                **({"ended_appeal": ended_appeal} if ended_appeal else {}),
            },
        )
        report_received.send(sender=InformationReport, report=report)
        return report

    return submit_once(replay=lambda: _replay(token), receipt_code=code, store=store)
