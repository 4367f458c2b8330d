from django.apps import AppConfig


class ReportkitConfig(AppConfig):
    """Installed only for its templates (reportkit/templates/reportkit/): the kit has no models."""

    name = "reportkit"
    verbose_name = "Reporting kit"
