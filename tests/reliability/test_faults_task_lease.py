"""The lease's rules on the rows themselves (frozen clock: `now` passed in)."""

from datetime import timedelta

import pytest
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from lookout.task_lease import tasks_requeue_lost

pytestmark = pytest.mark.django_db


def running(started_seconds_ago: float, workers: int) -> DBTaskResult:
    now = timezone.now()
    return DBTaskResult.objects.create(
        status="RUNNING",
        started_at=now - timedelta(seconds=started_seconds_ago),
        args_kwargs={"args": [], "kwargs": {}},
        task_path="tests.reliability.fault_tasks.hold_until_released",
        worker_ids=[f"w{i}" for i in range(workers)],
        backend_name="default",
        run_after=now,
    )


def test_a_task_within_its_lease_is_left_alone(settings):
    settings.LOOKOUT_TASK_LEASE_SECONDS = 600
    task = running(599, workers=1)
    assert tasks_requeue_lost(now=task.started_at + timedelta(seconds=599)).requeued == 0
    task.refresh_from_db()
    assert task.status == "RUNNING"


def test_a_lost_task_is_queued_again_and_fails_after_too_many_lost_workers(settings):
    settings.LOOKOUT_TASK_LEASE_SECONDS, settings.LOOKOUT_TASK_MAX_ATTEMPTS = 600, 3
    lost_once, lost_thrice = running(601, workers=1), running(601, workers=3)
    reaped = tasks_requeue_lost()
    assert (reaped.requeued, reaped.failed) == (1, 1)
    lost_once.refresh_from_db()
    lost_thrice.refresh_from_db()
    assert lost_once.status == "READY" and lost_once.started_at is None
    assert lost_thrice.status == "FAILED" and lost_thrice.exception_class_path == "lookout.task_lease.WorkerLost"
    assert DBTaskResult.objects.ready().filter(pk=lost_once.pk).exists()
