"""The appeal, and the one rule of which appeals the public may see (PUBLIC; appeals.visibility)."""

from datetime import datetime
from typing import TYPE_CHECKING

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext

from ..visibility import AppealRule

if TYPE_CHECKING:
    from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from .choices import AppealKind, AppealStatus, Build, OffenceCategory, Outcome, Sex, WantedReason

# Which appeals the public may see, each rule once. Queries and single appeals are checked from these alone.
PUBLIC = AppealRule({"status": AppealStatus.PUBLISHED})
"""Published appeals: the only ones the public may see, anywhere (their details, images, feeds, the API)."""
ENDED = AppealRule({"status": AppealStatus.CLOSED})
"""Closed appeals: the public sees only that they have ended."""
WAS_PUBLIC = AppealRule({"published_at__isnull": False})
"""An appeal has been public once it was published, even after it is closed (partners may have shown it)."""


class AppealQuerySet(models.QuerySet["Appeal"]):
    def public(self) -> "AppealQuerySet":
        """Published appeals: the only ones the public may see, anywhere (the rule PUBLIC)."""
        return self.filter(PUBLIC.q())

    def ended(self) -> "AppealQuerySet":
        """Closed appeals: the public sees only that they have ended (the rule ENDED)."""
        return self.filter(ENDED.q())

    def was_public(self) -> "AppealQuerySet":
        """Appeals that have been public, even if closed since (the rule WAS_PUBLIC)."""
        return self.filter(WAS_PUBLIC.q())

    def review_overdue(self, now: "datetime") -> "AppealQuerySet":
        return self.public().filter(review_due_at__lte=now)

    def visible_to(self, user: "AbstractBaseUser | AnonymousUser") -> "AppealQuerySet":
        """The appeals appeals.permissions.can_view lets this user read, as a query (tests check they agree)."""
        from accounts.roles import Role, has_role, is_staff_member

        from ..permissions import APPEAL_WORKERS

        if not is_staff_member(user):
            return self.none()
        if has_role(user, Role.ADMINISTRATOR):
            return self.all()
        was_public = WAS_PUBLIC.q()
        if not has_role(user, *APPEAL_WORKERS):
            return self.filter(was_public)
        return self.filter(
            was_public | ~Q(status=AppealStatus.DRAFT) | Q(author=user) | Q(authorisations__isnull=False)
        ).distinct()


# The fields staff write on a draft, by kind. Forms and services both use these lists.
COMMON_FIELDS = [
    "subject_name",
    "aliases",
    "age_min",
    "age_max",
    "sex",
    "height_cm",
    "build",
    "hair",
    "eyes",
    "distinguishing_features",
    "areas",
    "vehicle",
    "description",
    "reward_text",
    "distinguishing_features_cy",
    "description_cy",
    "reward_text_cy",
    "owning_unit",
]
WANTED_FIELDS = [
    "wanted_reason",
    "offence_category",
    "offence_summary",
    "caution_note",
    "offence_summary_cy",
    "caution_note_cy",
]
MISSING_FIELDS = ["last_seen_on", "last_seen_place", "vulnerability_summary", "vulnerability_summary_cy"]
# The appeal's own words that may also be given in Welsh: English field → its Welsh version. The Welsh text is
# part of the draft like the English, so one authorisation covers both, and changing either afterwards means
# a new draft and a new authorisation (appeals.services: only a draft can be changed).
WELSH_TEXT_FIELDS = {
    "distinguishing_features": "distinguishing_features_cy",
    "description": "description_cy",
    "offence_summary": "offence_summary_cy",
    "caution_note": "caution_note_cy",
    "vulnerability_summary": "vulnerability_summary_cy",
    "reward_text": "reward_text_cy",
}
EDITABLE_FIELDS = COMMON_FIELDS + WANTED_FIELDS + MISSING_FIELDS


