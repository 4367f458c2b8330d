"""What the crash and scale-out tests share (issue 12, items 5 and 6): gunicorn masters and db_worker processes
on a database of the test's own, a real HTTP server receiving the desk's alerts and the partner's messages, and
the count at the end. Real processes, killed with SIGKILL as a power cut or the OOM killer would."""

import json
import os
import signal
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from collections import Counter
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

from independent.tests.e2e import GUNICORN_CONF, ROOT, Database, free_port, wait_for

from .reporters import Tally, burst
from .servers import manage, own_database

BIN = Path(sys.executable).parent
ALERT_KEY_HEADER = "X-Lookout-Alert-Key"  # intelligence.alerts.ALERT_KEY_HEADER (no Django here)


class Receiver:
    """The desk's webhook and the partner's API in one: it refuses the first delivery of every key (so most are
    retried by a worker, some by a worker about to be killed) and then takes each, counting deliveries by key
    (the alert's key header, the partner message's message_id)."""

    def __init__(self) -> None:
        self.deliveries: Counter[str] = Counter()
        self.refused: set[str] = set()
        self.lock = threading.Lock()
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:  # noqa: N802 - http.server's name
                body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
                key = self.headers.get(ALERT_KEY_HEADER) or json.loads(body or b"{}").get("message_id", "")
                with receiver.lock:
                    first = key not in receiver.refused
                    receiver.refused.add(key)
                    if not first:
                        receiver.deliveries[key] += 1
                self.send_response(503 if first else 200)
                self.send_header("Content-Type", "application/json")
                self.end_headers()
                self.wfile.write(b"{}")

            def log_message(self, *args: Any) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", free_port()), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def close(self) -> None:
        self.server.shutdown()


def crash_env(database: Database, tmp: Path, receiver: Receiver, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in {"DJANGO_SETTINGS_MODULE", "REDIS_URL", "DATABASE_URL"}}
    (tmp / "var").mkdir(exist_ok=True)
    return env | {
        "PYTHONUNBUFFERED": "1",
        "DEBUG": "false",
        "DJANGO_SETTINGS_MODULE": "lookout.settings.base",
        "DATABASE_URL": database.url,
        "DATABASE_CONN_MAX_AGE": "600",
        "LOOKOUT_VAR_DIR": str(tmp / "var"),
        "LOOKOUT_DESK_WEBHOOK_URL": receiver.url + "/desk",
        "LOOKOUT_INDEPENDENT_URL": receiver.url,
        "LOOKOUT_PARTNER_RETRY_SECONDS": "1",
        "LOOKOUT_TASK_LEASE_SECONDS": "3",
        **extra,
    }


class App:
    """One gunicorn master (2 workers x 4 threads) in a process group of its own, so a kill takes it all."""

    def __init__(self, env: dict[str, str], log: Path) -> None:
        self.env, self.log, self.port = env, log, free_port()
        self.process: subprocess.Popen[bytes] | None = None

    def start(self) -> None:
        argv = [str(BIN / "gunicorn"), "lookout.wsgi:application", "--bind", f"127.0.0.1:{self.port}"]
        argv += ["--workers", "2", "--threads", "4", "--config", str(GUNICORN_CONF)]
        self.process = subprocess.Popen(  # noqa: S603 - fixed arguments
            argv, cwd=ROOT, env=self.env, stdout=self.log.open("ab"), stderr=subprocess.STDOUT, start_new_session=True
        )
        wait_for(self._answers, timeout=90, what=f"gunicorn on {self.port}")

    def _answers(self) -> bool:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{self.port}/", timeout=5):  # noqa: S310 - loopback
                return True
        except urllib.error.HTTPError:
            return True
        except OSError:
            return False

    def kill(self) -> None:
        """SIGKILL to the master and its workers at once: no graceful shutdown, requests cut mid-way."""
        assert self.process is not None
        os.killpg(self.process.pid, signal.SIGKILL)
        self.process.wait(timeout=10)

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait()


class Worker:
    def __init__(self, env: dict[str, str], log: Path) -> None:
        self.env, self.log = env, log
        self.process: subprocess.Popen[bytes] | None = None

    def start(self) -> None:
        argv = [sys.executable, "manage.py", "db_worker", "--interval", "0.2", "--no-reload"]
        self.process = subprocess.Popen(  # noqa: S603 - fixed arguments
            argv, cwd=ROOT, env=self.env, stdout=self.log.open("ab"), stderr=subprocess.STDOUT
        )

    def kill(self) -> None:
        assert self.process is not None
        self.process.send_signal(signal.SIGKILL)
        self.process.wait(timeout=10)

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


SETUP = (
    "from appeals.tests.factories import published; import json;"
    "print(json.dumps([published().reference for _ in range(3)]))"
)
CLOSE = (
    "from appeals import services; from appeals.models import Appeal, Outcome; import sys;"
    "a = Appeal.objects.get(reference=sys.argv[-1]);"
    "services.appeal_close(appeal=a, actor=a.author, outcome=Outcome.ARRESTED, note='')"
)
COUNT = (
    "import json, collections, sys; from reportkit.receipts import receipt_hash, receipt_normalise;"
    "from reporting.models import Receipt, InformationReport; from intelligence.models import Alert;"
    "from partner.models import OutboxMessage;"
    "shown = [receipt_hash(receipt_normalise(r)) for r in json.load(open(sys.argv[-1]))];"
    "stored = collections.Counter(Receipt.objects.values_list('code_hash', flat=True));"
    "print(json.dumps({'shown': len(shown), 'distinct_shown': len(set(shown)),"
    "'lost': sum(1 for h in set(shown) if stored[h] == 0), 'stored_twice': sum(1 for h in stored if stored[h] > 1),"
    "'reports': InformationReport.objects.count(), 'urgent': InformationReport.objects.filter(urgent=True).count(),"
    "'alerts': sorted(Alert.objects.values_list('key', flat=True)),"
    "'alerts_unsent': Alert.objects.filter(sent_at__isnull=True).count(),"
    "'messages': sorted(OutboxMessage.objects.values_list('message_id', flat=True)),"
    "'messages_unacknowledged': OutboxMessage.objects.filter(acknowledged_at__isnull=True).count()}))"
)


