"""The intelligence desk: gradings (3x5x2), actions disseminated to units, urgent alerts to the desk, and
appeals shared with or transferred to specialist units.

The reporter's details never appear here: a grading carries a sanitised summary written by the analyst, and
that summary is all an action (and so a unit officer) ever sees of the report.
"""

from django.conf import settings
from django.db import models


class SourceEvaluation(models.TextChoices):
    RELIABLE = "1", "1 · Reliable"
    UNTESTED = "2", "2 · Untested"
    NOT_RELIABLE = "3", "3 · Not reliable"


class IntelligenceAssessment(models.TextChoices):
    KNOWN_DIRECTLY = "A", "A · Known directly"
    INDIRECT_CORROBORATED = "B", "B · Known indirectly but corroborated"
    KNOWN_INDIRECTLY = "C", "C · Known indirectly"
    NOT_KNOWN = "D", "D · Not known"
    SUSPECTED_FALSE = "E", "E · Suspected to be false"


class HandlingCode(models.TextChoices):
    PERMITTED = "P", "P · Lawful sharing permitted"
    CONDITIONS = "C", "C · Lawful sharing permitted with conditions"


class Grading(models.Model):
    """One analyst's 3x5x2 grading of a report, with the sanitised summary that may leave the desk.
    A report can be regraded; the newest grading is the one in force (all are kept)."""

    report = models.ForeignKey("reporting.InformationReport", on_delete=models.CASCADE, related_name="gradings")
    source_evaluation = models.CharField(max_length=1, choices=SourceEvaluation.choices)
    intelligence_assessment = models.CharField(max_length=1, choices=IntelligenceAssessment.choices)
    handling_code = models.CharField(max_length=1, choices=HandlingCode.choices)
    handling_conditions = models.TextField(blank=True)
    summary = models.TextField("sanitised intelligence summary")
    graded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    graded_at = models.DateTimeField()

    class Meta:
        ordering = ["-graded_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.code} on report {self.report_id}"

    @property
    def code(self) -> str:
        """The grade as analysts write it, for example 2B P."""
        return f"{self.source_evaluation}{self.intelligence_assessment} {self.handling_code}"


class ActionStatus(models.TextChoices):
    FOR_ALLOCATION = "for_allocation", "For allocation"
    ALLOCATED = "allocated", "Allocated"
    COMPLETED = "completed", "Completed"
    RESULTED = "resulted", "Resulted"
    FILED = "filed", "Filed"
    REFERRED_BACK = "referred_back", "Referred back to the desk"


class ActionPriority(models.TextChoices):
    IMMEDIATE = "immediate", "Immediate"
    HIGH = "high", "High"
    MEDIUM = "medium", "Medium"
    LOW = "low", "Low"


class ActionQuerySet(models.QuerySet["Action"]):
    def for_unit(self, unit_id: int | None) -> "ActionQuerySet":
        return self.filter(unit_id=unit_id) if unit_id is not None else self.none()


class Action(models.Model):
    """Work disseminated to a unit (and optionally an officer): what to do, by when, and its result."""

    report = models.ForeignKey("reporting.InformationReport", on_delete=models.PROTECT, related_name="actions")
    grading = models.ForeignKey(Grading, on_delete=models.PROTECT, related_name="actions")
    appeal = models.ForeignKey(
        "appeals.Appeal", null=True, blank=True, on_delete=models.PROTECT, related_name="intelligence_actions"
    )
    unit = models.ForeignKey("accounts.Unit", on_delete=models.PROTECT, related_name="actions")
    officer = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="allocated_actions"
    )
    # What the unit reads: the grading's sanitised summary and the analyst's instruction. Never the report.
    summary = models.TextField("intelligence summary")
    instruction = models.TextField("what to do")
    priority = models.CharField(max_length=10, choices=ActionPriority.choices, default=ActionPriority.MEDIUM)
    due_at = models.DateTimeField()
    status = models.CharField(
        max_length=20, choices=ActionStatus.choices, default=ActionStatus.FOR_ALLOCATION, db_index=True
    )
    referred_back_reason = models.TextField(blank=True)
    completion_note = models.TextField(blank=True)
    result = models.TextField(blank=True)
    closed_appeal = models.BooleanField(default=False, help_text="The result closed the appeal.")
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField()
    allocated_at = models.DateTimeField(null=True, blank=True)
    completed_at = models.DateTimeField(null=True, blank=True)
    resulted_at = models.DateTimeField(null=True, blank=True)
    filed_at = models.DateTimeField(null=True, blank=True)

    objects = ActionQuerySet.as_manager()

    class Meta:
        ordering = ["due_at", "pk"]

    def __str__(self) -> str:
        return f"Action {self.pk}"


