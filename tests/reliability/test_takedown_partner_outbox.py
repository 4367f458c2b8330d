"""Takedown reaches the independent service (issue 9, item 1; ADR 0030), police side: every path that ends a
publication puts one signed "withdrawn" message in the partner outbox in the same transaction, tries it at
once after commit against a real loopback peer that checks signatures, and retries it until acknowledged
when the peer is down. The message names the appeal by reference only."""

from datetime import timedelta

import pytest
from django.db import transaction
from django.utils import timezone

from appeals import services
from appeals.models import AppealKind, Outcome
from appeals.tests.factories import draft, published
from partner import paths
from partner.models import OutboxMessage
from partner.services import outbox_deliver_due
from partner.tests.test_outbox import peer  # noqa: F401 - the loopback partner fixture

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("outcome", [Outcome.ARRESTED, Outcome.WITHDRAWN, Outcome.LOCATED])
def test_closing_sends_withdrawn_to_the_partner_at_once(peer, outcome, django_capture_on_commit_callbacks):  # noqa: F811
    peer.start()
    appeal = published()
    with django_capture_on_commit_callbacks(execute=True):
        services.appeal_close(appeal=appeal, actor=appeal.author, outcome=outcome)
    message = OutboxMessage.objects.get(kind="withdrawn")
    assert message.path == paths.INDEPENDENT_WITHDRAWN
    assert message.payload == {"message_id": f"withdrawn:{appeal.reference}", "reference": appeal.reference}
    assert message.acknowledged_at is not None and message.attempts == 1  # sent after commit, first try
    assert peer.received == [message.payload]
    assert appeal.subject_name not in str(peer.received)  # nothing about the person


def test_expiry_by_the_review_sweep_sends_withdrawn_too(peer, django_capture_on_commit_callbacks):  # noqa: F811
    peer.start()
    appeal = published(AppealKind.MISSING)
    assert appeal.review_due_at is not None
    with django_capture_on_commit_callbacks(execute=True):
        _flagged, expired = services.appeals_review_sweep(now=appeal.review_due_at + timedelta(days=30))
    assert [a.pk for a in expired] == [appeal.pk]
    assert [m["reference"] for m in peer.received] == [appeal.reference]


def test_a_closed_draft_tells_nobody():
    appeal = draft()
    services.appeal_close(appeal=appeal, actor=appeal.author, outcome=Outcome.WITHDRAWN)
    assert not OutboxMessage.objects.filter(kind="withdrawn").exists()


def test_the_message_is_in_the_same_transaction_as_the_close():
    appeal = published()
    with pytest.raises(RuntimeError), transaction.atomic():
        services.appeal_close(appeal=appeal, actor=appeal.author, outcome=Outcome.ARRESTED)
        assert OutboxMessage.objects.filter(kind="withdrawn").count() == 1
        raise RuntimeError("the close fails after the message was queued")
    assert not OutboxMessage.objects.exists()  # rolled back together


def test_while_the_partner_is_down_closing_still_works_and_the_outbox_retries(
    peer,  # noqa: F811
    django_capture_on_commit_callbacks,
):
    peer.server.server_close()  # bound, not serving: refused
    appeal = published()
    with django_capture_on_commit_callbacks(execute=True):
        services.appeal_close(appeal=appeal, actor=appeal.author, outcome=Outcome.ARRESTED)
    message = OutboxMessage.objects.get(kind="withdrawn")
    assert message.acknowledged_at is None and message.attempts >= 1 and message.last_error
    peer.start(port=peer.port)
    assert outbox_deliver_due(now=timezone.now() + timedelta(hours=2)) == (1, 0)
    assert outbox_deliver_due(now=timezone.now() + timedelta(hours=4)) == (0, 0)
    assert [m["reference"] for m in peer.received] == [appeal.reference]  # exactly once
