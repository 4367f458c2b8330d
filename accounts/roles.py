"""Staff roles. Each role is a Django group of the same name; a person may hold several."""

from enum import StrEnum

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser, User


class Role(StrEnum):
    AUTHOR = "author"
    AUTHORISER = "authoriser"
    SENIOR_AUTHORISER = "senior_authoriser"
    ANALYST = "analyst"
    UNIT_OFFICER = "unit_officer"
    ADMINISTRATOR = "administrator"
    AUDITOR = "auditor"


ROLE_LABELS: dict[Role, str] = {
    Role.AUTHOR: "Appeal author",
    Role.AUTHORISER: "Authorising officer (inspector or above)",
    Role.SENIOR_AUTHORISER: "Senior authorising officer (superintendent or above)",
    Role.ANALYST: "Intelligence analyst",
    Role.UNIT_OFFICER: "Unit officer",
    Role.ADMINISTRATOR: "Administrator",
    Role.AUDITOR: "Auditor (reads the audit log)",
}

AnyUser = AbstractBaseUser | AnonymousUser


def roles_of(user: AnyUser) -> frozenset[Role]:
    """The roles a user holds, cached on the user object for the request."""
    if not user.is_authenticated:
        return frozenset()
    if not isinstance(user, User):
        return frozenset()
    cached: frozenset[Role] | None = getattr(user, "_lookout_roles", None)
    if cached is None:
        names = set(user.groups.values_list("name", flat=True))
        cached = frozenset(role for role in Role if role.value in names)
        user._lookout_roles = cached  # type: ignore[attr-defined]
    return cached


def has_role(user: AnyUser, *roles: Role) -> bool:
    return bool(roles_of(user) & set(roles))


def is_staff_member(user: AnyUser) -> bool:
    """Anyone holding at least one Lookout role may use the back office."""
    return bool(roles_of(user))
