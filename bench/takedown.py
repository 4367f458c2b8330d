"""Benchmark: takedown through the proxy (issue 12, item 4). From the commit that closes an appeal to the last
public surface dropping it, every surface read through the shipped nginx of the production profile:

    .venv/bin/python bench/takedown.py --start            # start the profile, close 5 appeals, stop it after
    .venv/bin/python bench/takedown.py --appeals 3        # against a running `make prod-local`
    .venv/bin/python bench/takedown.py --no-load          # without the reading surge beside it

For each appeal (the newest published ones): bench/takedown_closer.py, in the police service's production
environment, lists the appeal's surfaces (distribution.surfaces: page, images, gallery, list, both feeds, the
API's list and record, CAP, card, poster, embed); the charity's home page, appeal page and report form are
added. Every surface is fetched once through the proxy (so the proxy's micro-cache holds it) and must show the
appeal; one poller per surface then reads it every 5 ms through the proxy, keep-alive, while wrk reads the
appeal page through the proxy at 64 connections (the surge of a TV appeal, keeping the page hot in every cache).
The closer closes the appeal as its authorising officer and reports the wall-clock time of the commit. A
surface is gone by distribution.surfaces.is_gone (410/404, or a list without the reference; the charity's pages
the same). Printed: per surface the milliseconds from the commit to the first answer that
showed it gone; per appeal the last surface; over the appeals the median and the worst. Target: under 1 s.
"""

import argparse
import http.client
import json
import statistics
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.reading import profile_running  # noqa: E402
from deploy.prod_profile import Profile, environments  # noqa: E402
from distribution.surfaces import BY_KEY, is_gone  # noqa: E402

POLL_SECONDS = 0.005
GIVE_UP_SECONDS = 10.0


@dataclass
class Poller:
    """One surface read over and over through the proxy until it no longer shows the appeal."""

    name: str
    port: int
    path: str
    gone: Callable[[int, bytes], bool]
    gone_at: float | None = None
    reads: int = 0
    stop: threading.Event = field(default_factory=threading.Event)

    def fetch(self, connection: http.client.HTTPConnection) -> tuple[int, bytes]:
        connection.request("GET", self.path, headers={"Accept-Encoding": "identity"})
        response = connection.getresponse()
        return response.status, response.read()

    def run(self, armed: threading.Event) -> None:
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=5)
        while not self.stop.is_set():
            try:
                status, body = self.fetch(connection)
            except (OSError, http.client.HTTPException):
                connection.close()
                connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=5)
                continue
            self.reads += 1
            if armed.is_set() and self.gone(status, body):
                self.gone_at = time.time()
                return
            time.sleep(POLL_SECONDS)


def pollers_for(profile: Profile, listed: dict, reference: str) -> list[Poller]:
    out = []
    for item in listed["paths"]:
        surface = BY_KEY[item["surface"]]

        def gone(status: int, body: bytes, surface=surface) -> bool:
            return is_gone(surface, status=status, body=body, reference=reference)

        out.append(Poller(f"{surface.key} {item['path']}", profile.port, item["path"], gone))
    for path in ("/", f"/appeals/{reference}/", f"/appeals/{reference}/form/"):
        out.append(
            Poller(
                f"charity {path}",
                profile.independent_port,
                path,
                lambda status, body: status in (404, 410) or (status == 200 and reference.encode() not in body),
            )
        )
    return out


def newest_published(profile: Profile, count: int) -> list[str]:
    connection = http.client.HTTPConnection("127.0.0.1", profile.port, timeout=10)
    connection.request("GET", "/api/v1/public/appeals")
    items = json.loads(connection.getresponse().read())["items"]
    return [item["reference"] for item in items[:count]]


def take_down(profile: Profile, police_env: dict[str, str], reference: str, load: bool) -> dict[str, float | None]:
    closer = subprocess.Popen(  # noqa: S603 - fixed argument list
        [sys.executable, "bench/takedown_closer.py", reference],
        cwd=ROOT,
        env=police_env,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    listed = json.loads(closer.stdout.readline())  # type: ignore[union-attr]
    pollers = pollers_for(profile, listed, reference)
    shown = []
    for poller in pollers:  # each must show the appeal now (and is left in the proxy's cache)
        connection = http.client.HTTPConnection("127.0.0.1", poller.port, timeout=10)
        status, body = poller.fetch(connection)
        if poller.gone(status, body):
            print(f"    {poller.name}: does not show the appeal before the close (left out)")
        else:
            shown.append(poller)
    surge = None
    if load:
        surge = subprocess.Popen(  # noqa: S603
            ["wrk", "-t1", "-c64", "-d20s", f"http://127.0.0.1:{profile.port}/appeals/{reference}/"],
            stdout=subprocess.DEVNULL,
        )
        time.sleep(1)
    armed = threading.Event()
    threads = [threading.Thread(target=p.run, args=(armed,), daemon=True) for p in shown]
    for thread in threads:
        thread.start()
    time.sleep(0.2)
    armed.set()
    closer.stdin.write("close\n")  # type: ignore[union-attr]
    closer.stdin.flush()  # type: ignore[union-attr]
    closed = json.loads(closer.stdout.readline())  # type: ignore[union-attr]
    closer.wait(timeout=30)
    deadline = time.monotonic() + GIVE_UP_SECONDS
    for thread in threads:
        thread.join(timeout=max(0.0, deadline - time.monotonic()))
    for poller in shown:
        poller.stop.set()
    if surge is not None:
        surge.terminate()
        surge.wait(timeout=10)
    committed = closed["committed"]
    return {p.name: None if p.gone_at is None else (p.gone_at - committed) * 1000 for p in shown}


def main() -> None:
    parser = argparse.ArgumentParser(description="Takedown benchmark (see the module docstring).")
    parser.add_argument("--start", action="store_true", help="start the production profile and stop it after")
    parser.add_argument("--appeals", type=int, default=5, help="how many published appeals to close")
    parser.add_argument("--no-load", action="store_true", help="no wrk reading the appeal page meanwhile")
    args = parser.parse_args()
    profile = Profile.from_env()
    print(f"takedown {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}; through the proxy on :{profile.port}")
    with profile_running(profile, start=args.start):
        police_env, _ = environments(profile)
        worst: list[float] = []
        never = 0
        for reference in newest_published(profile, args.appeals):
            times = take_down(profile, police_env, reference, load=not args.no_load)
            for name, ms in sorted(times.items(), key=lambda kv: kv[1] if kv[1] is not None else 1e9):
                print(f"    {name:<58} {'NOT GONE' if ms is None else f'{ms:8.1f} ms'}")
            missing = [n for n, ms in times.items() if ms is None]
            never += len(missing)
            last = max((ms for ms in times.values() if ms is not None), default=float("nan"))
            worst.append(last)
            print(f"  {reference}: {len(times)} surfaces, last gone {last:.0f} ms after the commit", flush=True)
        print(
            f"\n{len(worst)} appeals closed; last surface gone after the commit: median "
            f"{statistics.median(worst):.0f} ms, worst {max(worst):.0f} ms (target < 1000 ms); "
            f"surfaces never gone within {GIVE_UP_SECONDS:.0f} s: {never}"
        )


if __name__ == "__main__":
    main()
