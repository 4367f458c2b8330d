"""Who may do what on the intelligence desk (ADR 0033). One predicate per permission, its docstring the rule;
services enforce them (PermissionDenied), views use them to decide what to show. Auditors read the audit log and
the numbers and nothing else: no predicate that allows a change names Role.AUDITOR."""

from accounts.models import StaffProfile
from accounts.roles import AnyUser, Role, has_role
from appeals.models import Appeal
from appeals.permissions import can_view as can_view_appeal

from .models import Action

# The desk: analysts grade, disseminate, file and share; administrators run it.
DESK = (Role.ANALYST, Role.ADMINISTRATOR)


def unit_of(user: AnyUser) -> int | None:
    """The id of the unit a staff member belongs to (None when they have no unit)."""
    if user.pk is None:
        return None
    cached: int | None | bool = getattr(user, "_lookout_unit_id", False)
    if cached is False:
        cached = StaffProfile.objects.filter(user_id=user.pk).values_list("unit_id", flat=True).first()
        user._lookout_unit_id = cached  # type: ignore[union-attr]
    return cached if isinstance(cached, int) else None


def can_work_desk(user: AnyUser) -> bool:
    """The desk (analysts and administrators) reads the inbox, grades, disseminates, records calls, decides
    suggested links and reissues or files actions."""
    return has_role(user, *DESK)


def can_see_actions(user: AnyUser) -> bool:
    """The desk sees every action; a unit officer sees the actions sent to their unit (selectors.actions_visible_to)."""
    return has_role(user, *DESK, Role.UNIT_OFFICER)


def can_work_actions(user: AnyUser) -> bool:
    """Only unit officers work actions (allocate, complete, record a result, refer back): see can_work_action."""
    return has_role(user, Role.UNIT_OFFICER)


def can_work_action(user: AnyUser, action: Action) -> bool:
    """A unit officer works only the actions sent to their own unit."""
    return can_work_actions(user) and action.unit_id is not None and unit_of(user) == action.unit_id


def can_share(user: AnyUser) -> bool:
    """Analysts, authorising officers and administrators may transfer or share an appeal with a specialist unit."""
    return has_role(user, Role.ANALYST, Role.AUTHORISER, Role.SENIOR_AUTHORISER, Role.ADMINISTRATOR)


def can_share_appeal(user: AnyUser, appeal: Appeal) -> bool:
    """Sharing needs the role and sight of the appeal (appeals.permissions.can_view)."""
    return can_share(user) and can_view_appeal(user, appeal)


def can_read_audit_log(user: AnyUser) -> bool:
    """Auditors and administrators read the whole audit log."""
    return has_role(user, Role.AUDITOR, Role.ADMINISTRATOR)


def can_see_numbers(user: AnyUser) -> bool:
    """The desk, administrators and auditors see the force's and each visible appeal's numbers."""
    return has_role(user, *DESK, Role.AUDITOR)
