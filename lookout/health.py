"""The health endpoint both services answer at /healthz, for a load balancer or an orchestrator: the database,
the cache and the task queue (the age of the oldest task waiting to run). 200 when all three are well, 503
otherwise; a small JSON body that names no client and no record, never stored by a proxy."""

import secrets
from datetime import datetime

from django.conf import settings
from django.core.cache import cache
from django.db import DatabaseError, connection
from django.http import HttpRequest, JsonResponse
from django.utils import timezone
from django.views.decorators.http import require_safe
from django_tasks_db.models import DBTaskResult

OK = "ok"
UNAVAILABLE = "unavailable"


def database_check() -> str:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except DatabaseError:
        return UNAVAILABLE
    return OK


def cache_check() -> str:
    """A write and a read of a random value: a cache that answers but does not store is not well either."""
    probe = secrets.token_hex(8)
    try:
        cache.set("lookout:healthz", probe, timeout=10)
        stored = cache.get("lookout:healthz")
    except Exception:  # noqa: BLE001 - any backend's failure (redis.ConnectionError, OSError...) is "unavailable"
        return UNAVAILABLE
    return OK if stored == probe else UNAVAILABLE


def oldest_queued_task_seconds(now: datetime) -> int | None:
    """Seconds the oldest task due to run has waited (0 with none waiting); None if the queue cannot be read."""
    try:
        oldest = DBTaskResult.objects.ready().order_by("enqueued_at").values_list("enqueued_at", flat=True).first()
    except DatabaseError:
        return None
    return 0 if oldest is None else max(0, int((now - oldest).total_seconds()))


def queue_check(age: int | None) -> str:
    """The rule: a task waiting longer than LOOKOUT_HEALTH_TASK_MAX_AGE_SECONDS means no worker is taking them."""
    if age is None:
        return UNAVAILABLE
    return OK if age <= settings.LOOKOUT_HEALTH_TASK_MAX_AGE_SECONDS else "backlog"


@require_safe
def healthz(request: HttpRequest) -> JsonResponse:
    age = oldest_queued_task_seconds(timezone.now())
    checks = {"database": database_check(), "cache": cache_check(), "tasks": queue_check(age)}
    healthy = all(state == OK for state in checks.values())
    response = JsonResponse(
        {"status": OK if healthy else "unhealthy", "checks": checks, "oldest_task_seconds": age},
        status=200 if healthy else 503,
    )
    response["Cache-Control"] = "no-store, max-age=0"
    return response
