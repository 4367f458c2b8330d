"""Background work for appeals, run by the database-backed worker (`manage.py db_worker`)."""

from django_tasks import task

from . import services


@task()
def notify_review_due(appeal_id: int) -> int:
    """E-mail the officers who authorised an appeal that its review is due. Returns how many were told."""
    return services.appeal_review_notify(appeal_id=appeal_id)