def appeals(env: dict[str, str]) -> list[str]:
    return json.loads(manage(env, "shell", "-c", SETUP).strip().splitlines()[-1])


def close_appeal(env: dict[str, str], reference: str) -> None:
    manage(env, "shell", "-c", CLOSE.replace("sys.argv[-1]", repr(reference)))


def count(env: dict[str, str], receipts: list[str], tmp: Path) -> dict[str, Any]:
    path = tmp / "receipts.json"
    path.write_text(json.dumps(receipts))
    return json.loads(
        manage(env, "shell", "-c", COUNT.replace("sys.argv[-1]", repr(str(path)))).strip().splitlines()[-1]
    )


def recover_until_delivered(env: dict[str, str], receiver: Receiver, tmp: Path, timeout: float = 120) -> dict[str, Any]:
    """What operations run after a crash (and on a schedule anyway): queue again the tasks whose worker died
    (`tasks_requeue_lost`) and the alerts still unsent (`desk_alerts`), until everything is delivered."""
    deadline = time.monotonic() + timeout
    while True:
        manage(env, "tasks_requeue_lost")
        manage(env, "desk_alerts")
        state = count(env, [], tmp)
        delivered = set(receiver.deliveries)
        if (
            not state["alerts_unsent"]
            and not state["messages_unacknowledged"]
            and set(state["alerts"]) | set(state["messages"]) <= delivered
        ):
            return state
        if time.monotonic() > deadline:
            raise AssertionError(f"not all delivered after {timeout} s: {state}, delivered {sorted(delivered)}")
        time.sleep(1)


def crash_mid_burst(tmp: Path, *, apps: int, workers: int, reports: int, people: int, **extra: str) -> dict[str, Any]:
    """The scenario of both tests: `apps` gunicorn masters and `workers` workers on one database (and one Redis
    when REDIS_URL is given in `extra`); a burst over all the apps' ports (each person alternating), half the
    people urgent; two other appeals closed meanwhile. A third of the way in, the first app (master and
    workers) and the first worker are SIGKILLed and started again. Returns what was seen and stored."""
    receiver = Receiver()
    with own_database(tmp, "crash") as database:
        env = crash_env(database, tmp, receiver, **extra)
        manage(env, "migrate", "--noinput")
        target, *to_close = appeals(env)
        servers = [App(env, tmp / f"app-{i}.log") for i in range(apps)]
        queue = [Worker(env, tmp / f"worker-{i}.log") for i in range(workers)]
        tally = Tally()
        try:
            for process in [*servers, *queue]:
                process.start()
            sending = threading.Thread(
                target=burst,
                args=([s.port for s in servers], f"/appeals/{target}/report/form/"),
                kwargs={"clients": people, "reports": reports, "extra": urgent_half, "tally": tally},
            )
            sending.start()
            closing = threading.Thread(target=lambda: [close_appeal(env, reference) for reference in to_close])
            closing.start()
            wait_for(lambda: len(tally.receipts) >= reports // 3, timeout=120, what="a third of the burst")
            servers[0].kill()
            queue[0].kill()
            killed_at = len(tally.receipts)
            time.sleep(1)
            servers[0].start()  # the same port: the people's browsers try the same address again
            queue[0].start()
            sending.join(timeout=300)
            closing.join(timeout=120)
            assert not sending.is_alive() and not closing.is_alive()
            state = recover_until_delivered(env, receiver, tmp)
        finally:
            for process in [*servers, *queue]:
                process.stop()
            receiver.close()
        counted = count(env, tally.receipts, tmp)
    return {
        "tally": tally,
        "killed_at": killed_at,
        "counted": counted,
        "state": state,
        "deliveries": receiver.deliveries,
        "closed": len(to_close),
    }


def urgent_half(index: int) -> dict[str, str]:
    return {"urgent": "True"} if index % 2 else {}


def assert_nothing_lost_or_doubled(seen: dict[str, Any], reports: int) -> None:
    tally, counted, state = seen["tally"], seen["counted"], seen["state"]
    assert seen["killed_at"] < reports and tally.retries > 0, "the kill came after the burst: it proved nothing"
    assert len(tally.receipts) == reports  # every person was shown a receipt in the end
    assert counted["distinct_shown"] == reports and counted["lost"] == 0 and counted["stored_twice"] == 0
    assert counted["reports"] == reports  # a retried post found its first report; no second one
    assert len(state["alerts"]) == counted["urgent"] > 0
    assert len(state["messages"]) == seen["closed"]
    # Each one reached the receiver, which keeps one per key (a repeat after a worker died between sending and
    # marking it sent carries the same key, ADR 0020): exactly the alerts and messages queued, no other.
    assert sorted(seen["deliveries"]) == sorted(state["alerts"] + state["messages"])
