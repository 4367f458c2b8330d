"""Urgent alerts reach the on-duty desk once: through the real database worker, to a real HTTP receiver on
loopback that checks the signature, even when the worker dies between sending and marking the alert sent."""

import json
from datetime import timedelta
from unittest import mock

import pytest
from django.core.management import call_command
from django.utils import timezone

from appeals.tests.factories import published
from intelligence import alerts
from intelligence.models import Alert
from partner.testing import QuietHandler, serve_loopback, verified_body
from reporting.tests.factories import submit

pytestmark = pytest.mark.django_db(transaction=True)
KEY = "desk-webhook-test-key-0123456789abcdef"


class DeskReceiver:
    """The desk's alert receiver: checks the signature, keeps every request, and shows each alert key once."""

    def __init__(self) -> None:
        self.requests: list[dict] = []
        self.alerts: dict[str, dict] = {}
        receiver = self

        class Handler(QuietHandler):
            def do_POST(self) -> None:  # noqa: N802
                body = verified_body(self, {"desk": KEY.encode()})
                if body is None:
                    return
                payload = json.loads(body)
                receiver.requests.append(payload)
                receiver.alerts.setdefault(self.headers[alerts.ALERT_KEY_HEADER], payload)
                self.send_response(204)
                self.end_headers()

        self.server = serve_loopback(Handler)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}/desk/alerts"

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def desk(settings):
    receiver = DeskReceiver()
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    settings.LOOKOUT_DESK_ALERT_EMAILS = ["on-duty@example.org"]
    settings.LOOKOUT_DESK_WEBHOOK_URL = receiver.url
    settings.LOOKOUT_DESK_WEBHOOK_KEY = KEY
    yield receiver
    receiver.stop()


def run_worker() -> None:
    call_command("db_worker", "--batch", "--no-startup-delay")


def test_urgent_report_alerts_the_desk_once_through_the_worker(desk, mailoutbox):
    appeal = published(subject_name="Private Name")
    report = submit(appeal, urgent=True, contact={"name": "Alex Witness"}).report
    assert Alert.objects.filter(report=report).count() == 2 and not mailoutbox and not desk.requests
    run_worker()
    run_worker()  # the worker restarts: nothing is sent again
    assert len(mailoutbox) == 1 and len(desk.requests) == 1
    payload = desk.requests[0]
    assert payload["appeal"] == appeal.reference and payload["report"] == report.pk
    text = json.dumps(payload) + mailoutbox[0].subject + mailoutbox[0].body
    assert "Private Name" not in text and "Alex" not in text and report.details not in text
    assert all(a.sent_at is not None and a.attempts == 1 for a in Alert.objects.all())


def test_a_task_queued_twice_still_sends_once(desk, mailoutbox):
    from intelligence.tasks import send_alert

    report = submit(published(), urgent=True).report
    for alert in Alert.objects.filter(report=report):
        send_alert.enqueue(alert.pk)  # a duplicate task for each alert
    run_worker()
    assert len(mailoutbox) == 1 and len(desk.requests) == 1


def test_worker_dying_between_send_and_mark_still_gives_the_desk_one_alert(desk, mailoutbox):
    report = submit(published(), urgent=True).report
    with mock.patch("intelligence.alerts._mark_sent", side_effect=SystemExit("worker killed")):
        run_worker()
    # Both channels delivered, but the worker died before recording it: nothing is marked sent.
    assert Alert.objects.filter(report=report, sent_at__isnull=True).count() == 2
    run_worker()  # restarted: the dead tasks are not picked up again
    later = timezone.now() + timedelta(minutes=5)
    assert len(alerts.alerts_redeliver(now=later)) == 2
    run_worker()
    run_worker()
    assert alerts.alerts_redeliver(now=later) == []
    # The repeat carried the same key: the desk's receiver shows one alert, and mail has one Message-ID.
    assert len(desk.requests) == 2 and len(desk.alerts) == 1
    assert len({m.extra_headers["Message-ID"] for m in mailoutbox}) == 1
    assert all(a.sent_at is not None for a in Alert.objects.all())


def test_no_alert_for_a_report_that_is_not_urgent_or_has_no_published_appeal(desk, mailoutbox):
    submit(published())
    submit(None, urgent=True)
    run_worker()
    assert Alert.objects.count() == 0 and not mailoutbox and not desk.requests


def test_a_refused_webhook_is_retried(desk, settings, mailoutbox):
    settings.LOOKOUT_DESK_WEBHOOK_KEY = "wrong-key-wrong-key-wrong-key-wrong"
    report = submit(published(), urgent=True).report
    run_worker()
    webhook = Alert.objects.get(report=report, channel="webhook")
    assert webhook.sent_at is None and webhook.attempts == 1 and webhook.last_error.startswith("webhook")
    settings.LOOKOUT_DESK_WEBHOOK_KEY = KEY
    assert alerts.alert_deliver(alert_id=webhook.pk)
    assert len(desk.alerts) == 1
