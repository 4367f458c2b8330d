"""A crash in the middle of a surge loses nothing (issue 12, item 5). Real processes on PostgreSQL: gunicorn
(2 workers x 4 threads) and the task worker; a burst of report posts from threads, half the people urgent (each
report alerts the desk's webhook); two other appeals closed meanwhile (each tells the partner). A third of the
way in, the app server (master and workers) and the worker are killed with SIGKILL and started again; the
people press Send again with the same form, as a browser user would, until their receipt is shown. Then every
receipt shown is stored, none twice, and every alert and partner message queued reaches the receiving server
(counted by its idempotency key) after the recovery a scheduler runs (`tasks_requeue_lost`, `desk_alerts`).
The scale-out version (two app processes, two workers, Redis) is test_scale_out_postgres.py."""

import os
from pathlib import Path

import pytest

from .crash import assert_nothing_lost_or_doubled, crash_mid_burst

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.skipif(
        not os.environ.get("DATABASE_URL", "").startswith("postgres"), reason="real processes on PostgreSQL only"
    ),
]
REPORTS = 300


def test_sigkill_of_app_and_worker_mid_burst_loses_and_doubles_nothing(tmp_path: Path):
    seen = crash_mid_burst(tmp_path, apps=1, workers=1, reports=REPORTS, people=16)
    assert_nothing_lost_or_doubled(seen, REPORTS)
