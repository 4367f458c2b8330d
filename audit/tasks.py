"""The audit sequencer as a background task, queued when a transaction that wrote events commits."""

from django_tasks import task

from .sequencer import audit_seal


@task()
def seal_events() -> int:
    """Chain the events written since the last run (audit.sequencer.audit_seal)."""
    return audit_seal()
