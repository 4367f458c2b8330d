from django.apps import AppConfig


class IntelligenceConfig(AppConfig):
    name = "intelligence"
    verbose_name = "Intelligence desk"

    def ready(self) -> None:
        from reporting.signals import report_received

        from .alerts import alerts_for_report

        # reporting knows nothing of the desk; the desk listens for new reports (urgent alerts).
        report_received.connect(alerts_for_report, dispatch_uid="intelligence.alerts_for_report")