class AlertChannel(models.TextChoices):
    EMAIL = "email", "E-mail to the on-duty desk"
    WEBHOOK = "webhook", "Signed webhook"


class Alert(models.Model):
    """One notification of an urgent report on one channel. The unique key makes a second alert for the same
    report and channel impossible, however often the task is queued or the worker restarts
    (docs/adr/0020-intelligence-desk.md)."""

    report = models.ForeignKey("reporting.InformationReport", on_delete=models.CASCADE, related_name="alerts")
    channel = models.CharField(max_length=10, choices=AlertChannel.choices)
    # Sent with the alert (webhook header, e-mail Message-ID) so a receiver can drop a repeated delivery.
    key = models.CharField(max_length=80, unique=True)
    created_at = models.DateTimeField()
    attempts = models.PositiveIntegerField(default=0)
    last_attempt_at = models.DateTimeField(null=True, blank=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    last_error = models.CharField(max_length=200, blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["report", "channel"], name="one_alert_per_report_channel")]

    def __str__(self) -> str:
        return f"{self.get_channel_display()} alert for report {self.report_id}"


class ShareKind(models.TextChoices):
    TRANSFERRED = "transferred", "Transferred (the unit takes on the search)"
    SHARED = "shared", "Shared (the unit works alongside the owner)"


class AppealUnitShare(models.Model):
    """An appeal transferred to, or shared with, a specialist unit. A transfer also changes the owning unit."""

    appeal = models.ForeignKey("appeals.Appeal", on_delete=models.CASCADE, related_name="unit_shares")
    unit = models.ForeignKey("accounts.Unit", on_delete=models.PROTECT, related_name="shared_appeals")
    kind = models.CharField(max_length=12, choices=ShareKind.choices)
    reason = models.TextField()
    by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    at = models.DateTimeField()

    class Meta:
        ordering = ["-at"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.appeal_id} to {self.unit}"


# --- Enrichment, linking and duplicates (written on arrival by intelligence.enrichment) -------------------------


class EntityKind(models.TextChoices):
    VRM = "vrm", "Registration"
    PHONE = "phone", "Phone number"
    POSTCODE = "postcode", "Postcode"
    EMAIL = "email", "E-mail address"
    HANDLE = "handle", "Social-media handle"
    PLACE = "place", "Place"
    PERSON = "person", "Name"
    REFERENCE = "reference", "Appeal reference"
    PARTIAL_VRM = "vrm_part", "Part of a registration"


class Entity(models.Model):
    """A normalised thing reports mention (a registration, phone number, place...), joined on its key, for example
    "vrm:AB12CDE": every report that mentions it, however it was written, points at this one row."""

    kind = models.CharField(max_length=10, choices=EntityKind.choices)
    key = models.CharField(max_length=220, unique=True)
    value = models.CharField(max_length=200)
    first_seen_at = models.DateTimeField()

    class Meta:
        verbose_name_plural = "entities"

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.value}"


class Mention(models.Model):
    """A report mentions an entity, as it was written there."""

    report = models.ForeignKey("reporting.InformationReport", on_delete=models.CASCADE, related_name="mentions")
    entity = models.ForeignKey(Entity, on_delete=models.CASCADE, related_name="mentions")
    raw = models.CharField(max_length=200)

    class Meta:
        # Entity first: "every report that mentions this registration, newest first" is one index range.
        constraints = [models.UniqueConstraint(fields=["entity", "report"], name="one_mention_per_report_entity")]

    def __str__(self) -> str:
        return f"report {self.report_id} mentions {self.entity_id}"


