"""Grading, dissemination and the life of an action, through the services."""

import pytest
from django.core.exceptions import PermissionDenied

from accounts.roles import Role
from accounts.tests.factories import UnitFactory, make_staff
from appeals.models import Appeal, AppealStatus
from appeals.tests.factories import published
from audit.models import AuditEvent
from audit.services import audit_verify_chain
from intelligence import services
from intelligence.models import ActionStatus, AppealUnitShare
from intelligence.rules import RuleViolation
from reporting.models import Channel, InformationReport, ReportStatus
from reporting.tests.factories import answers, submit

from .factories import analyst, disseminate, fugitive_team, grade, unit_officer

pytestmark = pytest.mark.django_db


def test_grading_moves_the_report_on_and_is_audited():
    report = submit(published()).report
    grading = grade(report, source_evaluation="1", intelligence_assessment="A", handling_code="P")
    report.refresh_from_db()
    assert grading.code == "1A P"
    assert report.status == ReportStatus.BEING_LOOKED_AT
    assert AuditEvent.objects.for_target(report).filter(action="report.graded").exists()


def test_only_the_desk_grades():
    report = submit(published()).report
    with pytest.raises(PermissionDenied):
        grade(report, by=make_staff(Role.UNIT_OFFICER))


def test_summary_copied_from_the_report_is_refused():
    report = submit(published(), details="I saw him outside the bakery on Harbour Road at nine this morning").report
    with pytest.raises(RuleViolation):
        grade(report, summary="saw him outside the bakery on Harbour Road at nine this morning")


def test_dissemination_sends_the_summary_not_the_report():
    team = fugitive_team()
    officer = unit_officer(team)
    report = submit(published(), contact={"name": "Alex Witness", "phone": "07700 900982"}).report
    action = disseminate(report, team, officer=officer)
    report.refresh_from_db()
    assert action.status == ActionStatus.ALLOCATED and action.officer == officer
    assert report.status == ReportStatus.PASSED_TO_TEAM
    assert report.details not in action.summary and "Alex" not in action.summary


def test_dissemination_needs_a_grade_and_refuses_e():
    team = fugitive_team()
    report = submit(published()).report
    with pytest.raises(RuleViolation, match="Grade"):
        services.action_disseminate(
            report=report,
            actor=analyst(),
            unit=team,
            officer=None,
            instruction="x",
            priority="low",
            due_at=report.received_at,
        )
    grade(report, intelligence_assessment="E")
    with pytest.raises(RuleViolation):
        disseminate(report, team)


def test_officer_must_belong_to_the_unit():
    team = fugitive_team()
    other = unit_officer(UnitFactory())
    with pytest.raises(RuleViolation):
        disseminate(submit(published()).report, team, officer=other)


def test_unit_officer_works_only_their_units_actions():
    team = fugitive_team()
    action = disseminate(submit(published()).report, team)
    outsider = unit_officer(UnitFactory())
    with pytest.raises(PermissionDenied):
        services.action_allocate(action=action, actor=outsider, officer=outsider)
    insider = unit_officer(team)
    action = services.action_allocate(action=action, actor=insider, officer=insider)
    assert action.status == ActionStatus.ALLOCATED


def test_full_life_of_an_action_closes_the_report_when_filed():
    team = fugitive_team()
    officer = unit_officer(team)
    desk = analyst()
    report = submit(published()).report
    action = disseminate(report, team, by=desk)
    action = services.action_allocate(action=action, actor=officer, officer=officer)
    action = services.action_complete(action=action, actor=officer, note="Gym visited.")
    action = services.action_result(action=action, actor=officer, result="Not there; staff know him.")
    assert action.status == ActionStatus.RESULTED and action.appeal.status == AppealStatus.PUBLISHED
    with pytest.raises(RuleViolation):
        services.action_complete(action=action, actor=officer, note="again")
    action = services.action_file(action=action, actor=desk)
    report.refresh_from_db()
    assert action.status == ActionStatus.FILED and report.status == ReportStatus.CLOSED
    assert audit_verify_chain().ok


def test_referred_back_with_a_reason_then_sent_elsewhere():
    team, other = fugitive_team(), UnitFactory(kind="task_force")
    officer = unit_officer(team)
    action = disseminate(submit(published()).report, team)
    with pytest.raises(RuleViolation):
        services.action_refer_back(action=action, actor=officer, reason="")
    action = services.action_refer_back(action=action, actor=officer, reason="Task force is already on this.")
    assert action.status == ActionStatus.REFERRED_BACK
    action = services.action_reissue(action=action, actor=analyst(), unit=other)
    assert action.status == ActionStatus.FOR_ALLOCATION and action.unit == other


def test_result_with_an_outcome_closes_the_appeal():
    team = fugitive_team()
    officer = unit_officer(team)
    appeal = published()
    action = disseminate(submit(appeal).report, team, officer=officer)
    action = services.action_result(
        action=action, actor=officer, result="Arrested at the gym.", appeal_outcome="arrested"
    )
    appeal.refresh_from_db()
    assert action.closed_appeal and appeal.status == AppealStatus.CLOSED and appeal.outcome == "arrested"
    assert Appeal.objects.public().filter(pk=appeal.pk).count() == 0


def test_staff_record_a_phone_call_through_the_same_service():
    desk = analyst()
    import uuid

    from reporting.services import report_submit

    submitted = report_submit(
        token=uuid.uuid4(),
        appeal=published(),
        answers=answers(),
        contact={"name": "Caller"},
        channel=Channel.PHONE,
        recorded_by=desk,
    )
    report = InformationReport.objects.get(pk=submitted.report.pk)
    assert report.channel == Channel.PHONE and hasattr(report, "contact")
    event = AuditEvent.objects.for_target(report).get(action="report.received")
    assert event.actor == desk and event.detail["channel"] == "phone"
    with pytest.raises(ValueError, match="recorded by an officer"):
        report_submit(token=uuid.uuid4(), appeal=None, answers=answers(), channel=Channel.PHONE)
    with pytest.raises(PermissionDenied):
        report_submit(
            token=uuid.uuid4(),
            appeal=None,
            answers=answers(),
            channel=Channel.EMAIL,
            recorded_by=make_staff(Role.AUTHOR),
        )


def test_appeal_transfer_changes_owner_and_is_audited():
    appeal = published()
    team = fugitive_team()
    services.appeal_unit_share(
        appeal=appeal, actor=analyst(), unit=team, kind="transferred", reason="Specialist search"
    )
    appeal.refresh_from_db()
    assert appeal.owning_unit == team
    assert AuditEvent.objects.for_target(appeal).filter(action="appeal.transferred").exists()
    services.appeal_unit_share(appeal=appeal, actor=analyst(), unit=UnitFactory(), kind="shared", reason="Joint work")
    assert AppealUnitShare.objects.filter(appeal=appeal).count() == 2
    with pytest.raises(PermissionDenied):
        services.appeal_unit_share(
            appeal=appeal, actor=make_staff(Role.UNIT_OFFICER), unit=team, kind="shared", reason="x"
        )
