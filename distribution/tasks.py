"""Background work of the ledger: the takedown check retries with backoff until every surface and subscriber has
confirmed (`manage.py distribution_takedown_check --every N` is the safety net, as partner_deliver is)."""

from django.utils import timezone
from django_tasks import default_task_backend, task

from .models import SurfaceCheck
from .services import retry_wait, takedown_verify


@task()
def verify_takedown(appeal_id: int) -> bool:
    if takedown_verify(appeal_id=appeal_id):
        return True
    attempts = max(SurfaceCheck.objects.filter(appeal_id=appeal_id).values_list("attempts", flat=True), default=1)
    if default_task_backend.supports_defer:
        verify_takedown.using(run_after=timezone.now() + retry_wait(attempts)).enqueue(appeal_id)
    return False
