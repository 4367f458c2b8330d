"""Benchmark: reading. The appeal page, the gallery and the public API list through the proxy (nginx, the
production profile) and against the app alone (gunicorn directly), next to nginx serving a static copy of the
same HTML in the same run; `wrk -t2 -c64 -d8s` each. Prints req/s, p99 and the ratios to the static limit.

    .venv/bin/python bench/reading.py                 # with the running profile (make prod-local)
    .venv/bin/python bench/reading.py --start         # start the profile itself, stop it after
    .venv/bin/python bench/reading.py --appeals 1000  # first top the published appeals up to 1,000 (fictional)
    .venv/bin/python bench/reading.py --remove-seeded # remove those copies again

Ports and databases come from the same PROD_* variables as the profile (deploy/env.example); the static copy
is served on PROD_BENCH_STATIC_PORT (8088).
"""

import argparse
import os
import platform
import re
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from deploy.prod_local import ready  # noqa: E402
from deploy.prod_profile import NGINX, Profile, environments  # noqa: E402

WRK = ["wrk", "-t2", "-c64", "-d8s", "--latency"]
STATIC_CONF = """daemon off;
{user}
worker_processes auto;
pid {run}/nginx.pid;
error_log stderr crit;
events {{ worker_connections 4096; }}
http {{
    access_log off;
    default_type text/html;
    client_body_temp_path {run}/tmp; proxy_temp_path {run}/tmp; fastcgi_temp_path {run}/tmp;
    uwsgi_temp_path {run}/tmp; scgi_temp_path {run}/tmp;
    sendfile on;
    keepalive_requests 100000;
    server {{
        listen 127.0.0.1:{port} reuseport backlog=4096;
        root {root};
    }}
}}
"""


@dataclass
class Result:
    name: str
    rps: float
    p99_ms: float
    errors: int
    timeouts: int


def get(url: str) -> str:
    with urllib.request.urlopen(url, timeout=30) as response:  # noqa: S310 - loopback
        return response.read().decode()


def wrk(name: str, url: str) -> Result:
    out = subprocess.run([*WRK, url], capture_output=True, text=True, check=True).stdout  # noqa: S603
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))  # type: ignore[union-attr]
    value, unit = re.search(r"99%\s+([\d.]+)(us|ms|s)", out).groups()  # type: ignore[union-attr]
    p99 = float(value) * {"us": 0.001, "ms": 1.0, "s": 1000.0}[unit]
    errors = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", out)
    # wrk gives up on a request after 2 s and leaves it out of the latency figures: say how many it gave up on.
    timeouts = re.search(r"Socket errors:.*timeout (\d+)", out)
    result = Result(name, rps, p99, int(errors.group(1)) if errors else 0, int(timeouts.group(1)) if timeouts else 0)
    print(
        f"  {name:<34} {rps:>10,.0f} req/s   p99 {p99:>8.1f} ms   non-2xx {result.errors}   "
        f"timed out (>2 s) {result.timeouts}",
        flush=True,
    )
    return result


def static_copy(profile: Profile, pages: dict[str, str]) -> subprocess.Popen[bytes]:
    """nginx serving the same HTML the app sent, as files: the limit of this machine for that page."""
    run = profile.var / "bench"
    root = run / "html"
    (run / "tmp").mkdir(parents=True, exist_ok=True)
    root.mkdir(parents=True, exist_ok=True)
    for name, html in pages.items():
        (root / f"{name}.html").write_text(html)
    port = int(os.environ.get("PROD_BENCH_STATIC_PORT", "8088"))
    user = "user root;" if os.geteuid() == 0 else ""
    conf = run / "nginx.conf"
    conf.write_text(STATIC_CONF.format(user=user, run=run, port=port, root=root))
    process = subprocess.Popen([NGINX, "-p", str(run), "-c", str(conf), "-e", "stderr"])  # noqa: S603
    for _ in range(50):
        try:
            get(f"http://127.0.0.1:{port}/appeal.html")
            break
        except OSError:
            time.sleep(0.1)
    process.port = port  # type: ignore[attr-defined]
    return process


