from django.apps import AppConfig


class IndependentConfig(AppConfig):
    """The independent anonymous service: anonymous reports, the operator console, follow-ups and rewards.
    Installed only in the independent deployment (lookout.settings.independent); imports no police model."""

    name = "independent"
    verbose_name = "Independent anonymous service"
    default_auto_field = "django.db.models.BigAutoField"
