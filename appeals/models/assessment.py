"""The case for publicity (what is released, and why) and the authorising officer's decisions."""

from typing import TYPE_CHECKING

from django.conf import settings
from django.db import models

if TYPE_CHECKING:
    pass
from .appeal import Appeal
from .images import AppealImage


class ThreatRiskHarm(models.TextChoices):
    HIGH = "high", "High"
    MEDIUM = "medium", "Medium"
    LOW = "low", "Low"


class MissingRiskGrade(models.TextChoices):
    HIGH = "high", "High risk"
    MEDIUM = "medium", "Medium risk"
    LOW = "low", "Low risk"


class ReleasableField(models.TextChoices):
    """The parts of an appeal that can be released to the public, one by one."""

    NAME = "name", "Name"
    ALIASES = "aliases", "Other names"
    AGE = "age", "Age"
    SEX = "sex", "Sex"
    HEIGHT = "height", "Height"
    BUILD = "build", "Build"
    HAIR = "hair", "Hair"
    EYES = "eyes", "Eye colour"
    FEATURES = "features", "Distinguishing features"
    AREAS = "areas", "Areas associated"
    VEHICLE = "vehicle", "Vehicle"
    DESCRIPTION = "description", "Public summary"
    REASON = "reason", "Why they are wanted (offence)"
    LAST_SEEN = "last_seen", "When and where last seen"
    VULNERABILITY = "vulnerability", "Vulnerability summary"
    REWARD = "reward", "Reward"


class PublicityAssessment(models.Model):
    """The recorded case that publicity is necessary and proportionate, and exactly what is released."""

    appeal = models.OneToOneField(Appeal, on_delete=models.CASCADE, related_name="assessment")
    threat_risk_harm = models.CharField("threat, risk and harm", max_length=10, choices=ThreatRiskHarm.choices)
    missing_risk_grade = models.CharField(
        "missing-person risk grade", max_length=10, choices=MissingRiskGrade.choices, blank=True
    )
    necessity = models.TextField("why publicity is necessary and proportionate")
    less_intrusive_means = models.TextField("why less intrusive means are not enough")
    released_fields = models.JSONField(default=list, blank=True)
    released_images = models.ManyToManyField(AppealImage, blank=True, related_name="+")
    review_interval_days = models.PositiveSmallIntegerField(default=28)
    updated_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    updated_at = models.DateTimeField(auto_now=True)

    def __str__(self) -> str:
        return f"Publicity assessment for {self.appeal.reference}"


class Decision(models.TextChoices):
    APPROVED = "approved", "Approved"
    REFUSED = "refused", "Refused"
    RENEWED = "renewed", "Renewed at review"


class Authorisation(models.Model):
    """A decision by an authorising officer. Never made by the appeal's author."""

    appeal = models.ForeignKey(Appeal, on_delete=models.CASCADE, related_name="authorisations")
    officer = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    rank = models.CharField(max_length=40)
    senior = models.BooleanField(default=False, help_text="Made with senior authority.")
    decision = models.CharField(max_length=10, choices=Decision.choices)
    reason = models.TextField()
    decided_at = models.DateTimeField()

    class Meta:
        ordering = ["-decided_at"]

    def __str__(self) -> str:
        return f"{self.get_decision_display()} by {self.rank} {self.officer}"