@contextmanager
def profile_running(profile: Profile, *, start: bool) -> Iterator[None]:
    """The production profile answering: the one already running, or (start) one started here and stopped after."""
    supervisor = None
    if start:
        supervisor = subprocess.Popen([sys.executable, "deploy/prod_local.py"], cwd=ROOT)  # noqa: S603
        deadline = time.monotonic() + 300
        while not ready(profile) and time.monotonic() < deadline:
            time.sleep(1)
    try:
        if not ready(profile):
            sys.exit("The production profile is not answering: run `make prod-local` (or pass --start).")
        yield
    finally:
        if supervisor is not None:
            supervisor.terminate()
            supervisor.wait(timeout=60)


def seed(profile: Profile, args: list[str]) -> None:
    police, _ = environments(profile)
    subprocess.run([sys.executable, "bench/reading_seed.py", *args], cwd=ROOT, env=police, check=True)  # noqa: S603


def measure(profile: Profile) -> None:
    proxy, app = f"http://127.0.0.1:{profile.port}", f"http://127.0.0.1:{profile.app_port}"
    gallery = get(f"{proxy}/appeals/")
    reference = re.search(r'href="/appeals/([A-Z]-[A-Z0-9]+)/"', gallery)
    if reference is None:
        sys.exit("No published appeal: seed the demo data first (make prod-local does).")
    appeal = f"/appeals/{reference.group(1)}/"
    api = "/api/v1/public/appeals"
    count = gallery.count('href="/appeals/') - gallery.count('href="/appeals/feed')
    print(f"appeal {appeal}; gallery shows {count} appeal links; {len(gallery):,} bytes", flush=True)
    nginx = static_copy(profile, {"appeal": get(f"{app}{appeal}"), "gallery": gallery})
    static = f"http://127.0.0.1:{nginx.port}"  # type: ignore[attr-defined]
    try:
        results = {
            "static appeal": wrk("nginx static copy: appeal page", f"{static}/appeal.html"),
            "static gallery": wrk("nginx static copy: gallery", f"{static}/gallery.html"),
            "proxy appeal": wrk("through the proxy: appeal page", f"{proxy}{appeal}"),
            "app appeal": wrk("app alone: appeal page", f"{app}{appeal}"),
            "proxy gallery": wrk("through the proxy: gallery", f"{proxy}/appeals/"),
            "app gallery": wrk("app alone: gallery", f"{app}/appeals/"),
            "proxy api": wrk("through the proxy: API list", f"{proxy}{api}"),
            "app api": wrk("app alone: API list", f"{app}{api}"),
        }
    finally:
        nginx.terminate()
        nginx.wait(timeout=10)
    print("\nratios to nginx's static copy of the same page, same run (target: proxy >= 0.5, app >= 2,000 req/s)")
    for surface in ("appeal", "gallery"):
        limit = results[f"static {surface}"].rps
        for via in ("proxy", "app"):
            r = results[f"{via} {surface}"]
            figures = f"({r.rps:,.0f} / {limit:,.0f} req/s, p99 {r.p99_ms:.1f} ms)"
            print(f"  {via:<5} {surface:<8} {r.rps / limit:6.3f}x  {figures}")
    print(f"  API list: proxy {results['proxy api'].rps:,.0f} req/s, app {results['app api'].rps:,.0f} req/s")


def main() -> None:
    parser = argparse.ArgumentParser(description="Reading benchmark (see the module docstring).")
    parser.add_argument("--start", action="store_true", help="start the production profile and stop it after")
    parser.add_argument("--appeals", type=int, default=0, help="top the published appeals up to this many first")
    parser.add_argument("--remove-seeded", action="store_true", help="remove the copies --appeals made, and exit")
    args = parser.parse_args()
    profile = Profile.from_env()
    when = time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())
    print(f"{when}; {platform.node()}; {os.cpu_count()} cores; {' '.join(WRK)}")
    with profile_running(profile, start=args.start):
        if args.remove_seeded:
            seed(profile, ["--remove"])
            return
        if args.appeals:
            seed(profile, [str(args.appeals)])
        measure(profile)


if __name__ == "__main__":
    main()
