"""The surge: reports arriving in a burst after a national TV appeal (issue 12, item 4). One command:

    .venv/bin/python bench/surge.py                       # 10 s per phase, 64 people, one app process
    .venv/bin/python bench/surge.py --apps 2              # scale-out: two gunicorn masters, the driver alternating

In one run, on one PostgreSQL server (a database of its own, dropped and made again) and Redis (db 8 unless
SURGE_REDIS_URL says otherwise):
1. the limit of the database: pgbench inserting a comparable row (a unique token, a time, 1.2 KB of text) with
   as many clients, durable commits (synchronous_commit on, as the service runs);
2. the limit of Django: a bare form view (bench/bareform, its own settings) under the same gunicorn, taking the
   same form (GET for a signed token, POST 1.2 KB) and inserting one row; and the same view inside Lookout's
   production stack (bench/bareform/in_stack.py: every middleware), which splits the gap into the framework as
   Lookout configures it and the report's own work;
3. Lookout's real report form under production settings (gunicorn 2 workers x 4 threads per app process,
   persistent database connections, Redis cache), text only and then with one photo (tests/images.py);
then a count that every acknowledged report (by its receipt) is stored exactly once.

The bare view and the text form take turns for --rounds rounds (3), both servers running throughout: the
speed of a shared machine drifts over a minute, so each round's ratio compares neighbouring phases, and the
median round is the figure.

Every virtual person GETs the form, POSTs it (retrying with the same token if unanswered) and starts again;
acknowledged/s counts receipts shown. p50/p99 are from pressing Send to the receipt. The driver runs in
--driver-processes processes of threads (http.client, keep-alive); its CPU time per report is printed, and its
headroom is checked by the bare view's rate (the same driver, a lighter server).
"""

import argparse
import json
import multiprocessing
import os
import re
import resource
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from deploy.prod_profile import ed25519_pem  # noqa: E402
from tests.reliability.reporters import Tally, burst  # noqa: E402

BIN = Path(sys.executable).parent
GUNICORN_CONF = ROOT / "deploy" / "gunicorn_conf.py"
DATABASE_URL = os.environ.get("SURGE_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/lookout_surge")
REDIS_URL = os.environ.get("SURGE_REDIS_URL", "redis://127.0.0.1:6379/8")
FIRST_PORT = int(os.environ.get("SURGE_PORT", "9170"))


def police_env(tmp: Path) -> dict[str, str]:
    """Production settings (lookout/settings/production.py) with bench secrets, over HTTP on loopback."""
    import base64

    keep = {k: v for k, v in os.environ.items() if k not in {"DJANGO_SETTINGS_MODULE", "DATABASE_URL", "REDIS_URL"}}
    return keep | {
        "PYTHONUNBUFFERED": "1",
        "DJANGO_SETTINGS_MODULE": "lookout.settings.production",
        "SECRET_KEY": "surge-police-" + "s" * 60,
        "ALLOWED_HOSTS": "127.0.0.1",
        "LOOKOUT_PARTNER_KEY": "surge-partner-" + "p" * 40,
        "LOOKOUT_RECEIPT_KEY": "surge-receipt-" + "r" * 40,
        "LOOKOUT_FORM_TOKEN_KEY": "surge-form-" + "f" * 40,
        "LOOKOUT_CONTACT_PRIVATE_KEY": base64.b64encode(b"surge-contact-key-".ljust(32, b"c")).decode(),
        "SECURE_SSL_REDIRECT": "false",
        "LOOKOUT_STATIC_ROOT": str(tmp / "static"),
        "LOOKOUT_VAR_DIR": str(tmp / "var"),
        "EMAIL_BACKEND": "django.core.mail.backends.locmem.EmailBackend",
        "DATABASE_URL": DATABASE_URL,
        "REDIS_URL": REDIS_URL,
        # A connection kept per thread, as behind any production server (0, a connection per request, is the
        # embedded default).
        "DATABASE_CONN_MAX_AGE": "600",
        # As deployed (deploy/prod_profile.py, the systemd units): behind the proxy, whose access log is the one
        # kept, gunicorn writes none. Every server here, the bare ones too, runs so.
        "GUNICORN_ACCESS_LOG": "off",
        # Production requires both (the ledger signs events; links in them name the public site).
        "LOOKOUT_DISTRIBUTION_SIGNING_KEY": ed25519_pem(),
        "LOOKOUT_PUBLIC_BASE_URL": "http://127.0.0.1",
    }


def psql(sql: str, url: str = DATABASE_URL) -> str:
    done = subprocess.run(["psql", url, "-XAtqc", sql], check=True, capture_output=True, text=True)
    return done.stdout.strip()


