"""The append-only audit trail. Each event carries the hash of the one before it, so any edit or deletion
breaks the chain and `manage.py audit_verify` finds it."""

from typing import Any, NoReturn

from django.conf import settings
from django.db import models


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
    prev_hash = models.CharField(max_length=64)
    hash = models.CharField(max_length=64, unique=True)

    objects = AuditEventQuerySet.as_manager()

    class Meta:
        ordering = ["id"]
        indexes = [models.Index(fields=["target_type", "target_id"])]

    def __str__(self) -> str:
        return f"{self.occurred_at:%Y-%m-%d %H:%M} {self.actor_label} {self.action} {self.target_label}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if self.pk is not None:
            raise AppendOnlyError("Audit events cannot be changed.")
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> NoReturn:
        raise AppendOnlyError("Audit events cannot be deleted.")


class ChainHead(models.Model):
    """A single row holding the newest event's hash; locking it serialises appends to the chain."""

    last_hash = models.CharField(max_length=64)

    def __str__(self) -> str:
        return self.last_hash
