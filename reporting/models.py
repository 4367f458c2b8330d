"""What the public tells the police: the report, its files, the reporter's contact details (encrypted), the
receipt (a keyed hash only) and the messages both ways.

Nothing here records who sent a report: no address, device or referrer field exists, and
lookout.middleware.ForgetClientMiddleware removes them from every request before a view runs.
"""

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Case, IntegerField, Value, When
from django.utils.translation import gettext_lazy as _

# What came of an anonymous report, as the partner contract names it (told to the independent service).
from partner.messages import Outcome as PartnerOutcome
from reportkit.questions import Acquaintance, CrimeCategory, InAreaAnswer


class Channel(models.TextChoices):
    CONFIDENTIAL = "confidential", "Confidential (online, to the police)"
    ANONYMOUS = "anonymous", "Anonymous (through the independent charity)"
    PHONE = "phone", "Phone"
    EMAIL = "email", "Email"
    IN_PERSON = "in_person", "In person"


class ReportStatus(models.TextChoices):
    RECEIVED = "received", "Received"
    BEING_LOOKED_AT = "being_looked_at", "Being looked at"
    PASSED_TO_TEAM = "passed_to_team", "Passed to a team"
    CLOSED = "closed", "Closed"


# What the reporter reads on the follow-up page, in plain words.
STATUS_FOR_REPORTER = {
    ReportStatus.RECEIVED: _("Received. We have your information and an officer will read it soon."),
    ReportStatus.BEING_LOOKED_AT: _("Being looked at. An officer is reading your information and checking it."),
    ReportStatus.PASSED_TO_TEAM: _("Passed to a team. Your information has gone to the team that can act on it."),
    ReportStatus.CLOSED: _("Closed. We have finished with this information. Thank you for telling us."),
}


class InformationReportQuerySet(models.QuerySet["InformationReport"]):
    def inbox_order(self) -> "InformationReportQuerySet":
        """Urgent first, then open before closed, then newest first."""
        return self.annotate(
            _closed=Case(When(status=ReportStatus.CLOSED, then=Value(1)), default=Value(0), output_field=IntegerField())
        ).order_by("-urgent", "_closed", "-received_at", "-pk")


class InformationReport(models.Model):
    channel = models.CharField(max_length=20, choices=Channel.choices, default=Channel.CONFIDENTIAL)
    appeal = models.ForeignKey(
        "appeals.Appeal", null=True, blank=True, on_delete=models.PROTECT, related_name="information_reports"
    )
    crime_category = models.CharField(max_length=20, choices=CrimeCategory.choices, blank=True)
    urgent = models.BooleanField(default=False, help_text="The reporter said they know where the person is now.")
    status = models.CharField(max_length=20, choices=ReportStatus.choices, default=ReportStatus.RECEIVED)
    # For anonymous reports only the day is known (reporting.rules.anonymous_received_at): midnight, local time.
    received_at = models.DateTimeField(db_index=True)
    # Anonymous reports forwarded by the independent service: its opaque reference, the only name either
    # side uses for the report; and what the police told it came of the report.
    partner_reference = models.CharField(max_length=40, unique=True, null=True, blank=True, editable=False)
    partner_outcome = models.CharField(max_length=30, choices=PartnerOutcome.choices, blank=True)

    # The guided questions (reportkit.questions). Every one is optional except `details`.
    acquaintance = models.CharField(max_length=20, choices=Acquaintance.choices, blank=True)
    last_seen_when = models.CharField(max_length=200, blank=True)
    last_seen_where = models.CharField(max_length=300, blank=True)
    in_your_area = models.CharField(max_length=10, choices=InAreaAnswer.choices, blank=True)
    vehicle_make = models.CharField(max_length=60, blank=True)
    vehicle_model = models.CharField(max_length=60, blank=True)
    vehicle_colour = models.CharField(max_length=40, blank=True)
    vehicle_registration = models.CharField(max_length=12, blank=True)
    places = models.TextField(blank=True)
    companions = models.TextField(blank=True)
    details = models.TextField()

    # A random token from the form page: a repeated post (double click, retry) finds this report.
    idempotency_token = models.UUIDField(unique=True)
    # The receipt code, encrypted, for a short time only, so a repeated post can show it again; cleared after
    # LOOKOUT_RECEIPT_REPLAY_SECONDS (docs/adr/0004-receipts-idempotency-encryption.md).
    receipt_replay = models.BinaryField(null=True, blank=True, editable=False)
    receipt_replay_until = models.DateTimeField(null=True, blank=True, db_index=True)

    objects = InformationReportQuerySet.as_manager()

    class Meta:
        ordering = ["-received_at"]

    def __str__(self) -> str:
        return f"Report {self.pk}"

    @property
    def is_forwarded(self) -> bool:
        return bool(self.partner_reference)

    @property
    def status_for_reporter(self) -> str:
        return str(STATUS_FOR_REPORTER[ReportStatus(self.status)])

    @property
    def vehicle_text(self) -> str:
        parts = [self.vehicle_colour, self.vehicle_make, self.vehicle_model]
        text = " ".join(p for p in parts if p)
        if self.vehicle_registration:
            text = f"{text}, {self.vehicle_registration}" if text else self.vehicle_registration
        return text


