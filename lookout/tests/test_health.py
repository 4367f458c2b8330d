"""/healthz: the database, the cache and the task queue, 200 or 503, never stored by a proxy."""

from datetime import timedelta

import pytest
from django.test import override_settings
from django.utils import timezone
from django_tasks_db.models import DBTaskResult, get_date_max

from lookout.health import queue_check

pytestmark = pytest.mark.django_db


def queued(age: timedelta) -> None:
    task = DBTaskResult.objects.create(
        args_kwargs={"args": [], "kwargs": {}},
        task_path="lookout.tests.nothing",
        backend_name="default",
        run_after=get_date_max(),
    )
    DBTaskResult.objects.filter(pk=task.pk).update(enqueued_at=timezone.now() - age)


def test_healthy(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {
        "status": "ok",
        "checks": {"database": "ok", "cache": "ok", "tasks": "ok"},
        "oldest_task_seconds": 0,
    }
    assert response["Cache-Control"] == "no-store, max-age=0"


@override_settings(LOOKOUT_HEALTH_TASK_MAX_AGE_SECONDS=60)
def test_a_task_waiting_too_long_is_unhealthy(client):
    queued(timedelta(seconds=30))
    assert client.get("/healthz").status_code == 200
    queued(timedelta(minutes=5))
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["checks"]["tasks"] == "backlog"
    assert 299 <= response.json()["oldest_task_seconds"] <= 310


def test_a_task_scheduled_for_later_is_not_waiting(client):
    task = DBTaskResult.objects.create(
        args_kwargs={"args": [], "kwargs": {}},
        task_path="lookout.tests.nothing",
        backend_name="default",
        run_after=timezone.now() + timedelta(hours=1),
    )
    DBTaskResult.objects.filter(pk=task.pk).update(enqueued_at=timezone.now() - timedelta(days=1))
    assert client.get("/healthz").json()["oldest_task_seconds"] == 0


@override_settings(
    CACHES={"default": {"BACKEND": "lookout.redis_cache.KeptClientRedisCache", "LOCATION": "redis://127.0.0.1:1/0"}}
)
def test_a_cache_that_does_not_answer_is_unhealthy(client):
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["checks"] == {"database": "ok", "cache": "unavailable", "tasks": "ok"}


def test_the_queue_rule():
    with override_settings(LOOKOUT_HEALTH_TASK_MAX_AGE_SECONDS=10):
        assert [queue_check(age) for age in (0, 10, 11, None)] == ["ok", "ok", "backlog", "unavailable"]


def test_only_safe_methods(client):
    assert client.post("/healthz").status_code == 405
