"""Urgent alerts to the on-duty desk (e-mail and a signed webhook), queued on commit and sent by the
database-backed worker. See docs/adr/0020-intelligence-desk.md for the delivery guarantee:

- one Alert row per report and channel (a unique constraint), so however often a task is queued, or a post
  repeated, there is only one alert to send;
- the worker sends while holding the row's lock and marks it sent in the same transaction, so two workers
  never both send, and a sent alert is never sent again;
- a worker that dies between sending and marking leaves the alert unsent; `manage.py desk_alerts` finds it
  and queues it again, and the repeat carries the same key (webhook header, e-mail Message-ID) so the
  receiver drops it. Delivery is at least once; with the key, the desk sees exactly one alert.

An alert carries no personal data: the appeal reference, the report number and a link to the back office.
"""

import json
import logging
import urllib.error
import urllib.request
from datetime import datetime, timedelta
from typing import Any
from urllib.parse import urlsplit

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.db.models import F
from django.urls import reverse
from django.utils import timezone

from lookout.task_queue import enqueue_with_transaction
from partner import signing
from reporting.models import InformationReport

from .models import Alert, AlertChannel

logger = logging.getLogger(__name__)
ALERT_KEY_HEADER = "X-Lookout-Alert-Key"
WEBHOOK_PATH_HEADER = "X-Lookout-Path"


class AlertDeliveryError(Exception):
    """The channel did not accept the alert; it is retried."""


def configured_channels() -> list[str]:
    channels = []
    if settings.LOOKOUT_DESK_ALERT_EMAILS:
        channels.append(AlertChannel.EMAIL.value)
    if settings.LOOKOUT_DESK_WEBHOOK_URL:
        channels.append(AlertChannel.WEBHOOK.value)
    return channels


def needs_alert(report: InformationReport) -> bool:
    """An urgent report ("I know where they are now") on a published appeal alerts the desk at once."""
    return bool(report.urgent and report.appeal is not None and report.appeal.is_public)


def alerts_for_report(sender: Any, report: InformationReport, **kwargs: Any) -> list[Alert]:
    """Called inside report_submit's transaction: create the alerts and queue them in it (lookout.task_queue)."""
    if not needs_alert(report):
        return []
    from .tasks import send_alert

    alerts = []
    for channel in configured_channels():
        alert, _ = Alert.objects.get_or_create(
            report=report,
            channel=channel,
            defaults={"key": f"report-{report.pk}-{channel}", "created_at": timezone.now()},
        )
        alerts.append(alert)
        enqueue_with_transaction(send_alert, alert.pk)
    return alerts


def alert_payload(alert: Alert) -> dict[str, Any]:
    report = alert.report
    path = reverse("intelligence_staff:report", args=[report.pk])
    return {
        "alert": alert.key,
        "report": report.pk,
        "appeal": report.appeal.reference if report.appeal else "",
        "urgent": True,
        "received_at": report.received_at.isoformat(),
        "url": f"{settings.LOOKOUT_STAFF_BASE_URL}{path}",
    }


def _send_email(alert: Alert) -> None:
    payload = alert_payload(alert)
    message = EmailMessage(
        subject=f"URGENT: whereabouts reported on appeal {payload['appeal']} (report {payload['report']})",
        body=(
            f"Someone says they know where the subject of appeal {payload['appeal']} is right now.\n"
            f"Received {timezone.localtime(alert.report.received_at):%-d %B %Y %H:%M}.\n\n"
            f"Open the report on the desk: {payload['url']}\n"
        ),
        to=list(settings.LOOKOUT_DESK_ALERT_EMAILS),
        # The same Message-ID on a repeated delivery lets mail systems treat it as the same message.
        headers={"Message-ID": f"<{alert.key}@lookout.alerts>", ALERT_KEY_HEADER: alert.key},
    )
    try:
        message.send(fail_silently=False)
    except OSError as exc:
        raise AlertDeliveryError(f"mail: {exc.__class__.__name__}") from exc


def _send_webhook(alert: Alert) -> None:
    url: str = settings.LOOKOUT_DESK_WEBHOOK_URL
    body = json.dumps(alert_payload(alert), sort_keys=True).encode()
    path = urlsplit(url).path or "/"
    headers = signing.sign(
        key=settings.LOOKOUT_DESK_WEBHOOK_KEY.encode(), key_id="desk", method="POST", path=path, body=body
    )
    headers |= {"Content-Type": "application/json", ALERT_KEY_HEADER: alert.key}
    request = urllib.request.Request(url, data=body, headers=headers, method="POST")  # noqa: S310 - from settings
    try:
        with urllib.request.urlopen(request, timeout=settings.LOOKOUT_DESK_WEBHOOK_TIMEOUT) as response:  # noqa: S310
            if response.status >= 300:
                raise AlertDeliveryError(f"webhook: HTTP {response.status}")
    except (urllib.error.URLError, OSError) as exc:
        raise AlertDeliveryError(f"webhook: {exc.__class__.__name__}") from exc


SENDERS = {AlertChannel.EMAIL: _send_email, AlertChannel.WEBHOOK: _send_webhook}


def _mark_sent(alert: Alert, now: datetime) -> None:
    alert.sent_at = now
    alert.attempts += 1
    alert.last_attempt_at = now
    alert.last_error = ""
    alert.save(update_fields=["sent_at", "attempts", "last_attempt_at", "last_error"])


def alert_deliver(*, alert_id: int) -> bool:
    """Send one alert unless it has been sent. True when it is (now or before) sent."""
    now = timezone.now()
    try:
        with transaction.atomic():
            alert = (
                Alert.objects.select_for_update(of=("self",))
                .select_related("report__appeal")
                .filter(pk=alert_id)
                .first()
            )
            if alert is None or alert.sent_at is not None:
                return True
            SENDERS[AlertChannel(alert.channel)](alert)
            _mark_sent(alert, now)
    except AlertDeliveryError as exc:
        Alert.objects.filter(pk=alert_id).update(
            attempts=F("attempts") + 1, last_attempt_at=now, last_error=str(exc)[:200]
        )
        logger.warning("Desk alert %s not delivered: %s", alert_id, exc)
        return False
    return True


def alerts_redeliver(*, now: datetime | None = None, older_than: timedelta = timedelta(minutes=1)) -> list[int]:
    """Queue again every alert still unsent a while after it was created (its worker died, or its retries
    were lost). Safe to run at any time: a sent alert is never sent twice."""
    from .tasks import send_alert

    now = now or timezone.now()
    due = list(
        Alert.objects.filter(sent_at__isnull=True, created_at__lte=now - older_than).values_list("pk", flat=True)
    )
    for alert_id in due:
        send_alert.enqueue(alert_id)
    return due
