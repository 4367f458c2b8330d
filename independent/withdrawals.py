"""Takedown at the charity: the police say an appeal has ended (signed partner message "withdrawn") and it
leaves every page here at once. docs/adr/0030-takedown-to-partners.md.

Kept apart from services.py (reports, follow-ups, rewards): this is about the police's public list only and
touches no report. Reports already received about the appeal stay as they are.
"""

from typing import Any

from django.db import transaction
from django.utils import timezone

from audit.services import audit_record
from partner.messages import Ack

from .models import WithdrawnAppeal
from .police_api import appeals_forget


def appeal_withdrawal_receive(*, reference: str) -> dict[str, Any]:
    """Record that the appeal has ended (a tombstone, kept for good) and drop it from the kept list.
    Called inside partner.services.receive_message, so a retried message changes nothing."""
    reference = reference.strip().upper()
    with transaction.atomic():
        tombstone, created = WithdrawnAppeal.objects.get_or_create(
            reference=reference, defaults={"withdrawn_at": timezone.now()}
        )
        if created:
            audit_record(actor=None, action="appeal.withdrawn_received", target=tombstone)
    # Readers already leave it out (they check the tombstone); this keeps the cached copy clean too.
    transaction.on_commit(lambda: appeals_forget(reference))
    return Ack(reference=reference, received=True).model_dump()
