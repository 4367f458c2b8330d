"""Background work for appeals, run by the database-backed worker (`manage.py db_worker`)."""

from django_tasks import task

from lookout.purge import cdn_purge, proxy_purge

from . import services
from .surfaces import purge_keys, purge_paths


@task()
def notify_review_due(appeal_id: int) -> int:
    """E-mail the officers who authorised an appeal that its review is due. Returns how many were told."""
    return services.appeal_review_notify(appeal_id=appeal_id)


@task()
def purge_public_surfaces(reference: str) -> int:
    """Tell the proxy and the CDN to drop what they hold of this appeal and of the lists (queued on the commit
    that changed what the public may see). Returns how many purges failed (logged, not raised)."""
    failed = len(proxy_purge(purge_paths(reference)))
    return failed + (0 if cdn_purge(purge_keys(reference)) else 1)
