"""The wiring of intelligence: receivers connected in IntelligenceConfig.ready(). A stored report is queued for
enrichment (intelligence.tasks.enrich_arrived, once per window after the commit); a changed appeal makes every process
rebuild its appeal index, and a newly published one reads the last weeks' reports again
(intelligence.tasks.relink_recent)."""

from typing import Any

from django.conf import settings
from django.db import transaction

from appeals.models import Appeal
from lookout.task_queue import enqueue_once_per_window, enqueue_with_transaction, on_commit_once
from reporting.models import InformationReport

from .enrichment.index import index_invalidate_now_and_on_commit


def enrich_on_arrival(sender: Any, report: InformationReport, **kwargs: Any) -> None:
    """Called inside the transaction that stores a report. In a surge (DESK_ENRICH_WINDOW_SECONDS above 0, as in
    production) one run of `enrich_arrived` is queued per window once the transaction commits, and takes every
    report that arrived in it: the report's own transaction writes no task row. With a window of 0 the report's
    own task is queued in its transaction (lookout.task_queue). Either way `manage.py desk_enrich --every N`
    catches up with any report left without enrichment (the process died after the commit, the queue was down)."""
    from .tasks import enrich_report

    window = settings.DESK_ENRICH_WINDOW_SECONDS
    if window <= 0:
        enqueue_with_transaction(enrich_report, report.pk)
        return
    on_commit_once(_enrich_soon)


def _enrich_soon() -> None:
    from .tasks import enrich_arrived

    enqueue_once_per_window(
        enrich_arrived,
        key="desk:enrich-queued",
        window=settings.DESK_ENRICH_WINDOW_SECONDS,
        catch_up="the periodic desk_enrich will enrich the reports",
    )


def appeal_changed(sender: Any, instance: Appeal | None = None, **kwargs: Any) -> None:
    index_invalidate_now_and_on_commit()
    fields = kwargs.get("update_fields")
    if instance is not None and instance.is_public and (fields is None or "status" in fields):
        from .tasks import relink_recent

        appeal_id = instance.pk
        transaction.on_commit(lambda: relink_recent.enqueue(appeal_id), robust=True)
