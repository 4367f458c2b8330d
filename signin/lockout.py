"""Lock-out and throttling of failed sign-ins, keyed by username.

Rule: LOOKOUT_LOGIN_MAX_FAILURES failures (wrong password or wrong code) within LOOKOUT_LOGIN_LOCK_MINUTES lock
the username for LOOKOUT_LOGIN_LOCK_MINUTES. While it is locked nothing is checked, so guessing gains nothing.
The key is the username because Lookout keeps no client address (lookout.middleware.ForgetClientMiddleware);
the price is that someone can lock a colleague out for a while, which an administrator can undo by deleting
the lock in /staff/admin/ (docs/adr/0020-intelligence-desk.md). Both services use it (signin, ADR 0033).
"""

import unicodedata
from datetime import datetime, timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from .models import SignInLock


def lock_key(username: str) -> str:
    """The name a lock is kept under: the form Django authenticates (NFKC, as
    AbstractBaseUser.normalize_username and the sign-in form's UsernameField do), case-folded, so every
    Unicode or case variant that reaches one account counts against one lock."""
    nfkc = unicodedata.normalize("NFKC", username.strip())
    return unicodedata.normalize("NFKC", nfkc.casefold())[:150]


def _window() -> timedelta:
    return timedelta(minutes=settings.LOOKOUT_LOGIN_LOCK_MINUTES)


def locked_until(username: str, now: datetime | None = None) -> datetime | None:
    """When the username's lock ends, or None when it may sign in."""
    now = now or timezone.now()
    lock = SignInLock.objects.filter(username=lock_key(username), locked_until__gt=now).first()
    return lock.locked_until if lock else None


@transaction.atomic
def sign_in_failed(username: str, now: datetime | None = None) -> datetime | None:
    """Count a failure; returns the end of the lock if this failure locked the username."""
    now = now or timezone.now()
    lock, _ = SignInLock.objects.select_for_update().get_or_create(username=lock_key(username))
    if lock.first_failure_at is None or lock.first_failure_at <= now - _window():
        lock.failures = 0
        lock.first_failure_at = now
    lock.failures += 1
    if lock.failures >= settings.LOOKOUT_LOGIN_MAX_FAILURES:
        lock.locked_until = now + _window()
        lock.failures = 0
        lock.first_failure_at = None
    lock.save()
    return lock.locked_until if lock.locked_until and lock.locked_until > now else None


def sign_in_succeeded(username: str) -> None:
    SignInLock.objects.filter(username=lock_key(username), locked_until__isnull=True).delete()
    SignInLock.objects.filter(username=lock_key(username), locked_until__lte=timezone.now()).delete()


def lock_message(until: datetime) -> str:
    return (
        "Too many failed sign-ins for this username. It is locked until "
        f"{timezone.localtime(until):%H:%M}. Try again then, or ask an administrator to unlock it."
    )
