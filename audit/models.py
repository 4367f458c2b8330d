"""The append-only audit trail. An event is written in its caller's transaction touching no shared row; the
sequencer (audit.sequencer.audit_seal) then gives it a place in the chain and the hash of the event before it,
so any edit or deletion of a sealed event breaks the chain and `manage.py audit_verify` finds it
(docs/adr/0037-audit-sequencer.md)."""

from typing import Any, NoReturn

from django.conf import settings
from django.db import models
from django.db.models import Q


class AppendOnlyError(Exception):
    """Raised when code tries to change or delete an audit event."""


class AuditEventQuerySet(models.QuerySet["AuditEvent"]):
    def update(self, **kwargs: Any) -> NoReturn:
        raise AppendOnlyError("Audit events cannot be changed.")

    def delete(self) -> NoReturn:
        raise AppendOnlyError("Audit events cannot be deleted.")

    def for_target(self, target: models.Model) -> "AuditEventQuerySet":
        return self.filter(target_type=target._meta.label_lower, target_id=str(target.pk))


class AuditEvent(models.Model):
    """Who did what to which record, when (and why, where a disclosure needs a justification)."""

    occurred_at = models.DateTimeField(db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="audit_events"
    )
    # "system" for scheduled work, otherwise the actor's username at the time.
    actor_label = models.CharField(max_length=150)
    action = models.CharField(max_length=80, db_index=True)
    target_type = models.CharField(max_length=80)
    target_id = models.CharField(max_length=64)
    # A reference or "<kind> <id>", never a person's name (audit.services.audit_label).
    target_label = models.CharField(max_length=200, blank=True)
    # Non-personal facts only (audit.services refuses personal keys).
    detail = models.JSONField(default=dict, blank=True)
    # A staff member's free-text reason: it may name someone, so the chain covers its digest, not the text,
    # and retention can erase the text while the chain stays verifiable (docs/adr/0034-retention-and-erasure.md).
    justification = models.TextField(blank=True)
    justification_digest = models.CharField(max_length=64, blank=True)
    justification_erased_at = models.DateTimeField(null=True, blank=True)
    # The event's own fields hashed when it is written (no link to any other event), so an edit made before the
    # sequencer seals it is found too. Empty on events chained before the sequencer existed.
    entry_hash = models.CharField(max_length=64, blank=True)
    # Set by the sequencer: the event's place in the chain, the previous event's hash and its own chained hash.
    # Empty until then ("unsealed").
    seq = models.PositiveBigIntegerField(null=True, blank=True, unique=True)
    prev_hash = models.CharField(max_length=64, blank=True)
    hash = models.CharField(max_length=64, blank=True)

    objects = AuditEventQuerySet.as_manager()

    class Meta:
        ordering = ["id"]
        indexes = [
            models.Index(fields=["target_type", "target_id"]),
            # What the sequencer reads: the (few) events not yet sealed.
            models.Index(fields=["id"], condition=Q(seq__isnull=True), name="audit_event_unsealed"),
        ]
        constraints = [models.UniqueConstraint(fields=["hash"], condition=~Q(hash=""), name="audit_event_hash")]

    def __str__(self) -> str:
        return f"{self.occurred_at:%Y-%m-%d %H:%M} {self.actor_label} {self.action} {self.target_label}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if self.pk is not None:
            raise AppendOnlyError("Audit events cannot be changed.")
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> NoReturn:
        raise AppendOnlyError("Audit events cannot be deleted.")


class ChainHead(models.Model):
    """A single row holding the newest sealed event's place and hash. Only the sequencer locks it (two
    sequencers take turns); writing an event never reads or locks it."""

    last_hash = models.CharField(max_length=64)
    last_seq = models.PositiveBigIntegerField(default=0)

    def __str__(self) -> str:
        return self.last_hash
