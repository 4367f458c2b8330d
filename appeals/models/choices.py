"""The choices an appeal and its assessment are made of: kind, status, outcome, description and offence."""

from typing import TYPE_CHECKING

from django.db import models
from django.utils.translation import gettext_lazy as _

if TYPE_CHECKING:
    pass


class AppealKind(models.TextChoices):
    WANTED = "wanted", _("Wanted")
    MISSING = "missing", _("Missing")


class AppealStatus(models.TextChoices):
    DRAFT = "draft", "Draft"
    AWAITING_AUTHORISATION = "awaiting_authorisation", "Awaiting authorisation"
    PUBLISHED = "published", "Published"
    CLOSED = "closed", "Closed"


class Outcome(models.TextChoices):
    LOCATED = "located", "Located"
    ARRESTED = "arrested", "Arrested"
    FOUND_SAFE = "found_safe", "Found safe"
    WITHDRAWN = "withdrawn", "Withdrawn"
    EXPIRED = "expired", "Expired (review lapsed)"


class Sex(models.TextChoices):
    FEMALE = "female", _("Female")
    MALE = "male", _("Male")
    NOT_STATED = "", _("Not stated")


class Build(models.TextChoices):
    SLIM = "slim", _("Slim")
    MEDIUM = "medium", _("Medium")
    ATHLETIC = "athletic", _("Athletic")
    STOCKY = "stocky", _("Stocky")
    HEAVY = "heavy", _("Heavy")
    NOT_STATED = "", _("Not stated")


class WantedReason(models.TextChoices):
    OFFENCE = "offence", _("Wanted in connection with an offence")
    BAIL = "bail", _("Breach of bail")
    LICENCE = "licence", _("Recall to prison (breach of licence or probation)")
    COURT = "court", _("Failed to appear at court")


class OffenceCategory(models.TextChoices):
    VIOLENCE = "violence", _("Violence against the person")
    ROBBERY = "robbery", _("Robbery")
    BURGLARY = "burglary", _("Burglary")
    DRUGS = "drugs", _("Drugs supply")
    SEXUAL = "sexual", _("Sexual offences")
    WEAPONS = "weapons", _("Weapons")
    FRAUD = "fraud", _("Fraud")
    DOMESTIC = "domestic", _("Domestic abuse")
    OTHER = "other", _("Other")
