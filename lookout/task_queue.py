"""Queueing a task about rows the caller's transaction is writing.

The queue is a table in the same database (django_tasks_db), so the task's row is written in that transaction:
it commits with the report (or alert) it is about, or not at all. There is no moment, as there is with
`on_commit`, when the data is committed and the process can die before the task is queued, and no second
commit (a second flush to disk) per report in a surge. Another backend (the immediate one the tests use,
which would run the task at once, inside the transaction) queues it on commit instead, as before.
"""

from typing import Any

from django.db import transaction
from django_tasks.base import Task
from django_tasks_db.backend import DatabaseBackend


def enqueue_with_transaction(task: Task[Any, Any], *args: Any) -> None:
    """Queue `task(*args)` in the caller's transaction when the queue shares it, else once it commits."""
    if isinstance(task.get_backend(), DatabaseBackend) and transaction.get_connection().in_atomic_block:
        task.enqueue(*args)
    else:
        transaction.on_commit(lambda: task.enqueue(*args), robust=True)