def fresh_database() -> None:
    parsed = urllib.parse.urlsplit(DATABASE_URL)
    name = parsed.path.lstrip("/")
    admin = parsed._replace(path="/postgres").geturl()
    psql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)', admin)
    psql(f'CREATE DATABASE "{name}"', admin)


def manage(env: dict[str, str], *args: str) -> str:
    done = subprocess.run([sys.executable, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True)
    if done.returncode:
        raise SystemExit(f"manage.py {' '.join(args)} failed:\n{done.stderr[-3000:]}")
    return done.stdout


def gunicorn(wsgi: str, env: dict[str, str], port: int, log: Path, workers: int, threads: int) -> subprocess.Popen:
    argv = [str(BIN / "gunicorn"), wsgi, "--bind", f"127.0.0.1:{port}", "--workers", str(workers)]
    argv += ["--threads", str(threads), "--config", str(GUNICORN_CONF), "--backlog", "2048"]
    process = subprocess.Popen(argv, cwd=ROOT, env=env, stdout=log.open("ab"), stderr=subprocess.STDOUT)
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=10):  # noqa: S310 - loopback
                return process
        except urllib.error.HTTPError:
            return process
        except OSError:
            time.sleep(0.3)
    raise SystemExit(f"{wsgi} did not start on {port}; see {log}")


def stop(process: subprocess.Popen) -> None:
    process.send_signal(signal.SIGTERM)
    try:
        process.wait(timeout=30)
    except subprocess.TimeoutExpired:
        process.kill()


def _drive(args: tuple[list[int], str, int, float, bytes | None]) -> dict[str, Any]:
    ports, path, clients, seconds, photo = args
    tally = burst(ports, path, clients=clients, seconds=seconds, photo=photo)
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return {
        "receipts": tally.receipts,
        "latencies": tally.latencies,
        "retries": tally.retries,
        "refused": tally.refused,
        "cpu": usage.ru_utime + usage.ru_stime,
    }


