"""What the charity keeps: anonymous reports, their cleaned files, follow-up questions and rewards.

No field records who a reporter is or anything about their device or connection, and no time finer than the
day (independent.clock): an exact time could be matched against a phone or network log. Reports are ordered
by urgency, then the order they arrived in (the id). The receipt and the reward collection code are kept only
as keyed hashes (reportkit.receipts). No original upload is ever stored, only the cleaned copy. What the
reporter wrote, answered and sent is sealed (independent.sealing) and erased once forwarded (ADR 0031).
"""

import uuid

from django.db import models
from django.db.models import Case, IntegerField, Value, When
from django.utils.translation import gettext_lazy as _

from reportkit.questions import CrimeCategory


class ReportChannel(models.TextChoices):
    WEB = "web", "Online"
    PHONE = "phone", "Phone (taken by an operator)"


class ReportState(models.TextChoices):
    RECEIVED = "received", "Waiting for review"
    HELD = "held", "Held"
    FORWARDED = "forwarded", "Forwarded to the police"


class Urgency(models.TextChoices):
    URGENT = "urgent", "Urgent: whereabouts now or a risk of harm"
    PRIORITY = "priority", "Priority"
    ROUTINE = "routine", "Routine"


URGENCY_ORDER = {Urgency.URGENT: 0, Urgency.PRIORITY: 1, Urgency.ROUTINE: 2}

# What the reporter reads when they come back with their receipt.
STATE_FOR_REPORTER = {
    ReportState.RECEIVED: _("Received. One of our team will read it soon."),
    ReportState.HELD: _("Received. One of our team has read it and is looking after it."),
    ReportState.FORWARDED: _("Passed on. We have sent your information to the police, without anything about you."),
}


def opaque_reference() -> str:
    """The only name the police ever have for a report: random, and unrelated to the receipt."""
    return f"SUS-{uuid.uuid4().hex[:20].upper()}"


class AnonymousReportQuerySet(models.QuerySet["AnonymousReport"]):
    def console_order(self) -> "AnonymousReportQuerySet":
        """Urgent first (the reporter's "right now", or the operator's grade), open before forwarded,
        then oldest first within each, so nothing waits at the bottom."""
        return self.annotate(
            _urgency=Case(
                When(reporter_urgent=True, then=Value(0)),
                *[When(urgency=k, then=Value(v)) for k, v in URGENCY_ORDER.items()],
                default=Value(1),
                output_field=IntegerField(),
            ),
            _done=Case(When(state=ReportState.FORWARDED, then=Value(1)), default=Value(0), output_field=IntegerField()),
        ).order_by("_done", "_urgency", "pk")


class AnonymousReport(models.Model):
    reference = models.CharField(max_length=40, unique=True, default=opaque_reference, editable=False)
    channel = models.CharField(max_length=10, choices=ReportChannel.choices, default=ReportChannel.WEB)
    # A wanted-person appeal (its public reference and title, as the police API showed them), or none.
    appeal_reference = models.CharField(max_length=20, blank=True)
    appeal_title = models.CharField(max_length=200, blank=True)
    crime_category = models.CharField(max_length=20, choices=CrimeCategory.choices, blank=True)
    reporter_urgent = models.BooleanField(default=False, help_text="They said they know where the person is now.")
    received_on = models.DateField(db_index=True)
    state = models.CharField(max_length=20, choices=ReportState.choices, default=ReportState.RECEIVED)

    # The reporter's own words and answers (reportkit.questions), sealed (independent.sealing): a JSON object
    # of QUESTION_FIELDS. Opened only by independent.reveal (audited). None once erased: when the report is
    # forwarded (only the sanitised version is kept) or held past INDEPENDENT_RAW_RETENTION_DAYS.
    sealed_answers = models.BinaryField(null=True, blank=True, editable=False)
    raw_erased_on = models.DateField(null=True, blank=True)

    # The operator's review: the sanitised answers (what the police will see), the grade, and a hold reason.
    sanitised = models.JSONField(null=True, blank=True)
    urgency = models.CharField(max_length=10, choices=Urgency.choices, blank=True)
    hold_reason = models.TextField(blank=True)
    forwarded_on = models.DateField(null=True, blank=True)
    # What the police said came of it (partner message "outcome"), e.g. arrest_and_charge.
    police_outcome = models.CharField(max_length=40, blank=True)
    police_outcome_label = models.CharField(max_length=120, blank=True)

    receipt_hash = models.CharField(max_length=64, unique=True)
    # A keyed hash of the signed form token's nonce (independent.codes, reportkit.formtoken): a repeated post
    # finds this report and derives the same receipt from the nonce it carries, so no copy of the receipt and no
    # deadline is stored (docs/adr/0031-charity-time-and-sealing.md).
    form_key = models.CharField(max_length=64, unique=True)

    objects = AnonymousReportQuerySet.as_manager()

    class Meta:
        ordering = ["pk"]

    def __str__(self) -> str:
        return self.reference

    @property
    def raw_erased(self) -> bool:
        return self.sealed_answers is None

    @property
    def audit_label(self) -> str:
        return self.reference

    @property
    def is_urgent(self) -> bool:
        return self.reporter_urgent or self.urgency == Urgency.URGENT

    @property
    def state_for_reporter(self) -> str:
        return str(STATE_FOR_REPORTER[ReportState(self.state)])


