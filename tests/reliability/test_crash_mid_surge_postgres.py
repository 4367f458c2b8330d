"""A crash in the middle of a surge loses nothing (issue 12, item 5). Real processes on PostgreSQL: gunicorn
(2 workers x 4 threads) and the task worker; a burst of report posts from threads, half of them urgent (each
alerts the desk's webhook); two other appeals closed meanwhile (each tells the partner). In the middle, the app
server (master and workers) and the worker are killed with SIGKILL, then started again; the people sending
reports press Send again with the same form, as a browser user would, until their receipt is shown. Then:
every receipt shown is stored, none twice; every alert and partner message queued reaches the receiving
server (counted by its idempotency key), after the recovery a scheduler runs (`tasks_requeue_lost`,
`desk_alerts`). The scale-out version (two app processes, two workers) is test_scale_out_postgres.py."""

import os
import threading
import time
from pathlib import Path

import pytest

from independent.tests.e2e import wait_for

from .crash import App, Receiver, Worker, appeals, close_appeal, count, crash_env, recover_until_delivered
from .reporters import Tally, burst
from .servers import manage, own_database

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.skipif(
        not os.environ.get("DATABASE_URL", "").startswith("postgres"), reason="real processes on PostgreSQL only"
    ),
]
REPORTS = 300
PEOPLE = 16


def urgent_half(index: int) -> dict[str, str]:
    return {"urgent": "True"} if index % 2 else {}


def test_sigkill_of_app_and_worker_mid_burst_loses_and_doubles_nothing(tmp_path: Path):
    receiver = Receiver()
    with own_database(tmp_path, "crash") as database:
        env = crash_env(database, tmp_path, receiver)
        manage(env, "migrate", "--noinput")
        target, *to_close = appeals(env)
        app, worker = App(env, tmp_path / "app.log"), Worker(env, tmp_path / "worker.log")
        app.start()
        worker.start()
        tally = Tally()
        sending = threading.Thread(
            target=burst,
            args=([app.port], f"/appeals/{target}/report/form/"),
            kwargs={"clients": PEOPLE, "reports": REPORTS, "extra": urgent_half, "tally": tally},
        )
        try:
            sending.start()
            closing = threading.Thread(target=lambda: [close_appeal(env, reference) for reference in to_close])
            closing.start()
            wait_for(lambda: len(tally.receipts) >= REPORTS // 3, timeout=120, what="a third of the burst")
            app.kill()
            worker.kill()
            killed_at = len(tally.receipts)
            time.sleep(1)
            app.start()  # the same port: the people's browsers try the same address again
            worker.start()
            sending.join(timeout=300)
            closing.join(timeout=120)
            assert not sending.is_alive() and not closing.is_alive()
            state = recover_until_delivered(env, receiver, tmp_path)
        finally:
            app.stop()
            worker.stop()
            receiver.close()
        counted = count(env, tally.receipts, tmp_path)

    assert killed_at < REPORTS and tally.retries > 0, "the kill came after the burst: it proved nothing"
    assert len(tally.receipts) == REPORTS  # every person was shown a receipt in the end
    assert counted["distinct_shown"] == REPORTS and counted["lost"] == 0 and counted["stored_twice"] == 0
    assert counted["reports"] == REPORTS  # a retried post found its first report; no second one
    assert len(state["alerts"]) == counted["urgent"] > 0
    assert len(state["messages"]) == len(to_close)
    # Each one reached the receiver, which keeps one per key (a repeat after a worker died between sending and
    # marking it sent carries the same key, ADR 0020): exactly the alerts and messages queued, no other.
    assert sorted(receiver.deliveries) == sorted(state["alerts"] + state["messages"])