class DuplicateGroup(models.Model):
    """Reports that tell the same thing. Made when the first repeat arrives; `lead` is the report the analyst
    reads (the first), `size` counts every member, so the lead shows "+(size - 1) similar"."""

    lead = models.ForeignKey("reporting.InformationReport", on_delete=models.CASCADE, related_name="+")
    size = models.PositiveIntegerField(default=1)
    # The appeals the members are linked to: a report linked to another appeal never joins.
    appeals = models.JSONField(default=list)
    created_at = models.DateTimeField()

    def __str__(self) -> str:
        return f"Group of {self.size} led by report {self.lead_id}"


class Enrichment(models.Model):
    """A report's fingerprint, made once on arrival: what duplicate checks compare later reports with.
    Derived from the report and deleted with it."""

    report = models.OneToOneField("reporting.InformationReport", on_delete=models.CASCADE, related_name="enrichment")
    enriched_at = models.DateTimeField()
    text = models.TextField("normalised text")
    entity_keys = models.JSONField(default=list)
    context_keys = models.JSONField(default=list)
    appeals = models.JSONField(default=list)
    received = models.DateField()
    signature = models.BinaryField(editable=False)
    group = models.ForeignKey(DuplicateGroup, null=True, blank=True, on_delete=models.SET_NULL, related_name="members")
    duplicate_of = models.ForeignKey(
        "reporting.InformationReport", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    duplicate_score = models.FloatField(null=True, blank=True)
    duplicate_reasons = models.JSONField(default=list)

    def __str__(self) -> str:
        return f"Enrichment of report {self.report_id}"


class GroupSplit(models.Model):
    """An analyst's "not the same": the report was taken out of a group of reports telling one thing. The
    duplicate check never puts it back in that group (intelligence.enrichment.repeats)."""

    report = models.ForeignKey("reporting.InformationReport", on_delete=models.CASCADE, related_name="+")
    group = models.ForeignKey(DuplicateGroup, on_delete=models.CASCADE, related_name="splits")
    split_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    split_at = models.DateTimeField()
    note = models.TextField(blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["report", "group"], name="intel_split_once")]

    def __str__(self) -> str:
        return f"Report {self.report_id} is not the same as group {self.group_id}"


class Band(models.Model):
    """One MinHash band key of a report's text: reports sharing a key read alike, so a new report's ~8 keys find
    the few it may repeat by an index lookup, not a scan."""

    report = models.ForeignKey("reporting.InformationReport", on_delete=models.CASCADE, related_name="+")
    key = models.BigIntegerField()

    class Meta:
        indexes = [models.Index(fields=["key", "report"], name="intel_band_key_report")]

    def __str__(self) -> str:
        return f"band {self.key} of report {self.report_id}"


class LinkDecision(models.TextChoices):
    SUGGESTED = "suggested", "Suggested"
    CONFIRMED = "confirmed", "Confirmed by an analyst"
    REJECTED = "rejected", "Rejected by an analyst"


class Link(models.Model):
    """A suggestion that a report is about an appeal, with the confidence and reasons that made it, and the
    analyst's decision (kept, and audited)."""

    report = models.ForeignKey("reporting.InformationReport", on_delete=models.CASCADE, related_name="links")
    appeal = models.ForeignKey("appeals.Appeal", on_delete=models.CASCADE, related_name="report_links")
    confidence = models.FloatField()
    likely = models.BooleanField(default=False)
    reasons = models.JSONField(default=list)
    suggested_at = models.DateTimeField()
    decision = models.CharField(max_length=10, choices=LinkDecision.choices, default=LinkDecision.SUGGESTED)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    decision_note = models.TextField(blank=True)

    class Meta:
        ordering = ["-confidence", "pk"]
        constraints = [models.UniqueConstraint(fields=["report", "appeal"], name="one_link_per_report_appeal")]
        indexes = [models.Index(fields=["appeal", "decision"], name="intel_link_appeal_decision")]

    def __str__(self) -> str:
        return f"report {self.report_id} → appeal {self.appeal_id} ({self.decision})"

    @property
    def percent(self) -> int:
        return round(self.confidence * 100)
