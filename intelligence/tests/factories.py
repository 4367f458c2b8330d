"""Desk objects made the way staff make them: through the services."""

from datetime import timedelta
from typing import Any

from django.contrib.auth.models import User
from django.utils import timezone

from accounts.models import StaffProfile, Unit
from accounts.roles import Role
from accounts.tests.factories import UnitFactory, make_staff
from intelligence import services
from intelligence.models import Action, Grading
from reporting.models import InformationReport

SUMMARY = "Subject reported seen at a gym on the east side in the evenings; vehicle matches the appeal."


def analyst() -> User:
    return make_staff(Role.ANALYST)


def unit_officer(unit: Unit | None = None, username: str | None = None) -> User:
    user = make_staff(Role.UNIT_OFFICER, username=username, rank=StaffProfile.Rank.CONSTABLE)
    if unit is not None:
        StaffProfile.objects.filter(user=user).update(unit=unit)
    return user


def fugitive_team() -> Unit:
    return UnitFactory(code="fugitive-test", name="Fugitive Team", kind=Unit.Kind.FUGITIVE_TEAM)


def grade(report: InformationReport, by: User | None = None, **kw: Any) -> Grading:
    data: dict[str, Any] = {
        "source_evaluation": "2",
        "intelligence_assessment": "B",
        "handling_code": "P",
        "handling_conditions": "",
        "summary": SUMMARY,
    } | kw
    return services.grading_add(report=report, actor=by or analyst(), **data)


def disseminate(
    report: InformationReport, unit: Unit, officer: User | None = None, by: User | None = None, **kw: Any
) -> Action:
    if not report.gradings.exists():
        grade(report, by=by)
    return services.action_disseminate(
        report=report,
        actor=by or analyst(),
        unit=unit,
        officer=officer,
        instruction=kw.get("instruction", "Check the gym at opening time."),
        priority=kw.get("priority", "high"),
        due_at=kw.get("due_at", timezone.now() + timedelta(hours=4)),
    )
