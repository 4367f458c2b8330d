"""What one report costs the app in CPU: the blank form (GET) and the post (POST) of the real report form,
in-process through the whole middleware stack under production settings, on PostgreSQL and Redis as
bench/surge.py sets them up (its own database, dropped and made again). No HTTP server and no driver: this is
the app's own share of bench/surge.py's figures.

    .venv/bin/python bench/report_cpu.py                 # 300 reports after 20 to warm up
    .venv/bin/python bench/report_cpu.py --profile       # and the functions that take the CPU (cProfile)
"""

import argparse
import cProfile
import os
import pstats
import re
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.surge import REDIS_URL, fresh_database, manage, police_env  # noqa: E402

TOKEN = re.compile(r'name="token" value="([^"]+)"')


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--reports", type=int, default=300)
    parser.add_argument("--profile", action="store_true", help="print the 40 functions with the most CPU of their own")
    parser.add_argument("--sort", default="tottime", help="with --profile: cProfile's order (cumulative: with callees)")
    args = parser.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="report-cpu-"))
    (tmp / "var").mkdir()
    env = police_env(tmp)
    os.system(f"redis-cli -u {REDIS_URL} flushdb > /dev/null")  # noqa: S605 - a fixed local command
    fresh_database()
    manage(env, "collectstatic", "--noinput")
    manage(env, "migrate", "--noinput")
    os.environ.update(env)
    import django

    django.setup()
    from django.test import Client

    from appeals.tests.factories import published
    from tests.reliability.reporters import ANSWERS

    url = f"/appeals/{published().reference}/report/form/"
    client = Client(HTTP_SEC_FETCH_SITE="same-origin", HTTP_HOST="127.0.0.1")

    def form() -> str:
        return client.get(url).content.decode()

    def report() -> None:
        response = client.post(url, {**ANSWERS, "token": TOKEN.search(form()).group(1)})  # type: ignore[union-attr]
        assert response.status_code == 200 and b"receipt-code" in response.content

    for _ in range(20):
        report()
    started = time.process_time()
    for _ in range(args.reports):
        form()
    get_ms = (time.process_time() - started) * 1000 / args.reports
    started = time.process_time()
    for _ in range(args.reports):
        report()
    report_ms = (time.process_time() - started) * 1000 / args.reports
    print(
        f"app CPU per report, in-process, production settings: blank form (GET) {get_ms:.2f} ms, "
        f"form and post {report_ms:.2f} ms, so the post {report_ms - get_ms:.2f} ms "
        f"({args.reports} reports; one core's limit at this cost: {1000 / report_ms:.0f} reports/s)"
    )
    if args.profile:
        profiler = cProfile.Profile(time.process_time)
        profiler.enable()
        for _ in range(args.reports):
            report()
        profiler.disable()
        pstats.Stats(profiler).sort_stats(args.sort).print_stats(40)


if __name__ == "__main__":
    main()
