"""Background work for the desk, run by the database-backed worker (`manage.py db_worker`)."""

from django.utils import timezone
from django_tasks import task

from partner.services import backoff

from .alerts import alert_deliver
from .models import Alert

# Ahead of the enrichment backlog a surge leaves (the worker takes the highest priority first): an urgent
# alert waits for no report's enrichment.
URGENT_PRIORITY = 50


@task(priority=URGENT_PRIORITY)
def send_alert(alert_id: int) -> bool:
    """Send an urgent alert; if the channel refuses, try again later with backoff."""
    if alert_deliver(alert_id=alert_id):
        return True
    alert = Alert.objects.filter(pk=alert_id).first()
    if alert is not None:
        send_alert.using(run_after=timezone.now() + backoff(alert.attempts)).enqueue(alert_id)
    return False


@task()
def enrich_report(report_id: int) -> bool:
    """Enrich, link and group a newly stored report (intelligence.enrichment.pipeline.report_enrich)."""
    from .enrichment.pipeline import report_enrich

    return report_enrich(report_id=report_id) is not None


@task()
def enrich_arrived() -> int:
    """Enrich, link and group the reports that arrived lately and are not yet enriched (queued once per
    DESK_ENRICH_WINDOW_SECONDS by intelligence.signals.enrich_on_arrival). Two workers share the work: a report
    another worker holds is skipped, not waited for."""
    from .enrichment.pipeline import enrich_recent

    return enrich_recent()


@task()
def relink_recent(appeal_id: int) -> int:
    """Suggest links from recent reports to a newly published appeal."""
    from .enrichment.pipeline import appeal_relink_recent

    return appeal_relink_recent(appeal_id=appeal_id)
