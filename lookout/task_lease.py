"""A lease on running tasks. django-tasks-db 0.13 marks a task RUNNING when a worker claims it and has no
heartbeat: a worker killed mid-task (OOM, SIGKILL, power) leaves it RUNNING for ever. A task still RUNNING
after LOOKOUT_TASK_LEASE_SECONDS is taken to have lost its worker and is made READY again, so the next worker
runs it; after LOOKOUT_TASK_MAX_ATTEMPTS claims it is failed instead (a task that kills its worker each time).
Our tasks are idempotent (each checks what is already done), so a slow task run twice is harmless."""

from dataclasses import dataclass
from datetime import datetime, timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django_tasks.base import TaskResultStatus
from django_tasks_db.models import DBTaskResult


class WorkerLost(Exception):  # noqa: N818 - the name is what the task list shows
    """Recorded as the failure of a task whose workers kept disappearing while running it."""


@dataclass(frozen=True)
class Reaped:
    requeued: int
    failed: int


def lease_expired(task: DBTaskResult, now: datetime) -> bool:
    """Running for longer than the lease: its worker is presumed dead."""
    started = task.started_at or task.enqueued_at
    return started < now - timedelta(seconds=settings.LOOKOUT_TASK_LEASE_SECONDS)


def tasks_requeue_lost(*, now: datetime | None = None) -> Reaped:
    """Make lost tasks READY again (or FAILED after too many attempts). Each row is locked and re-checked, so
    a worker finishing the task at the same moment wins."""
    now = now or timezone.now()
    requeued = failed = 0
    for pk in DBTaskResult.objects.filter(status=TaskResultStatus.RUNNING).values_list("pk", flat=True):
        with transaction.atomic():
            task = DBTaskResult.objects.select_for_update().filter(pk=pk, status=TaskResultStatus.RUNNING).first()
            if task is None or not lease_expired(task, now):
                continue
            if len(task.worker_ids) >= settings.LOOKOUT_TASK_MAX_ATTEMPTS:
                task.status = TaskResultStatus.FAILED
                task.finished_at = now
                task.exception_class_path = f"{WorkerLost.__module__}.{WorkerLost.__qualname__}"
                task.traceback = f"WorkerLost: {len(task.worker_ids)} workers were lost running this task"
                task.save(update_fields=["status", "finished_at", "exception_class_path", "traceback"])
                failed += 1
            else:
                task.status = TaskResultStatus.READY
                task.started_at = None
                task.save(update_fields=["status", "started_at"])
                requeued += 1
    return Reaped(requeued=requeued, failed=failed)
