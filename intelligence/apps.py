from django.apps import AppConfig


class IntelligenceConfig(AppConfig):
    name = "intelligence"
    verbose_name = "Intelligence desk"

    def ready(self) -> None:
        from django.db.models.signals import post_delete, post_save

        from appeals.models import Appeal
        from reporting.signals import report_received

        from .alerts import alerts_for_report
        from .signals import appeal_changed, enrich_on_arrival

        # reporting knows nothing of the desk; the desk listens for new reports (urgent alerts, enrichment).
        report_received.connect(alerts_for_report, dispatch_uid="intelligence.alerts_for_report")
        report_received.connect(enrich_on_arrival, dispatch_uid="intelligence.enrich_on_arrival")
        # Linking reads every appeal's names, areas and vehicle: a change means a fresh index.
        post_save.connect(appeal_changed, sender=Appeal, dispatch_uid="intelligence.appeal_saved")
        post_delete.connect(appeal_changed, sender=Appeal, dispatch_uid="intelligence.appeal_deleted")