def drive(ports: list[int], path: str, *, clients: int, seconds: float, processes: int, photo: bytes | None = None):
    """`clients` people spread over `processes` driver processes; their tallies merged."""
    share = [clients // processes + (1 if i < clients % processes else 0) for i in range(processes)]
    started = time.monotonic()
    with multiprocessing.get_context("spawn").Pool(processes) as pool:
        parts = pool.map(_drive, [(ports, path, n, seconds, photo) for n in share])
    elapsed = time.monotonic() - started
    tally = Tally()
    cpu = 0.0
    for part in parts:
        tally.receipts += part["receipts"]
        tally.latencies += part["latencies"]
        tally.retries += part["retries"]
        for why, n in part["refused"].items():
            tally.refused[why] = tally.refused.get(why, 0) + n
        cpu += part["cpu"]
    return tally, elapsed, cpu


def figures(name: str, tally: Tally, elapsed: float, cpu: float) -> dict[str, Any]:
    latencies = sorted(tally.latencies) or [0.0]
    row = {
        "surface": name,
        "acknowledged": len(tally.receipts),
        "per_second": len(tally.receipts) / elapsed,
        "p50_ms": 1000 * statistics.median(latencies),
        "p99_ms": 1000 * latencies[min(len(latencies) - 1, int(0.99 * len(latencies)))],
        "retries": tally.retries,
        "refused": tally.refused,
        "driver_cpu_ms_per_report": 1000 * cpu / max(1, len(tally.receipts)),
    }
    print(
        f"{name:<34} {row['acknowledged']:>7} acknowledged  {row['per_second']:>7.0f}/s  "
        f"p50 {row['p50_ms']:>6.1f} ms  p99 {row['p99_ms']:>6.1f} ms  retries {row['retries']}  "
        f"driver {row['driver_cpu_ms_per_report']:.2f} ms CPU/report  {tally.refused or ''}",
        flush=True,
    )
    return row


PGBENCH_SCRIPT = (
    "INSERT INTO pgbench_report (token, received_at, details) "
    "VALUES (gen_random_uuid(), now(), repeat(md5(random()::text), 38));\n"
)


def pgbench(clients: int, seconds: int, tmp: Path) -> dict[str, Any]:
    """The database's own limit for a comparable durable insert (a 1.2 KB row with a unique token)."""
    psql(
        "CREATE TABLE IF NOT EXISTS pgbench_report (id bigserial PRIMARY KEY, token uuid UNIQUE NOT NULL, "
        "received_at timestamptz NOT NULL, details text NOT NULL)"
    )
    script = tmp / "insert.sql"
    script.write_text(PGBENCH_SCRIPT)
    argv = ["pgbench", "-n", "-c", str(clients), "-j", "2", "-T", str(seconds), "-f", str(script)]
    argv += ["-l", "--log-prefix", str(tmp / "pgbench"), DATABASE_URL]
    done = subprocess.run(argv, check=True, capture_output=True, text=True)
    tps = float(re.search(r"tps = ([0-9.]+)", done.stdout).group(1))  # type: ignore[union-attr]
    latencies = sorted(int(line.split()[2]) / 1000 for log in tmp.glob("pgbench*") for line in log.open())
    row = {
        "surface": "pgbench: one durable insert",
        "acknowledged": len(latencies),
        "per_second": tps,
        "p50_ms": statistics.median(latencies),
        "p99_ms": latencies[int(0.99 * len(latencies))],
    }
    rows = int(psql("SELECT count(*) FROM pgbench_report"))
    print(
        f"{row['surface']:<34} {rows:>7} rows          {tps:>7.0f}/s  p50 {row['p50_ms']:>6.1f} ms  "
        f"p99 {row['p99_ms']:>6.1f} ms",
        flush=True,
    )
    return row


def stored_once(env: dict[str, str], receipts: list[str], tmp: Path) -> dict[str, int]:
    """Each receipt shown, looked up by its keyed hash: stored exactly once? And how many reports are there."""
    path = tmp / "receipts.json"
    path.write_text(json.dumps(receipts))
    code = (
        "import json, collections; from reportkit.receipts import receipt_hash, receipt_normalise;"
        "from reporting.models import Receipt, InformationReport;"
        f"shown = [receipt_hash(receipt_normalise(r)) for r in json.load(open({str(path)!r}))];"
        "stored = collections.Counter(Receipt.objects.values_list('code_hash', flat=True));"
        "tokens = collections.Counter(InformationReport.objects.values_list('idempotency_token', flat=True));"
        "print(json.dumps({'shown': len(shown), 'distinct_shown': len(set(shown)),"
        "'lost': sum(1 for h in set(shown) if stored[h] == 0), 'duplicated': sum(1 for h in stored if stored[h] > 1),"
        "'reports': sum(tokens.values()), 'duplicate_tokens': sum(1 for t in tokens if tokens[t] > 1)}))"
    )
    return json.loads(manage(env, "shell", "-c", code).strip().splitlines()[-1])


def bare_stored_once(receipts: list[str]) -> dict[str, int]:
    stored = psql("SELECT count(*), count(DISTINCT receipt), count(DISTINCT token) FROM bare_report").split("|")
    return {"shown": len(receipts), "distinct_shown": len(set(receipts)), "rows": int(stored[0])}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--seconds", type=int, default=10, help="per phase")
    parser.add_argument("--clients", type=int, default=64)
    parser.add_argument("--apps", type=int, default=1, help="gunicorn masters (scale-out: 2)")
    parser.add_argument("--workers", type=int, default=2, help="gunicorn workers per app process")
    parser.add_argument("--threads", type=int, default=4)
    parser.add_argument("--driver-processes", type=int, default=3)
    parser.add_argument("--task-workers", type=int, default=0, help="db_worker processes running during the surge")
    parser.add_argument("--rounds", type=int, default=3, help="bare view and text form taking turns")
    parser.add_argument("--skip", default="", help="comma-separated: pgbench,bare,stack,text,photo")
    args = parser.parse_args()
    skip = set(filter(None, args.skip.split(",")))
    tmp = Path(tempfile.mkdtemp(prefix="surge-"))
    (tmp / "var").mkdir()
    env = police_env(tmp)
    subprocess.run(["redis-cli", "-u", REDIS_URL, "flushdb"], check=True, capture_output=True)
    fresh_database()
    manage(env, "collectstatic", "--noinput")
    manage(env, "migrate", "--noinput")
    reference = manage(
        env, "shell", "-c", "from appeals.tests.factories import published; print(published().reference)"
    ).split()[-1]
    print(
        f"surge {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}: {os.cpu_count()} cores, "
        f"load {os.getloadavg()[0]:.1f}; {args.clients} people, {args.seconds} s per phase, "
        f"{args.apps} app process(es) x {args.workers} workers x {args.threads} threads; logs in {tmp}",
        flush=True,
    )
    results: list[dict[str, Any]] = []
    if "pgbench" not in skip:
        results.append(pgbench(args.clients, args.seconds, tmp))

    ports = [FIRST_PORT + i for i in range(args.apps)]
    bare_env = env | {"DJANGO_SETTINGS_MODULE": "bench.bareform.settings", "BARE_SECRET_KEY": "bare-" + "b" * 50}
    from bench.bareform.views import CREATE

    psql(CREATE)
    # Both servers run throughout (the idle one takes no CPU), and the bare view and the text form take turns
    # for --rounds rounds: the machine's speed drifts over a minute, so each ratio compares neighbours.
    bare_servers = (
        []
        if "bare" in skip
        else [
            gunicorn("bench.bareform.wsgi:application", bare_env, p + 10, tmp / "bare.log", args.workers, args.threads)
            for p in ports
        ]
    )
    stack_env = env | {"DJANGO_SETTINGS_MODULE": "bench.bareform.in_stack"}
    stack_servers = (
        []
        if "stack" in skip
        else [
            gunicorn("lookout.wsgi:application", stack_env, p + 20, tmp / "stack.log", args.workers, args.threads)
            for p in ports
        ]
    )
    servers = [
        gunicorn("lookout.wsgi:application", env, p, tmp / "police.log", args.workers, args.threads) for p in ports
    ]
    workers = [
        subprocess.Popen(
            [sys.executable, "manage.py", "db_worker", "--interval", "0.2", "--no-reload"],
            cwd=ROOT,
            env=env,
            stdout=(tmp / f"worker-{i}.log").open("ab"),
            stderr=subprocess.STDOUT,
        )
        for i in range(args.task_workers)
    ]
    path = f"/appeals/{reference}/report/form/"
    receipts: list[str] = []
    bare_receipts: list[str] = []
    pairs: list[tuple[dict[str, Any], dict[str, Any]]] = []

    def phase(name: str, at: list[int], url: str, image: bytes | None = None) -> dict[str, Any]:
        tally, elapsed, cpu = drive(
            at, url, clients=args.clients, seconds=args.seconds, processes=args.driver_processes, photo=image
        )
        (receipts if url == path else bare_receipts).extend(tally.receipts)
        row = figures(name, tally, elapsed, cpu)
        results.append(row)
        return row

    try:
        for round_ in range(1, args.rounds + 1):
            bare = (
                phase(f"bare Django form view, round {round_}", [p + 10 for p in ports], "/form/")
                if bare_servers
                else None
            )
            if stack_servers:
                phase(f"bare view in Lookout's stack, round {round_}", [p + 20 for p in ports], "/bare/form/")
            text = phase(f"Lookout report form, text, round {round_}", ports, path) if "text" not in skip else None
            if bare and text:
                pairs.append((bare, text))
        for server in bare_servers + stack_servers:
            stop(server)
        bare_servers = stack_servers = []
        if "photo" not in skip:
            from tests.images import jpeg_with_gps

            image = jpeg_with_gps((1200, 900))
            phase(f"Lookout report form, 1 photo {len(image) // 1024} KB", ports, path, image)
    finally:
        for process in bare_servers + stack_servers + servers + workers:
            stop(process)

    counted = stored_once(env, receipts, tmp)
    texts = [row for row in results if row["surface"].startswith("Lookout report form, text")]
    print("\nratios:")
    if pairs:
        ratios = sorted(text["per_second"] / bare["per_second"] for bare, text in pairs)
        shown = ", ".join(f"{r:.2f}x" for r in ratios)
        median = statistics.median(ratios)
        print(f"  Lookout text / bare Django view, round by round: {shown}; median {median:.2f}x (target >= 0.9)")
        stacked = [row for row in results if row["surface"].startswith("bare view in Lookout's stack")]
        if len(stacked) == len(pairs):
            in_stack = sorted(
                row["per_second"] / bare["per_second"] for row, (bare, _) in zip(stacked, pairs, strict=True)
            )
            text_in_stack = sorted(
                text["per_second"] / row["per_second"] for row, (_, text) in zip(stacked, pairs, strict=True)
            )
            print(f"  bare view in Lookout's stack / bare Django view: median {statistics.median(in_stack):.2f}x")
            print(f"  Lookout text / bare view in Lookout's stack:     median {statistics.median(text_in_stack):.2f}x")
        print(f"  bare views stored: {bare_stored_once(bare_receipts)}")
    limit = next((row for row in results if row["surface"].startswith("pgbench")), None)
    if texts:
        rate = statistics.median(row["per_second"] for row in texts)
        p99 = statistics.median(row["p99_ms"] for row in texts)
        if limit:
            print(f"  Lookout text / pgbench insert:   {rate / limit['per_second']:.3f}x")
        print(f"  Lookout text, median round: {rate:.0f}/s (target >= 600), p99 {p99:.0f} ms (target < 250)")
    print(f"stored exactly once: {counted}  (lost and duplicated must be 0)")
    (tmp / "results.json").write_text(json.dumps({"results": results, "count": counted}, indent=1))
    if counted["lost"] or counted["duplicated"] or counted["duplicate_tokens"]:
        raise SystemExit("FAILED: an acknowledged report is missing or stored twice")
    shutil.rmtree(tmp / "static", ignore_errors=True)


if __name__ == "__main__":
    main()
