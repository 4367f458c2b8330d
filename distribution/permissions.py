"""Who may do what with the ledger: one predicate per permission, its docstring the rule (ADR 0033 style)."""

from accounts.roles import AnyUser, Role, has_role, is_staff_member, roles_of
from appeals.models import Appeal
from appeals.permissions import can_view

from .models import ManualCopy

REFUSE_RECORD = "Only an officer with an acting role can record a copy, and only of a published appeal."
REFUSE_TICK = "Only the officer who recorded this copy, or an administrator, can tick it as removed."


def can_see_ledger(user: AnyUser, appeal: Appeal) -> bool:
    """Whoever may read the appeal may read where it went and the takedown report."""
    return can_view(user, appeal)


def acts(user: AnyUser) -> bool:
    """Every staff role but auditor acts (auditors only read)."""
    return is_staff_member(user) and bool(roles_of(user) - {Role.AUDITOR})


def can_record_copy(user: AnyUser, appeal: Appeal) -> bool:
    """An officer who acts may record a copy they made of a published appeal they can see."""
    return appeal.is_public and acts(user) and can_view(user, appeal)


def can_tick_copy(user: AnyUser, copy: ManualCopy) -> bool:
    """The officer who recorded a copy ticks it as removed (an administrator may, for an officer who has left)."""
    return acts(user) and (copy.recorded_by_id == user.pk or has_role(user, Role.ADMINISTRATOR))


def can_use_desk(user: AnyUser) -> bool:
    """Every officer who acts has a desk of the copies they recorded."""
    return acts(user)
