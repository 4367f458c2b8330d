"""Who may act in the independent service: the charity's operators (members of the operator group)."""

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser, User
from django.core.exceptions import PermissionDenied

OPERATOR_GROUP = "operator"


def is_operator(user: AbstractBaseUser | AnonymousUser) -> bool:
    return bool(user.is_authenticated and isinstance(user, User) and user.groups.filter(name=OPERATOR_GROUP).exists())


def require_operator(user: User) -> None:
    if not is_operator(user):
        raise PermissionDenied("Only the charity's operators may do this.")
