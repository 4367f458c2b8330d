"""Which appeal each record imported from another agency became, so a second import of the same file makes and
changes nothing (docs/adr/0040-partner-embed-and-imports.md). Nothing here is on the appeal itself: an import is
a way of starting a draft, and the draft then goes through the usual assessment and authorisation."""

from django.conf import settings
from django.db import models


class ImportSource(models.TextChoices):
    FBI = "fbi", "FBI Wanted API"
    INTERPOL = "interpol", "Interpol notices"


class ImportRun(models.Model):
    """One import (from the command or the staff page): what it did, in numbers. The audit event's target."""

    source = models.CharField(max_length=10, choices=ImportSource.choices)
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created = models.PositiveIntegerField(default=0)
    updated = models.PositiveIntegerField(default=0)
    skipped = models.PositiveIntegerField(default=0)
    ran_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-ran_at"]

    def __str__(self) -> str:
        return f"{self.get_source_display()} import {self.pk}"

    @property
    def audit_label(self) -> str:
        return f"import {self.pk} ({self.source})"


class ImportedRecord(models.Model):
    """A record of another agency (source + its id, normalised) and the draft it became. The digest is of what
    the import would write, so an unchanged record is recognised and left alone."""

    source = models.CharField(max_length=10, choices=ImportSource.choices)
    external_id = models.CharField(max_length=100)
    appeal = models.ForeignKey("appeals.Appeal", on_delete=models.CASCADE, related_name="+")
    digest = models.CharField(max_length=64)
    first_run = models.ForeignKey(ImportRun, on_delete=models.PROTECT, related_name="+")
    imported_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["source", "external_id"], name="imports_one_appeal_per_record")]

    def __str__(self) -> str:
        return f"{self.source}:{self.external_id}"
