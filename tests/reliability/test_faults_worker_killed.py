"""A worker killed (SIGKILL) in the middle of a task: the task is not lost. django-tasks-db leaves it RUNNING;
the lease (lookout/task_lease.py, `manage.py tasks_requeue_lost`) queues it again and a new worker runs it to
completion. Real db_worker processes on a database of the test's own."""

import json
import os
import signal
import time
from pathlib import Path

import pytest

from independent.tests.e2e import wait_for

from .servers import manage, own_database, police_env, spawn, stop

pytestmark = pytest.mark.e2e

ENQUEUE = (
    "from tests.reliability.fault_tasks import hold_until_released as t; import sys; print(t.enqueue(sys.argv[-1]).id)"
)


def test_a_task_whose_worker_is_killed_runs_again_on_a_new_worker(tmp_path: Path):
    work = tmp_path / "task"
    work.mkdir()
    with own_database(tmp_path, "faults_worker") as database:
        env = police_env(database, tmp_path, LOOKOUT_TASK_LEASE_SECONDS="1")
        manage(env, "migrate", "--noinput")
        manage(env, "shell", "-c", ENQUEUE.replace("sys.argv[-1]", repr(str(work))))
        status = lambda: database.rows("SELECT status FROM django_tasks_database_dbtaskresult")[0][0]  # noqa: E731

        first = spawn(env, tmp_path / "worker-1.log", "db_worker", "--interval", "0.2", "--no-reload")
        try:
            wait_for(lambda: (work / "started-1").exists(), timeout=60, what="the first worker to start the task")
            os.kill(first.pid, signal.SIGKILL)
            first.wait(timeout=10)
        finally:
            stop(first)
        assert status() == "RUNNING"

        (work / "release").write_text("")
        second = spawn(env, tmp_path / "worker-2.log", "db_worker", "--interval", "0.2", "--no-reload")
        try:
            time.sleep(1.5)  # past the 1 s lease
            assert status() == "RUNNING"  # the new worker alone does not pick up a claimed task
            assert "1 queued again, 0 failed" in manage(env, "tasks_requeue_lost")
            wait_for(lambda: status() == "SUCCESSFUL", timeout=60, what="the task to complete on the new worker")
        finally:
            stop(second)
        assert (work / "done").read_text() == "2" and (work / "started-2").exists()
        [(worker_ids,)] = database.rows("SELECT worker_ids FROM django_tasks_database_dbtaskresult")
        assert len(worker_ids if isinstance(worker_ids, list) else json.loads(worker_ids)) == 2
