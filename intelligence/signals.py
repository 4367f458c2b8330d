"""The wiring of intelligence: receivers connected in IntelligenceConfig.ready(). A stored report is queued for
enrichment (intelligence.tasks.enrich_report, once the transaction commits); a changed appeal makes every process
rebuild its appeal index, and a newly published one reads the last weeks' reports again
(intelligence.tasks.relink_recent)."""

from typing import Any

from django.db import transaction

from appeals.models import Appeal
from lookout.task_queue import enqueue_with_transaction
from reporting.models import InformationReport

from .enrichment.index import index_invalidate_now_and_on_commit


def enrich_on_arrival(sender: Any, report: InformationReport, **kwargs: Any) -> None:
    """Called inside the transaction that stores a report: queue its enrichment in that transaction
    (lookout.task_queue), so a report committed always has its task; `manage.py desk_enrich` catches up with
    any report stored without one."""
    from .tasks import enrich_report

    enqueue_with_transaction(enrich_report, report.pk)


def appeal_changed(sender: Any, instance: Appeal | None = None, **kwargs: Any) -> None:
    index_invalidate_now_and_on_commit()
    fields = kwargs.get("update_fields")
    if instance is not None and instance.is_public and (fields is None or "status" in fields):
        from .tasks import relink_recent

        appeal_id = instance.pk
        transaction.on_commit(lambda: relink_recent.enqueue(appeal_id), robust=True)
