"""Events to subscribers: signed with HTTP Message Signatures (RFC 9421) and a Content-Digest (RFC 9530) that
the library's own verifier accepts with our public key alone and refuses once the body is changed; retried with
backoff while the subscriber is down; delivered once (the Idempotency-Key is the message id)."""

import json
from datetime import timedelta

import pytest
from cryptography.hazmat.primitives import serialization
from django.db import transaction
from django.utils import timezone
from http_message_signatures import HTTPMessageVerifier, InvalidSignature, MappingKeyResolver, algorithms

from appeals import services as appeal_services
from appeals.models import Outcome
from appeals.tests.factories import draft, published
from distribution.models import Subscriber, SubscriberDelivery, SubscriberKind
from partner import http_signatures
from partner.models import OutboxMessage
from partner.services import outbox_deliver_due

pytestmark = pytest.mark.django_db


def _verifier(key_id: str) -> HTTPMessageVerifier:
    public = serialization.load_pem_public_key(http_signatures.public_key_pem(key_id).encode())
    return HTTPMessageVerifier(
        signature_algorithm=algorithms.ED25519,
        key_resolver=MappingKeyResolver(public_keys={key_id: public}, private_keys={}),
    )


def _signed(key_id: str, body: bytes) -> http_signatures.OutgoingRequest:
    url = "https://force.example/lookout/events"
    headers = http_signatures.sign(url=url, body=body, key_id=key_id, idempotency_key="published:W-AAAA:s1")
    request = http_signatures.OutgoingRequest(method="POST", url=url)
    for name, value in headers.items():
        request.headers[name] = value
    return request


def test_the_library_verifies_a_signed_event_with_the_public_key_alone(signing_key):
    body = b'{"event": "withdrawn", "reference": "W-AAAA"}'
    request = _signed(signing_key, body)
    results = _verifier(signing_key).verify(
        request, body=body, expect_tag=http_signatures.TAG, require_components=http_signatures.COVERED
    )
    assert results[0].body == body and results[0].parameters["alg"] == "ed25519"
    assert request.headers["Content-Digest"].startswith("sha-256=:")


@pytest.mark.parametrize("change", ["body", "idempotency-key", "url"])
def test_the_library_refuses_a_tampered_event(signing_key, change):
    body = b'{"event": "withdrawn", "reference": "W-AAAA"}'
    request = _signed(signing_key, body)
    if change == "body":
        body = b'{"event": "withdrawn", "reference": "W-BBBB"}'
    elif change == "idempotency-key":
        request.headers["Idempotency-Key"] = "another"
    else:
        request.url = "https://elsewhere.example/lookout/events"
    with pytest.raises(InvalidSignature):
        _verifier(signing_key).verify(request, body=body, expect_tag=http_signatures.TAG)


def test_a_delivered_message_verifies_and_a_tampered_one_is_refused_by_the_subscriber(force_server, signing_key):
    """The real subscriber server verifies with the library: our delivery is acknowledged; a copy of it with a
    changed body, sent with the same headers, is refused."""
    import urllib.error
    import urllib.request

    body = json.dumps({"message_id": "m-1", "event": "published", "reference": "W-AAAA"}).encode()
    headers = http_signatures.sign(url=force_server.url, body=body, key_id=signing_key, idempotency_key="m-1")
    ok = urllib.request.Request(force_server.url, data=body, headers=headers, method="POST")  # noqa: S310
    with urllib.request.urlopen(ok, timeout=5) as response:  # noqa: S310 - loopback
        assert response.status == 200
    tampered = urllib.request.Request(  # noqa: S310
        force_server.url, data=body.replace(b"W-AAAA", b"W-BBBB"), headers=headers, method="POST"
    )
    with pytest.raises(urllib.error.HTTPError) as refused:
        urllib.request.urlopen(tampered, timeout=5)  # noqa: S310
    assert refused.value.code == 401
    assert force_server.refused == 1 and [m["reference"] for m in force_server.received] == ["W-AAAA"]