class Receipt(models.Model):
    """The reporter's way back: only the keyed hash of the code is stored (reportkit.receipts)."""

    report = models.OneToOneField(InformationReport, on_delete=models.CASCADE, related_name="receipt")
    code_hash = models.CharField(max_length=64, unique=True)

    def __str__(self) -> str:
        return f"Receipt for {self.report_id}"


class ContactDetails(models.Model):
    """The one place a reporter's name, phone and email are held: one sealed box, readable only through
    reporting.services.contact_reveal, which checks the role and audits the reveal."""

    report = models.OneToOneField(InformationReport, on_delete=models.CASCADE, related_name="contact")
    sealed = models.BinaryField(editable=False)

    class Meta:
        verbose_name_plural = "contact details"

    def __str__(self) -> str:
        return f"Contact details for {self.report_id}"


class MessageDirection(models.TextChoices):
    TO_REPORTER = "to_reporter", "Question from the police"
    FROM_REPORTER = "from_reporter", "From the reporter"


class Message(models.Model):
    report = models.ForeignKey(InformationReport, on_delete=models.CASCADE, related_name="messages")
    direction = models.CharField(max_length=20, choices=MessageDirection.choices)
    body = models.TextField()
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    sent_at = models.DateTimeField()
    idempotency_token = models.UUIDField(unique=True, null=True, blank=True)

    class Meta:
        ordering = ["sent_at", "pk"]

    def __str__(self) -> str:
        return f"{self.get_direction_display()} on report {self.report_id}"


class AttachmentKind(models.TextChoices):
    IMAGE = "image", "Photo"
    TEXT = "text", "Text document"


def _clean_path(instance: "Attachment", filename: str) -> str:
    return f"reporting/clean/{uuid.uuid4().hex}"


def _original_path(instance: "Attachment", filename: str) -> str:
    return f"reporting/originals/{uuid.uuid4().hex}.sealed"


class Attachment(models.Model):
    """A file from the public. The cleaned copy (re-encoded, no metadata) is what staff see; the original,
    kept as evidence for the confidential channel only, is sealed and opened only through an audited service.
    The file's own name is never kept: it can name the person who sent it."""

    report = models.ForeignKey(InformationReport, on_delete=models.CASCADE, related_name="attachments")
    message = models.ForeignKey(Message, null=True, blank=True, on_delete=models.CASCADE, related_name="attachments")
    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    kind = models.CharField(max_length=10, choices=AttachmentKind.choices)
    clean_file = models.FileField(upload_to=_clean_path)
    content_type = models.CharField(max_length=60)
    size = models.PositiveIntegerField()
    width = models.PositiveIntegerField(null=True, blank=True)
    height = models.PositiveIntegerField(null=True, blank=True)
    original_sealed = models.FileField(upload_to=_original_path, blank=True)
    original_content_type = models.CharField(max_length=60, blank=True)
    original_size = models.PositiveIntegerField(null=True, blank=True)
    added_at = models.DateTimeField()

    class Meta:
        ordering = ["added_at", "pk"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} on report {self.report_id}"
