"""Two app processes and two workers on one PostgreSQL and one Redis behave as one service (issue 12, item 6):
nothing a reporter relies on is kept per process. Real gunicorn masters on two ports.

- a form posted to one process and posted again (the same token) to the other is one report, and the second
  post is shown the first one's receipt: idempotency is the database's unique token;
- wrong receipt codes counted by both processes together reach the guessing limit (reportkit.throttle keeps its
  counts in the shared cache): the next look-up is refused by either;
- closing an appeal (from a third process) takes its form off both at once: the page shells and the appeal
  come from the shared cache, whose version the close bumps;
- the crash scenario of test_crash_mid_surge_postgres.py, with the driver alternating between the two and one
  app and one worker killed mid-burst: nothing lost, nothing stored twice, every alert and message delivered.
Staff sessions are rows in the same database (django.contrib.sessions' database backend), shared by design.

PostgreSQL and REDIS_URL only (as CI sets both); each test flushes nothing it does not own: its keys are under
fresh cache versions and random receipt prefixes.
"""

import os
import secrets
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pytest

from .crash import App, Receiver, appeals, assert_nothing_lost_or_doubled, close_appeal, crash_env, crash_mid_burst
from .reporters import ANSWERS, Reporter
from .servers import manage, own_database

REDIS_URL = os.environ.get("REDIS_URL", "")
pytestmark = [
    pytest.mark.e2e,
    pytest.mark.skipif(
        not os.environ.get("DATABASE_URL", "").startswith("postgres") or not REDIS_URL,
        reason="real processes on PostgreSQL and Redis only",
    ),
]
ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"  # reportkit.receipts.ALPHABET
LIMIT = 4


def _post(port: int, path: str, fields: dict[str, str]) -> tuple[int, str]:
    body = urllib.parse.urlencode(fields).encode()
    request = urllib.request.Request(  # noqa: S310 - loopback
        f"http://127.0.0.1:{port}{path}", data=body, headers={"Sec-Fetch-Site": "same-origin"}, method="POST"
    )
    try:
        with urllib.request.urlopen(request, timeout=30) as response:  # noqa: S310
            return response.status, response.read().decode()
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read().decode()


def _status(port: int, path: str) -> int:
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}{path}", timeout=30) as response:  # noqa: S310
            return response.status
    except urllib.error.HTTPError as exc:
        return exc.code


def test_two_app_processes_share_idempotency_throttle_and_takedown(tmp_path: Path):
    receiver = Receiver()
    with own_database(tmp_path, "scale") as database:
        env = crash_env(
            database, tmp_path, receiver, REDIS_URL=REDIS_URL, LOOKOUT_FOLLOW_UP_FAILURES_PER_MINUTE=str(LIMIT)
        )
        manage(env, "migrate", "--noinput")
        target, closing, _ = appeals(env)
        first, second = App(env, tmp_path / "a.log"), App(env, tmp_path / "b.log")
        try:
            first.start()
            second.start()
            path = f"/appeals/{target}/report/form/"

            # One form, sent to A and then again to B: one report, the same receipt.
            person = Reporter([first.port], path)
            token = person.form_token()
            shown_by_a = person.send(token)
            person.close()
            again = Reporter([second.port], path)
            assert again.send(token) == shown_by_a
            again.close()
            assert database.rows("SELECT count(*) FROM reporting_informationreport") == [(1,)]

            # Wrong codes in one bucket (the same first characters), alternately to A and B, reach the limit.
            prefix = "".join(secrets.choice(ALPHABET) for _ in range(4))
            wrong = [prefix + "".join(secrets.choice(ALPHABET) for _ in range(24)) for _ in range(LIMIT + 2)]
            answers = [
                _post((first, second)[i % 2].port, "/follow-up/", {"receipt": c})[0] for i, c in enumerate(wrong)
            ]
            assert answers[:LIMIT] == [200] * LIMIT  # told "not found", counted in the shared cache
            assert answers[LIMIT:] == [429, 429]  # refused by both: A's and B's failures counted together

            # Both have the appeal's form in their shells; a close from a third process takes it off both.
            closing_path = f"/appeals/{closing}/report/form/"
            assert _status(first.port, closing_path) == _status(second.port, closing_path) == 200
            close_appeal(env, closing)
            assert _status(first.port, closing_path) == _status(second.port, closing_path) == 410
            fields = {"token": Reporter([first.port], f"/appeals/{target}/report/form/").form_token(), **ANSWERS}
            status, page = _post(second.port, closing_path, fields)
            assert status == 200 and "has ended" in page  # nothing lost: kept without the appeal
        finally:
            first.stop()
            second.stop()
            receiver.close()


REPORTS = 300


def test_two_apps_and_two_workers_survive_a_crash_mid_burst(tmp_path: Path):
    seen = crash_mid_burst(tmp_path, apps=2, workers=2, reports=REPORTS, people=16, REDIS_URL=REDIS_URL)
    assert_nothing_lost_or_doubled(seen, REPORTS)
