"""Access checks for back-office views."""

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.contrib.auth.decorators import login_required
from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest
from django.http.response import HttpResponseBase

from .roles import AnyUser, Role, has_role, is_staff_member

View = Callable[..., HttpResponseBase]


def staff_required(*roles: Role) -> Callable[[View], View]:
    """Signed in, holding a Lookout role, and (when roles are named) at least one of them."""

    def decorator(view: View) -> View:
        @wraps(view)
        def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
            if not is_staff_member(request.user):
                raise PermissionDenied("Your account has no Lookout role. Ask an administrator.")
            if roles and not has_role(request.user, *roles):
                raise PermissionDenied("Your role does not allow you to use this page.")
            return view(request, *args, **kwargs)

        return login_required(wrapped)

    return decorator


def staff_passes(allowed: Callable[[AnyUser], bool]) -> Callable[[View], View]:
    """Signed in, holding a Lookout role, and allowed by the named predicate (an app's permissions.py)."""

    def decorator(view: View) -> View:
        @wraps(view)
        def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
            if not is_staff_member(request.user):
                raise PermissionDenied("Your account has no Lookout role. Ask an administrator.")
            if not allowed(request.user):
                raise PermissionDenied("Your role does not allow you to use this page.")
            return view(request, *args, **kwargs)

        return login_required(wrapped)

    return decorator


def acting_user(request: HttpRequest) -> User:
    """The signed-in staff member making this request (staff_required has already checked)."""
    user = request.user
    if not isinstance(user, User):
        raise PermissionDenied("Sign in first.")
    return user
