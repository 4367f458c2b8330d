"""Every write on the desk goes through these functions. Each owns its transaction, checks the rules in
intelligence.rules and writes its audit event in the same transaction."""

from datetime import datetime

from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone

from accounts.models import Unit
from accounts.roles import Role, has_role
from appeals.models import Appeal, AppealStatus
from appeals.services import appeal_close
from audit.services import audit_record
from reporting.models import InformationReport, ReportStatus

from . import permissions, rules
from .models import Action, ActionStatus, AppealUnitShare, Grading, ShareKind
from .permissions import unit_of


def _require(allowed: bool) -> None:
    if not allowed:
        raise PermissionDenied("Your role does not allow this.")


def _require_unit_officer(user: User, action: Action) -> None:
    if not permissions.can_work_action(user, action):
        raise PermissionDenied("Only an officer of the unit this action was sent to may work it.")


def _report_status(report: InformationReport, actor: User, status: str) -> None:
    """Move the report on as the desk works it (what the reporter reads on the follow-up page)."""
    if report.status == status:
        return
    previous = report.status
    report.status = status
    report.save(update_fields=["status"])
    audit_record(actor=actor, action="report.status_set", target=report, detail={"from": previous, "to": status})


def _move(action: Action, target: str) -> None:
    rules.action_transition_is_allowed(current=action.status, target=target)
    action.status = target


def _reporter_texts(report: InformationReport) -> list[str]:
    """The reporter's own free text; contact details are sealed, so the caller passes any it has revealed."""
    return [report.details, report.companions, report.places]


@transaction.atomic
def grading_add(
    *,
    report: InformationReport,
    actor: User,
    source_evaluation: str,
    intelligence_assessment: str,
    handling_code: str,
    handling_conditions: str = "",
    summary: str,
    contact_details: list[str] | None = None,
) -> Grading:
    """Grade a report with 3x5x2 and write the sanitised summary that may leave the desk."""
    _require(permissions.can_work_desk(actor))
    rules.grading_codes_are_valid(
        source_evaluation=source_evaluation,
        intelligence_assessment=intelligence_assessment,
        handling_code=handling_code,
    )
    rules.conditions_go_with_handling_code_c(handling_code=handling_code, handling_conditions=handling_conditions)
    rules.summary_is_sanitised(summary=summary, reporter_texts=_reporter_texts(report), contact_details=contact_details)
    report = InformationReport.objects.select_for_update().get(pk=report.pk)
    grading = Grading.objects.create(
        report=report,
        source_evaluation=source_evaluation,
        intelligence_assessment=intelligence_assessment,
        handling_code=handling_code,
        handling_conditions=handling_conditions.strip() if handling_code == "C" else "",
        summary=summary.strip(),
        graded_by=actor,
        graded_at=timezone.now(),
    )
    audit_record(
        actor=actor, action="report.graded", target=report, detail={"grading": grading.pk, "code": grading.code}
    )
    if report.status == ReportStatus.RECEIVED:
        _report_status(report, actor, ReportStatus.BEING_LOOKED_AT)
    return grading


@transaction.atomic
def action_disseminate(
    *,
    report: InformationReport,
    actor: User,
    unit: Unit,
    officer: User | None,
    instruction: str,
    priority: str,
    due_at: datetime,
) -> Action:
    """Send the report's newest grading and summary to a unit as an action. The report itself stays on the
    desk: the unit sees only the sanitised summary, the grade and the instruction."""
    _require(permissions.can_work_desk(actor))
    grading = report.gradings.order_by("-graded_at", "-pk").first()
    if grading is None:
        raise rules.RuleViolation("not_graded", "Grade the report before disseminating it.")
    rules.suspected_false_is_not_disseminated(intelligence_assessment=grading.intelligence_assessment)
    if not instruction.strip():
        raise rules.RuleViolation("instruction", "Say what the unit should do.")
    if officer is not None and (unit_of(officer) != unit.pk or not has_role(officer, Role.UNIT_OFFICER)):
        raise rules.RuleViolation("officer", "Choose an officer of that unit, or leave the unit to allocate it.")
    now = timezone.now()
    report = InformationReport.objects.select_for_update().get(pk=report.pk)
    action = Action.objects.create(
        report=report,
        grading=grading,
        appeal=report.appeal,
        unit=unit,
        officer=officer,
        summary=grading.summary,
        instruction=instruction.strip(),
        priority=priority,
        due_at=due_at,
        status=ActionStatus.ALLOCATED if officer else ActionStatus.FOR_ALLOCATION,
        allocated_at=now if officer else None,
        created_by=actor,
        created_at=now,
    )
    audit_record(
        actor=actor,
        action="action.disseminated",
        target=action,
        detail={
            "report": report.pk,
            "unit": unit.code,
            "officer": officer.username if officer else "",
            "priority": priority,
        },
    )
    _report_status(report, actor, ReportStatus.PASSED_TO_TEAM)
    return action


def _locked(action: Action) -> Action:
    # Lock the action's row only: the appeal is nullable, and PostgreSQL cannot lock an outer join's side.
    return Action.objects.select_for_update(of=("self",)).select_related("appeal", "report").get(pk=action.pk)