class Appeal(models.Model):
    kind = models.CharField(max_length=10, choices=AppealKind.choices)
    reference = models.CharField(max_length=8, unique=True, editable=False)
    status = models.CharField(max_length=30, choices=AppealStatus.choices, default=AppealStatus.DRAFT, db_index=True)
    outcome = models.CharField(max_length=20, choices=Outcome.choices, blank=True)
    outcome_note = models.TextField(blank=True)

    # The subject. Only the fields named in the publicity assessment are ever shown to the public.
    subject_name = models.CharField("name", max_length=120)
    aliases = models.CharField(max_length=300, blank=True, help_text="Other names they use, separated by commas.")
    age_min = models.PositiveSmallIntegerField("age (or youngest age)", null=True, blank=True)
    age_max = models.PositiveSmallIntegerField("oldest age, for an age range", null=True, blank=True)
    sex = models.CharField(max_length=10, choices=Sex.choices, blank=True)
    height_cm = models.PositiveSmallIntegerField("height in centimetres", null=True, blank=True)
    build = models.CharField(max_length=10, choices=Build.choices, blank=True)
    hair = models.CharField(max_length=100, blank=True, help_text="Colour and style, in words fit to publish.")
    eyes = models.CharField("eye colour", max_length=50, blank=True)
    distinguishing_features = models.TextField(blank=True)
    areas = models.CharField(
        "areas associated", max_length=300, blank=True, help_text="Towns or districts, separated by commas."
    )
    vehicle = models.CharField(max_length=200, blank=True)
    description = models.TextField("public summary", blank=True)
    reward_text = models.TextField(
        "reward", blank=True, help_text="Who offers it, how much and for what, as it may be published."
    )

    # Wanted people.
    wanted_reason = models.CharField(max_length=10, choices=WantedReason.choices, blank=True)
    offence_category = models.CharField(max_length=20, choices=OffenceCategory.choices, blank=True)
    offence_summary = models.TextField(blank=True)
    caution_note = models.CharField(
        "extra safety advice",
        max_length=300,
        blank=True,
        help_text="Shown after 'Do not approach or confront them'. For example: He may carry a knife.",
    )

    # Missing people.
    last_seen_on = models.DateField("date last seen", null=True, blank=True)
    last_seen_place = models.CharField("where last seen", max_length=200, blank=True)
    vulnerability_summary = models.TextField(
        blank=True, help_text="What the public needs to know to help, in words fit to publish."
    )

    # The same words in Welsh (optional), shown on the Welsh pages; English is shown where one is empty.
    distinguishing_features_cy = models.TextField("distinguishing features in Welsh", blank=True)
    description_cy = models.TextField("public summary in Welsh", blank=True)
    offence_summary_cy = models.TextField("offence summary in Welsh", blank=True)
    caution_note_cy = models.CharField("extra safety advice in Welsh", max_length=300, blank=True)
    vulnerability_summary_cy = models.TextField("vulnerability summary in Welsh", blank=True)
    reward_text_cy = models.TextField("reward in Welsh", blank=True)

    owning_unit = models.ForeignKey("accounts.Unit", on_delete=models.PROTECT, related_name="appeals")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="authored_appeals")

    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    submitted_at = models.DateTimeField(null=True, blank=True)
    published_at = models.DateTimeField(null=True, blank=True)
    review_due_at = models.DateTimeField(null=True, blank=True, db_index=True)
    review_flagged_at = models.DateTimeField(null=True, blank=True)
    closed_at = models.DateTimeField(null=True, blank=True)
    refusal_reason = models.TextField(blank=True)
    # Set when retention erased the subject's details and images (lookout.retention); the record stays.
    personal_data_erased_at = models.DateTimeField(null=True, blank=True, editable=False)

    # Lower-case text of the released fields only, built at publication, so public search can never
    # match (and so reveal) anything that was not released.
    public_search_text = models.TextField(blank=True, editable=False)
    public_areas = models.CharField(max_length=300, blank=True, editable=False)

    objects = AppealQuerySet.as_manager()

    class Meta:
        ordering = ["-published_at", "-created_at"]

    def __str__(self) -> str:
        return f"{self.reference} {self.subject_name}"

    @property
    def audit_label(self) -> str:
        """How the audit trail names an appeal: the reference, never the subject's name."""
        return self.reference

    @property
    def is_public(self) -> bool:
        """The public may see this appeal (the rule PUBLIC, as Appeal.objects.public() applies it)."""
        return PUBLIC.holds_for(self)

    @property
    def has_ended(self) -> bool:
        """The public sees only that this appeal has ended (the rule ENDED)."""
        return ENDED.holds_for(self)

    @property
    def was_public(self) -> bool:
        """This appeal has been public, even if closed since (the rule WAS_PUBLIC)."""
        return WAS_PUBLIC.holds_for(self)

    @property
    def is_wanted(self) -> bool:
        return self.kind == AppealKind.WANTED

    @property
    def is_missing(self) -> bool:
        return self.kind == AppealKind.MISSING

    @property
    def is_child(self) -> bool:
        """Under 18 on the youngest plausible age."""
        return self.age_min is not None and self.age_min < 18

    @property
    def age_text(self) -> str:
        if self.age_min is None:
            return ""
        if self.age_max and self.age_max != self.age_min:
            return gettext("%(youngest)s to %(oldest)s") % {"youngest": self.age_min, "oldest": self.age_max}
        return str(self.age_min)

    @property
    def height_text(self) -> str:
        if not self.height_cm:
            return ""
        total_inches = round(self.height_cm / 2.54)
        return gettext("%(feet)s ft %(inches)s in (%(cm)s cm)") % {
            "feet": total_inches // 12,
            "inches": total_inches % 12,
            "cm": self.height_cm,
        }

    def alias_list(self) -> list[str]:
        return [a.strip() for a in self.aliases.split(",") if a.strip()]

    def area_list(self) -> list[str]:
        return [a.strip() for a in self.areas.split(",") if a.strip()]