def _clean_path(instance: "CleanFile", filename: str) -> str:
    return f"independent/clean/{uuid.uuid4().hex}"


class CleanFile(models.Model):
    """A file from a reporter, re-encoded with no metadata, then sealed (independent.sealing) before it is
    written. The original is never written anywhere. Its name is not kept either: a file name can name the
    person who took it. Files the operator does not forward are deleted when the report is forwarded."""

    report = models.ForeignKey(AnonymousReport, on_delete=models.CASCADE, related_name="files")
    follow_up = models.ForeignKey("FollowUp", null=True, blank=True, on_delete=models.CASCADE, related_name="files")
    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    kind = models.CharField(max_length=10)  # "image" | "text" (reportkit.attachments)
    clean_file = models.FileField(upload_to=_clean_path)
    content_type = models.CharField(max_length=60)
    size = models.PositiveIntegerField()
    # The operator may leave a file out of what is forwarded (a photo taken from the reporter's window).
    forward = models.BooleanField(default=True)

    class Meta:
        ordering = ["pk"]

    def __str__(self) -> str:
        return f"{self.kind} on {self.report_id}"


class FollowUpState(models.TextChoices):
    ASKED = "asked", "Waiting for the reporter"
    ANSWERED = "answered", "Answered: waiting for review"
    SENT = "sent", "Sanitised answer sent to the police"


class FollowUp(models.Model):
    """A question from the police ("keep in contact"). The reporter may answer more than once (a correction,
    something they remembered): every answer is kept (FollowUpAnswer) and each goes to the police once an
    operator has sanitised it. The police's question id is theirs."""

    report = models.ForeignKey(AnonymousReport, on_delete=models.CASCADE, related_name="follow_ups")
    police_question_id = models.CharField(max_length=80, unique=True)
    question = models.TextField()
    asked_on = models.DateField()
    # ASKED until the first answer; ANSWERED while any answer waits for review; SENT when every one is sent.
    state = models.CharField(max_length=10, choices=FollowUpState.choices, default=FollowUpState.ASKED)

    class Meta:
        ordering = ["pk"]

    def __str__(self) -> str:
        return f"Follow-up {self.pk} on {self.report_id}"


class FollowUpAnswer(models.Model):
    """One answer from the reporter, sealed; erased once its sanitised version has been sent."""

    follow_up = models.ForeignKey(FollowUp, on_delete=models.CASCADE, related_name="answers")
    sealed_answer = models.BinaryField(null=True, blank=True, editable=False)
    answered_on = models.DateField()
    # A keyed hash of the form token's nonce and the text: the same post again changes nothing, a corrected
    # text from the same form (the back button) is a new answer.
    key = models.CharField(max_length=64, unique=True)
    sanitised_answer = models.TextField(blank=True)
    sent_on = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["pk"]

    def __str__(self) -> str:
        return f"Answer {self.pk} to follow-up {self.follow_up_id}"

    @property
    def is_sent(self) -> bool:
        return self.sent_on is not None


class RewardState(models.TextChoices):
    OFFERED = "offered", "Offered"
    CLAIMED = "claimed", "Claimed: collection code given"
    PAID = "paid", "Paid"
    WITHDRAWN = "withdrawn", "Withdrawn"


class Reward(models.Model):
    """A reward the charity offers when the police say a report led to an arrest and charge (or another
    outcome in independent.rewards.REWARD_OUTCOMES). Collected with a one-time code, separate from the receipt, stored
    only as a keyed hash; paid out of band (for example cash at a counter) without any identity."""

    report = models.OneToOneField(AnonymousReport, on_delete=models.PROTECT, related_name="reward")
    amount = models.DecimalField(max_digits=8, decimal_places=2)
    currency = models.CharField(max_length=3, default="GBP")
    expires_on = models.DateField()
    state = models.CharField(max_length=10, choices=RewardState.choices, default=RewardState.OFFERED)
    offered_on = models.DateField()
    collection_code_hash = models.CharField(max_length=64, unique=True, null=True, blank=True)
    # A keyed hash of the claim form's nonce: a repeated claim (double click, refresh) derives the same code.
    claim_key = models.CharField(max_length=64, unique=True, null=True, blank=True)
    claimed_on = models.DateField(null=True, blank=True)
    paid_on = models.DateField(null=True, blank=True)

    def __str__(self) -> str:
        return f"Reward for {self.report_id}"


class WithdrawnAppeal(models.Model):
    """A police appeal that has ended (partner message "withdrawn"). Kept for good, so that a list fetched
    before the withdrawal can never show it again; holds the public reference only, no name or details.
    docs/adr/0030-takedown-to-partners.md."""

    reference = models.CharField(max_length=20, unique=True)
    withdrawn_at = models.DateTimeField()

    def __str__(self) -> str:
        return self.reference
