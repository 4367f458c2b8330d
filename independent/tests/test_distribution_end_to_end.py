"""Issue 13, item 8, with both services running for real (run_both: gunicorn, db_worker, own databases) and a
neighbouring force's subscriber (a real HTTP server in this test that verifies our RFC 9421 signatures with the
http-message-signatures library and our public key alone). An officer closes an appeal; the ledger in the police
database then shows every one of our own surfaces confirmed gone (fetched through LOOKOUT_PUBLIC_BASE_URL by the
police worker), the charity's acknowledgement of its withdrawal (its real partner endpoint) and the force's, each
with its time; the staff appeal page shows the takedown report. Times are printed (`-s`)."""

import time

import pytest

from partner.http_signatures import new_private_key_pem
from partner.testing import SignedEventSubscriber

from .e2e import Browser, run_both, wait_for
from .test_end_to_end import count, wanted_reference
from .test_takedown_end_to_end import close_and_time

pytestmark = pytest.mark.e2e
KEY_ID = "e2e-d1"


def _public_key(pem: str) -> str:
    from cryptography.hazmat.primitives import serialization

    key = serialization.load_pem_private_key(pem.encode(), password=None)
    return (
        key.public_key()
        .public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)
        .decode()
    )


def test_closing_an_appeal_is_confirmed_by_every_surface_the_charity_and_a_force(tmp_path):
    pem = new_private_key_pem()
    force = SignedEventSubscriber(key_id=KEY_ID, public_key_pem=_public_key(pem))
    env = {"LOOKOUT_DISTRIBUTION_SIGNING_KEY": pem, "LOOKOUT_DISTRIBUTION_KEY_ID": KEY_ID}
    try:
        with run_both(tmp_path, env=env) as (police, independent, police_db, indep_db, _tmp):
            police.manage(
                "distribution_subscriber_add",
                "--name", "Westshire Police", "--kind", "force", "--endpoint", force.url, "--key-id", KEY_ID,
            )  # fmt: skip
            reference = wanted_reference(police)
            public = Browser(device_headers=True)
            answered, gone = close_and_time(police, independent, reference, public)
            started = time.monotonic()
            appeal_id = police_db.rows("SELECT id FROM appeals_appeal WHERE reference = ?", (reference,))[0][0]
            waiting = (
                "SELECT COUNT(*) FROM distribution_surfacecheck WHERE appeal_id = ? AND deployed = ? "
                "AND confirmed_at IS NULL"
            )
            unconfirmed = (
                "SELECT COUNT(*) FROM distribution_subscriberdelivery WHERE appeal_id = ? AND confirmed_at IS NULL"
            )
            wait_for(
                lambda: (
                    count(police_db, waiting, appeal_id, True) == 0 and count(police_db, unconfirmed, appeal_id) == 0
                ),
                timeout=120,
                what="every surface and subscriber confirmed",
            )
            confirmed_in = time.monotonic() - started
            checks = police_db.rows(
                "SELECT surface, path, deployed, confirmed_at FROM distribution_surfacecheck WHERE appeal_id = ?",
                (appeal_id,),
            )
            deliveries = police_db.rows(
                "SELECT s.name, d.event, d.confirmed_at FROM distribution_subscriberdelivery d "
                "JOIN distribution_subscriber s ON s.id = d.subscriber_id WHERE d.appeal_id = ?",
                (appeal_id,),
            )
            closed_at = police_db.rows("SELECT closed_at FROM appeals_appeal WHERE id = ?", (appeal_id,))[0][0]
            print(f"\nClose answered in {answered * 1000:.0f} ms; charity pages gone after {gone * 1000:.0f} ms")
            print(f"Ledger fully confirmed {confirmed_in * 1000:.0f} ms after the close answered (closed {closed_at})")
            for surface, path, deployed, at in checks:
                print(f"  {surface:<11} {path or '-':<60} {at if deployed else 'not deployed'}")
            for name, event, at in deliveries:
                print(f"  {name:<28} {event:<10} {at}")

            assert {s for s, _p, d, _a in checks if d} >= {
                "page",
                "images",
                "feed_atom",
                "feed_json",
                "api_list",
                "api_detail",
            }
            assert {(n, e) for n, e, _a in deliveries} == {
                ("Independent charity service", "withdrawn"),
                ("Westshire Police", "withdrawn"),
            }
            assert all(a is not None for _n, _e, a in deliveries)
            # The charity acted on it (its real endpoint), and the force verified and acknowledged it once.
            assert (
                count(indep_db, "SELECT COUNT(*) FROM independent_withdrawnappeal WHERE reference = ?", reference) == 1
            )
            assert [(m["event"], m["reference"]) for m in force.received] == [("withdrawn", reference)]
            assert force.refused == 0

            officer = Browser()
            officer.sign_in(police.url + "/staff/login/", "ian.inspector", "lookout-demo-2026")
            page = officer.get(f"{police.url}/staff/appeals/{reference}/")
            assert "Takedown report" in page and "Every copy confirmed gone" in page
            assert page.count("<time datetime=") >= len([c for c in checks if c[2]]) + 2
    finally:
        force.stop()
