"""Units of the force and the staff who belong to them. Staff log in with Django's own User."""

from django.conf import settings
from django.db import models


class Unit(models.Model):
    """A team that owns appeals or receives actions."""

    class Kind(models.TextChoices):
        LOCAL_TEAM = "local_team", "Local policing team"
        FUGITIVE_TEAM = "fugitive_team", "Fugitive team"
        INTELLIGENCE_UNIT = "intelligence_unit", "Intelligence unit"
        TASK_FORCE = "task_force", "Proactive task force"
        MISSING_PERSONS = "missing_persons", "Missing-persons unit"
        CID = "cid", "Criminal investigation department"
        COMMS = "comms", "Corporate communications"

    code = models.SlugField(max_length=40, unique=True)
    name = models.CharField(max_length=120)
    kind = models.CharField(max_length=30, choices=Kind.choices)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class StaffProfile(models.Model):
    """What a staff account is in the force: rank and unit. Roles are Django groups (accounts.roles)."""

    class Rank(models.TextChoices):
        STAFF = "staff", "Police staff"
        CONSTABLE = "constable", "Constable"
        SERGEANT = "sergeant", "Sergeant"
        INSPECTOR = "inspector", "Inspector"
        CHIEF_INSPECTOR = "chief_inspector", "Chief Inspector"
        SUPERINTENDENT = "superintendent", "Superintendent"
        CHIEF_SUPERINTENDENT = "chief_superintendent", "Chief Superintendent"

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="profile")
    rank = models.CharField(max_length=30, choices=Rank.choices, default=Rank.STAFF)
    unit = models.ForeignKey(Unit, null=True, blank=True, on_delete=models.SET_NULL, related_name="members")

    def __str__(self) -> str:
        return f"{self.get_rank_display()} {self.user.get_full_name() or self.user.get_username()}"
