"""Takedown reaches our partners: when a published appeal ends, the partner outbox gets a signed "withdrawn"
message in the same transaction, sent at once after commit and retried until acknowledged.
docs/adr/0030-takedown-to-partners.md.

The message carries the public reference and a message id only: nothing about the person or the case.
Today the one subscriber is the independent service (LOOKOUT_PARTNER_URL).
"""

from partner.messages import Withdrawal
from partner.services import outbox_send

from .models import Appeal


def partners_were_told(appeal: Appeal) -> bool:
    """Only an appeal that was published can be on a partner's pages; a draft or a request for
    authorisation never left the back office, so closing it tells nobody."""
    return appeal.was_public


def appeal_withdrawal_enqueue(*, appeal: Appeal) -> None:
    """Call inside the transaction that ends the publication."""
    if not partners_were_told(appeal):
        return
    outbox_send(Withdrawal(message_id=f"withdrawn:{appeal.reference}", reference=appeal.reference), at_once=True)
