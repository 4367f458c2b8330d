"""What signing in keeps: failed sign-ins per username (never per address: neither service keeps one)."""

from django.db import models


class SignInLock(models.Model):
    """Failed sign-ins counted per username. After too many in a window the username is locked for a while,
    whatever password or code is then given (signin.lockout). The table keeps the name it had when it belonged
    to accounts, so moving the model lost no row (migration signin 0001, accounts 0003)."""

    username = models.CharField(max_length=150, unique=True)  # signin.lockout.lock_key: NFKC, case-folded
    failures = models.PositiveIntegerField(default=0)
    first_failure_at = models.DateTimeField(null=True, blank=True)
    locked_until = models.DateTimeField(null=True, blank=True)

    class Meta:
        db_table = "accounts_signinlock"

    def __str__(self) -> str:
        return f"Sign-in failures for {self.username}"
