"""Queueing a task about rows the caller's transaction is writing.

The queue is a table in the same database (django_tasks_db), so the task's row is written in that transaction:
it commits with the report (or alert) it is about, or not at all. There is no moment, as there is with
`on_commit`, when the data is committed and the process can die before the task is queued, and no second
commit (a second flush to disk) per report in a surge. Another backend (the immediate one the tests use,
which would run the task at once, inside the transaction) queues it on commit instead, as before.
"""

import logging
import time
from collections.abc import Callable
from datetime import timedelta
from typing import Any

from django.core.cache import cache
from django.db import transaction
from django.utils import timezone
from django_tasks.base import Task
from django_tasks_db.backend import DatabaseBackend

logger = logging.getLogger(__name__)


def enqueue_with_transaction(task: Task[Any, Any], *args: Any) -> None:
    """Queue `task(*args)` in the caller's transaction when the queue shares it, else once it commits."""
    if isinstance(task.get_backend(), DatabaseBackend) and transaction.get_connection().in_atomic_block:
        task.enqueue(*args)
    else:
        transaction.on_commit(lambda: task.enqueue(*args), robust=True)


def on_commit_once(func: Callable[[], None]) -> None:
    """Run `func` once when the current transaction commits, however often this is called inside it."""
    if not any(queued is func for _, queued, _ in transaction.get_connection().run_on_commit):
        transaction.on_commit(func, robust=True)


# Per process: until when the run this process queued for a key is still to come (a monotonic time).
_OWN_RUN_DUE: dict[str, float] = {}


def forget_queued_runs() -> None:
    """Forget the runs this process queued (the tests, whose database is emptied between them, call this)."""
    _OWN_RUN_DUE.clear()


def enqueue_once_per_window(task: Task[Any, Any], *, key: str, window: float, catch_up: str) -> bool:
    """Queue `task()`, which takes whatever is waiting, at most once per `window` seconds across every process.
    Called once the caller's transaction has committed (`on_commit_once`).

    The first call in a window adds `key` to the shared cache and queues the run due at the window's end, so
    one run takes everything that arrived in the window: in a surge, one task row and one run per window, not
    one per report. The key lapses as the run falls due, so whatever arrives after it has read queues the next
    one. While the run this process queued is still to come, its later calls ask nothing of the shared cache
    (the key is certainly there). A window of 0 queues a run per call (the tests' immediate queue runs it at
    once and cannot defer it). Returns whether this call queued the run.

    A queue or cache that is down is logged with `catch_up`, the periodic job that will do the work instead,
    and never raised: what the caller committed stands."""
    try:
        if window <= 0:
            task.enqueue()
            return True
        asked = time.monotonic()
        if asked < _OWN_RUN_DUE.get(key, 0.0):
            return False
        if not cache.add(key, 1, timeout=window):
            return False
        task.using(run_after=timezone.now() + timedelta(seconds=window)).enqueue()
    except Exception:  # noqa: BLE001 - the periodic job catches up; the caller's commit must stand
        logger.warning("could not queue %s; %s", task.name, catch_up)
        return False
    # A margin under the key's own lifetime, which began after `asked`.
    _OWN_RUN_DUE[key] = asked + 0.9 * window
    return True
