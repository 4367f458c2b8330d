"""Delivery runs in the database-backed worker; failures are retried with backoff until acknowledged."""

from django.utils import timezone
from django_tasks import task

from .models import OutboxMessage
from .services import backoff, outbox_deliver


# A takedown to the partner goes ahead of the enrichment backlog a surge leaves (highest priority runs first).
@task(priority=50)
def deliver_message(message_id: str) -> bool:
    if outbox_deliver(message_id=message_id):
        return True
    message = OutboxMessage.objects.filter(message_id=message_id).first()
    if message is not None:
        deliver_message.using(run_after=timezone.now() + backoff(message.attempts)).enqueue(message_id)
    return False
