from django.apps import AppConfig


class SigninConfig(AppConfig):
    """Signing in, shared by both services: lock-out, the TOTP second factor and the idle time-out. It imports
    no police app, so the independent service installs it too (ADR 0033)."""

    name = "signin"
    verbose_name = "Signing in"
