"""Issue 13, item 8, end to end on loopback: an appeal (a high-risk missing person, so it has a CAP alert too) is
published, reaches a neighbouring force's subscriber (a real HTTP server that verifies our RFC 9421 signature with
the library), then is closed. The withdrawal reaches the charity's partner endpoint (the loopback partner that
checks the shared-key signature) and the force; the takedown check fetches every one of our own surfaces through
LOOKOUT_PUBLIC_BASE_URL (pytest-django's live server) and the ledger records when each confirmed."""

import json
import urllib.request
import uuid

import pytest
from django.test import Client

from appeals import services as appeal_services
from appeals.models import AppealKind, Outcome
from appeals.tests.factories import published
from distribution import surfaces
from distribution.models import Subscriber, SubscriberDelivery, SubscriberKind, SurfaceCheck
from partner.models import OutboxMessage
from partner.tests.test_outbox import peer  # noqa: F401 - the loopback partner (the charity's endpoint)

pytestmark = pytest.mark.django_db(transaction=True)


def fetch(url: str) -> tuple[int, bytes]:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:  # noqa: S310 - loopback
            return response.status, response.read()
    except urllib.error.HTTPError as exc:
        return exc.code, b""


def test_closing_takes_the_appeal_off_every_surface_the_charity_and_a_force_with_times(
    live_server,
    settings,
    peer,  # noqa: F811
    force_server,
    signing_key,
):
    settings.LOOKOUT_PUBLIC_BASE_URL = live_server.url
    peer.start()
    Subscriber.objects.get_or_create(name="Independent charity service", kind=SubscriberKind.INDEPENDENT)
    force = Subscriber.objects.create(
        name="Westshire Police", kind=SubscriberKind.FORCE, endpoint_url=force_server.url, key_id=signing_key
    )

    appeal = published(AppealKind.MISSING)  # graded high risk by the factory
    reference = appeal.reference
    # Published: the force got a verified "published" event, delivered once.
    assert [(m["event"], m["reference"]) for m in force_server.received] == [("published", reference)]
    assert force_server.refused == 0
    assert appeal.subject_name not in json.dumps(force_server.received)  # references and addresses only
    # And the appeal is on our surfaces, as the public sees them.
    assert fetch(f"{live_server.url}/appeals/{reference}/")[0] == 200
    assert reference.encode() in fetch(f"{live_server.url}/appeals/feed.json")[1]
    assert b"<msgType>Alert</msgType>" in fetch(f"{live_server.url}/cap/{reference}.xml")[1]

    # Closing: after commit the withdrawals go out at once, and the takedown check runs (the immediate task
    # backend of the test settings runs it straight after the commit).
    appeal = appeal_services.appeal_close(appeal=appeal, actor=appeal.author, outcome=Outcome.LOCATED)

    assert [m["reference"] for m in peer.received] == [reference]  # the charity's partner endpoint
    assert [(m["event"], m["reference"]) for m in force_server.received][-1] == ("withdrawn", reference)
    assert force_server.refused == 0

    checks = list(SurfaceCheck.objects.filter(appeal=appeal))
    deployed = {c.surface for c in checks if c.deployed}
    expected = {
        s.key for s in surfaces.SURFACES if surfaces.paths_for(s, reference=reference, image_ids=[str(uuid.uuid4())])
    }
    assert deployed == expected
    assert {"page", "images", "feed_atom", "feed_json", "api_list", "api_detail", "cap"} <= deployed
    unconfirmed = [(c.surface, c.path, c.last_status) for c in checks if c.deployed and c.confirmed_at is None]
    assert unconfirmed == []
    assert all(c.confirmed_at >= appeal.closed_at for c in checks if c.deployed)
    assert len([c for c in checks if c.surface == "images"]) == 2  # one released image, two sizes
    for c in checks:
        if c.surface in {"page"}:
            assert c.last_status == 410
    # Our own view agrees with what the check recorded.
    assert fetch(f"{live_server.url}/appeals/{reference}/")[0] == 410
    assert reference.encode() not in fetch(f"{live_server.url}/api/v1/public/appeals")[1]
    assert b"<msgType>Cancel</msgType>" in fetch(f"{live_server.url}/cap/{reference}.xml")[1]

    deliveries = {d.subscriber.name: d for d in SubscriberDelivery.objects.filter(appeal=appeal, event="withdrawn")}
    assert set(deliveries) == {"Independent charity service", "Westshire Police"}
    for delivery in deliveries.values():
        outbox = OutboxMessage.objects.get(message_id=delivery.message_id)
        assert delivery.confirmed_at == outbox.acknowledged_at is not None

    # The staff appeal page shows the takedown report with every confirmation and its time.
    officer = Client()
    officer.force_login(appeal.author)
    page = officer.get(f"/staff/appeals/{reference}/").content.decode()
    assert "Takedown report" in page and "Every copy confirmed gone" in page
    assert page.count("<time datetime=") == len([c for c in checks if c.deployed]) + 2
    assert "Not deployed" in page or deployed == {s.key for s in surfaces.SURFACES}
    assert "Westshire Police" in page and "Independent charity service" in page
    force.refresh_from_db()
    assert force.active