def _force(url: str, key_id: str, **kw) -> Subscriber:
    return Subscriber.objects.create(
        name=kw.get("name", "Westshire Police"), kind=SubscriberKind.FORCE, endpoint_url=url, key_id=key_id
    )


def test_published_and_withdrawn_reach_every_active_subscriber_once(
    force_server, signing_key, django_capture_on_commit_callbacks
):
    _force(force_server.url, signing_key)
    Subscriber.objects.create(
        name="Inactive site",
        kind=SubscriberKind.PARTNER_SITE,
        endpoint_url=force_server.url,
        key_id=signing_key,
        active=False,
    )
    with django_capture_on_commit_callbacks(execute=True):
        appeal = published()
    with django_capture_on_commit_callbacks(execute=True):
        appeal_services.appeal_close(appeal=appeal, actor=appeal.author, outcome=Outcome.ARRESTED)
    assert [(m["event"], m["reference"]) for m in force_server.received] == [
        ("published", appeal.reference),
        ("withdrawn", appeal.reference),
    ]
    # Retried deliveries of acknowledged messages send nothing again.
    # (The charity's own withdrawal stays pending: no charity listens in this test.)
    assert outbox_deliver_due(now=timezone.now() + timedelta(hours=3))[0] == 0
    assert not OutboxMessage.objects.filter(kind__startswith="distribution.", acknowledged_at__isnull=True).exists()
    assert len(force_server.received) == 2
    assert set(SubscriberDelivery.objects.values_list("event", flat=True)) == {"published", "withdrawn"}


def test_while_a_subscriber_is_down_the_withdrawal_is_retried_with_backoff_then_delivered_once(
    force_server, signing_key, django_capture_on_commit_callbacks, settings
):
    url = force_server.url
    force_server.stop()  # nothing listens: refused
    _force(url, signing_key)
    appeal = published()
    with django_capture_on_commit_callbacks(execute=True):
        appeal_services.appeal_close(appeal=appeal, actor=appeal.author, outcome=Outcome.ARRESTED)
    message = OutboxMessage.objects.get(kind="distribution.withdrawn")
    assert message.acknowledged_at is None and message.attempts >= 1 and message.next_attempt_at > timezone.now()
    assert message.endpoint == url and message.signing_key_id == signing_key

    from .subscriber import Subscriber as SubscriberServer

    server = SubscriberServer(key_id=signing_key, public_key_pem=http_signatures.public_key_pem(signing_key))
    try:
        OutboxMessage.objects.filter(pk=message.pk).update(endpoint=server.url)
        later = timezone.now() + timedelta(hours=2)
        delivered, _pending = outbox_deliver_due(now=later)
        assert delivered >= 1
        assert outbox_deliver_due(now=later + timedelta(hours=2))[0] == 0
        withdrawn = [m for m in server.received if m["event"] == "withdrawn"]
        assert [m["reference"] for m in withdrawn] == [appeal.reference]
    finally:
        server.stop()


def test_a_draft_closed_tells_no_subscriber(signing_key):
    _force("https://force.example/events", signing_key)
    appeal = draft()
    appeal_services.appeal_close(appeal=appeal, actor=appeal.author, outcome=Outcome.WITHDRAWN)
    assert not OutboxMessage.objects.filter(kind__startswith="distribution.").exists()
    assert not SubscriberDelivery.objects.exists()


def test_the_event_and_the_close_share_one_transaction(signing_key):
    _force("https://force.example/events", signing_key)
    appeal = published()
    before = OutboxMessage.objects.count()
    with pytest.raises(RuntimeError), transaction.atomic():
        appeal_services.appeal_close(appeal=appeal, actor=appeal.author, outcome=Outcome.ARRESTED)
        raise RuntimeError("the close fails")
    assert OutboxMessage.objects.count() == before
    assert not SubscriberDelivery.objects.filter(event="withdrawn").exists()
