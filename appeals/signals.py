"""Moments in an appeal's public life that other police apps act on, sent inside the service's transaction so a
receiver's writes (outbox messages, ledger rows) commit or roll back with the change. The distribution ledger
(distribution.apps) listens to both: docs/adr/0039-distribution-ledger.md."""

from django.dispatch import Signal

# sender=Appeal, appeal=<the appeal, now published>
appeal_published = Signal()
# sender=Appeal, appeal=<the appeal, now closed>; was_public tells whether it had ever left the back office.
appeal_closed = Signal()