@transaction.atomic
def action_allocate(*, action: Action, actor: User, officer: User) -> Action:
    """A unit officer takes the action (or gives it to a colleague in the same unit)."""
    action = _locked(action)
    _require_unit_officer(actor, action)
    if unit_of(officer) != action.unit_id or not has_role(officer, Role.UNIT_OFFICER):
        raise rules.RuleViolation("officer", "Choose an officer of this unit.")
    _move(action, ActionStatus.ALLOCATED)
    action.officer = officer
    action.allocated_at = timezone.now()
    action.save(update_fields=["status", "officer", "allocated_at"])
    audit_record(actor=actor, action="action.allocated", target=action, detail={"officer": officer.username})
    return action


@transaction.atomic
def action_complete(*, action: Action, actor: User, note: str) -> Action:
    """The work is done; the result (what came of it) may follow."""
    action = _locked(action)
    _require_unit_officer(actor, action)
    _move(action, ActionStatus.COMPLETED)
    action.completion_note = note.strip()
    action.completed_at = timezone.now()
    action.save(update_fields=["status", "completion_note", "completed_at"])
    audit_record(actor=actor, action="action.completed", target=action)
    return action


@transaction.atomic
def action_result(*, action: Action, actor: User, result: str, appeal_outcome: str = "") -> Action:
    """Record what came of the action. With an outcome, the result also closes the appeal, which takes it
    down from every public surface (appeals.services.appeal_close)."""
    action = _locked(action)
    _require_unit_officer(actor, action)
    if not result.strip():
        raise rules.RuleViolation("result", "Say what the result was.")
    _move(action, ActionStatus.RESULTED)
    now = timezone.now()
    if action.completed_at is None:
        action.completed_at = now
    action.result = result.strip()
    action.resulted_at = now
    if appeal_outcome:
        if action.appeal is None or not action.appeal.is_public:
            raise rules.RuleViolation("appeal", "This action has no published appeal to close.")
        appeal_close(appeal=action.appeal, actor=actor, outcome=appeal_outcome, note=f"Action {action.pk}: {result}")
        action.closed_appeal = True
    action.save(update_fields=["status", "completed_at", "result", "resulted_at", "closed_appeal"])
    audit_record(actor=actor, action="action.resulted", target=action, detail={"appeal_outcome": appeal_outcome or ""})
    return action


@transaction.atomic
def action_refer_back(*, action: Action, actor: User, reason: str) -> Action:
    """The unit sends the action back to the desk with a reason (wrong unit, not enough to go on...)."""
    action = _locked(action)
    _require_unit_officer(actor, action)
    rules.referral_has_a_reason(reason=reason)
    _move(action, ActionStatus.REFERRED_BACK)
    action.referred_back_reason = reason.strip()
    action.save(update_fields=["status", "referred_back_reason"])
    audit_record(actor=actor, action="action.referred_back", target=action, justification=reason.strip())
    return action


@transaction.atomic
def action_reissue(*, action: Action, actor: User, unit: Unit) -> Action:
    """The desk sends a referred-back action out again, to the same or another unit, for allocation."""
    _require(permissions.can_work_desk(actor))
    action = _locked(action)
    _move(action, ActionStatus.FOR_ALLOCATION)
    action.unit = unit
    action.officer = None
    action.allocated_at = None
    action.save(update_fields=["status", "unit", "officer", "allocated_at"])
    audit_record(actor=actor, action="action.reissued", target=action, detail={"unit": unit.code})
    return action


@transaction.atomic
def action_file(*, action: Action, actor: User) -> Action:
    """The desk files a resulted (or referred-back) action. When every action on the report is filed, the
    report is closed."""
    _require(permissions.can_work_desk(actor))
    action = _locked(action)
    _move(action, ActionStatus.FILED)
    action.filed_at = timezone.now()
    action.save(update_fields=["status", "filed_at"])
    audit_record(actor=actor, action="action.filed", target=action)
    report = InformationReport.objects.select_for_update().get(pk=action.report_id)
    if not report.actions.exclude(status=ActionStatus.FILED).exists():
        _report_status(report, actor, ReportStatus.CLOSED)
    return action


@transaction.atomic
def appeal_unit_share(*, appeal: Appeal, actor: User, unit: Unit, kind: str, reason: str) -> AppealUnitShare:
    """Transfer an appeal to a specialist unit (it becomes the owner and takes on the search) or share it
    (the unit works alongside the owner). Either way the reason is recorded and audited."""
    _require(permissions.can_share_appeal(actor, appeal))
    if not reason.strip():
        raise rules.RuleViolation("reason", "Say why the appeal is being transferred or shared.")
    kind = ShareKind(kind).value
    appeal = Appeal.objects.select_for_update().get(pk=appeal.pk)
    if appeal.status == AppealStatus.CLOSED:
        raise rules.RuleViolation("closed", "A closed appeal cannot be transferred or shared.")
    share = AppealUnitShare.objects.create(
        appeal=appeal, unit=unit, kind=kind, reason=reason.strip(), by=actor, at=timezone.now()
    )
    detail = {"unit": unit.code, "kind": kind}
    if kind == ShareKind.TRANSFERRED:
        detail["from_unit"] = appeal.owning_unit.code
        appeal.owning_unit = unit
        appeal.save(update_fields=["owning_unit", "updated_at"])
    audit_record(actor=actor, action=f"appeal.{kind}", target=appeal, detail=detail, justification=reason.strip())
    return share
