"""The production profile on this machine (`make prod-local`): both services under their production settings,
behind nginx, on PostgreSQL and Redis, with their workers and periodic commands, in the foreground until
Ctrl-C or SIGTERM (`make prod-stop` sends it through the pid file). See deploy/README.md.

    python deploy/prod_local.py              # set up (once) and run everything
    python deploy/prod_local.py --stop       # stop a running profile (its pid file)
    python deploy/prod_local.py --render-only  # write var/prod/nginx/nginx.conf and exit

Everything it writes is under PROD_VAR_DIR (var/prod): generated secrets (secrets.env, made once, never in git),
the rendered nginx.conf, nginx's pid, temp and cache folders, collected static files, metric files and one log
per process (log/), each line of which has passed through deploy/logpipe.py (no client address).
"""

import argparse
import os
import signal
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from deploy.jobs import INDEPENDENT_JOBS, POLICE_JOBS  # noqa: E402
from deploy.logpipe import copy_scrubbed  # noqa: E402
from deploy.prod_profile import NGINX, Profile, environments, render_nginx, set_up  # noqa: E402

PYTHON = sys.executable
BIN = Path(PYTHON).parent
STOP_SECONDS = 20


# --- processes -----------------------------------------------------------------------------------------------


def gunicorn(wsgi: str, port: int) -> list[str]:
    conf = ROOT / "deploy" / "gunicorn_conf.py"
    return [str(BIN / "gunicorn"), wsgi, "--bind", f"127.0.0.1:{port}", "--config", str(conf), "--no-control-socket"]


def metrics_server(port: int) -> list[str]:
    return [PYTHON, str(ROOT / "deploy" / "metrics_server.py"), "--port", str(port)]


def commands(profile: Profile, conf: Path, police: dict[str, str], independent: dict[str, str]) -> list["Child"]:
    nginx = [NGINX, "-p", str(conf.parent), "-c", str(conf), "-e", "stderr"]
    manage_py = [PYTHON, "manage.py"]
    police_jobs = POLICE_JOBS if profile.jobs == "all" else [job for job in POLICE_JOBS if job[0] == "db_worker"]
    independent_jobs = (
        INDEPENDENT_JOBS if profile.jobs == "all" else [job for job in INDEPENDENT_JOBS if job[0] == "db_worker"]
    )
    return [
        Child("police-gunicorn", gunicorn("lookout.wsgi:application", profile.app_port), police),
        Child("police-metrics", metrics_server(profile.metrics_port), police),
        *(Child(f"police-{job[0]}", [*manage_py, *job], police) for job in police_jobs),
        Child(
            "independent-gunicorn", gunicorn("independent.wsgi:application", profile.independent_app_port), independent
        ),
        Child("independent-metrics", metrics_server(profile.independent_metrics_port), independent),
        *(Child(f"independent-{job[0]}", [*manage_py, *job], independent) for job in independent_jobs),
        # One error log for both sites: dated by the day only, as the charity's logs are (docs/adr/0031).
        Child("nginx", nginx, {"PATH": os.environ.get("PATH", "/usr/bin:/bin")}, log_name="nginx-error", day_only=True),
    ]


@dataclass
class Child:
    """One supervised process: its output goes, scrubbed, to log/<name>.log; restarted if it dies."""

    name: str
    argv: list[str]
    env: dict[str, str]
    log_name: str = ""
    day_only: bool = False
    process: subprocess.Popen[bytes] | None = None
    restarts: int = 0
    pump: threading.Thread | None = field(default=None, repr=False)

    def start(self, log_dir: Path) -> None:
        process = subprocess.Popen(  # noqa: S603 - fixed argument lists
            self.argv,
            cwd=ROOT,
            env=self.env,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            start_new_session=True,  # Ctrl-C reaches the supervisor only; it stops the children in order
        )
        sink = (log_dir / f"{self.log_name or self.name}.log").open("a", encoding="utf-8")
        self.process = process
        self.pump = threading.Thread(
            target=copy_scrubbed, args=(process.stdout, sink), kwargs={"day_only": self.day_only}, daemon=True
        )
        self.pump.start()

    def running(self) -> bool:
        return self.process is not None and self.process.poll() is None

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.send_signal(signal.SIGQUIT if self.name == "nginx" else signal.SIGTERM)


class Supervisor:
    def __init__(self, profile: Profile, children: list[Child]) -> None:
        self.profile = profile
        self.children = children
        self.stopping = threading.Event()

    def run(self) -> int:
        for signum in (signal.SIGINT, signal.SIGTERM):
            signal.signal(signum, lambda *_: self.stopping.set())
        self.profile.pid_file.write_text(str(os.getpid()))
        try:
            for child in self.children:
                child.start(self.profile.log_dir)
            code = self.watch()
        finally:
            self.stop_all()
            self.profile.pid_file.unlink(missing_ok=True)
        return code

    def watch(self) -> int:
        announced = False
        while not self.stopping.wait(0.5):
            if not announced and ready(self.profile):
                announce(self.profile)
                announced = True
            for child in self.children:
                if child.running() or child.process is None:
                    continue
                code = child.process.returncode
                if child.restarts >= 5:
                    print(f"{child.name} keeps exiting (code {code}): stopping. See {self.profile.log_dir}.")
                    return 1
                child.restarts += 1
                print(f"{child.name} exited (code {code}); restarting ({child.restarts}/5)", flush=True)
                time.sleep(1)
                child.start(self.profile.log_dir)
        return 0

    def stop_all(self) -> None:
        # The proxy first (no new requests), then the web servers, then the workers and periodic commands.
        ordered = sorted(self.children, key=lambda c: (c.name != "nginx", "gunicorn" not in c.name))
        for child in ordered:
            child.stop()
        deadline = time.monotonic() + STOP_SECONDS
        for child in ordered:
            if child.process is None:
                continue
            try:
                child.process.wait(timeout=max(0.1, deadline - time.monotonic()))
            except subprocess.TimeoutExpired:
                child.process.kill()
                child.process.wait()
        for child in ordered:
            if child.pump is not None:
                child.pump.join(timeout=2)


def ready(profile: Profile) -> bool:
    for port in (profile.port, profile.independent_port):
        try:
            with urllib.request.urlopen(profile.url(port, "/healthz"), timeout=2):  # noqa: S310 - loopback
                pass
        except (urllib.error.URLError, OSError):
            return False
    return True


def announce(profile: Profile) -> None:
    print(
        f"\nLookout production profile is running (Ctrl-C or `make prod-stop` to stop):\n"
        f"  police service      {profile.url(profile.port)}  (staff: /staff/, health: /healthz)\n"
        f"  Speak Up Safely     {profile.url(profile.independent_port)}  (operators: /operators/)\n"
        f"  purge (internal)    {profile.url(profile.purge_port, '/_purge/<path>')}\n"
        f"  metrics (internal)  {profile.url(profile.metrics_port, '/metrics')}  "
        f"{profile.url(profile.independent_metrics_port, '/metrics')}\n"
        f"  app alone           {profile.url(profile.app_port)}  {profile.url(profile.independent_app_port)}\n"
        f"  logs                {profile.log_dir}/\n",
        flush=True,
    )


def stop_running(profile: Profile) -> int:
    try:
        pid = int(profile.pid_file.read_text())
    except (FileNotFoundError, ValueError):
        print("No production profile is running (no pid file).")
        return 0
    try:
        os.kill(pid, signal.SIGTERM)
    except ProcessLookupError:
        profile.pid_file.unlink(missing_ok=True)
        print("The production profile had already stopped.")
        return 0
    deadline = time.monotonic() + STOP_SECONDS + 10
    while time.monotonic() < deadline:
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            print("The production profile has stopped.")
            return 0
        time.sleep(0.2)
    print(f"The production profile (pid {pid}) did not stop in time.")
    return 1


def main() -> int:
    parser = argparse.ArgumentParser(description="Lookout's production profile on loopback (deploy/README.md).")
    parser.add_argument("--stop", action="store_true", help="stop the running profile")
    parser.add_argument("--render-only", action="store_true", help="write nginx.conf and exit")
    parser.add_argument("--no-setup", action="store_true", help="skip migrate, seeding and collectstatic")
    args = parser.parse_args()
    profile = Profile.from_env()
    if args.stop:
        return stop_running(profile)
    profile.var.mkdir(parents=True, exist_ok=True)
    conf = render_nginx(profile)
    if args.render_only:
        print(conf)
        return 0
    if profile.pid_file.exists() and stop_running_check(profile):
        print(f"A production profile is already running (pid file {profile.pid_file}).")
        return 1
    police, independent = environments(profile)
    if not args.no_setup:
        set_up(profile, police, independent)
    subprocess.run([NGINX, "-t", "-q", "-p", str(conf.parent), "-c", str(conf), "-e", "stderr"], check=True)  # noqa: S603
    return Supervisor(profile, commands(profile, conf, police, independent)).run()


def stop_running_check(profile: Profile) -> bool:
    """True when the pid file names a live process."""
    try:
        os.kill(int(profile.pid_file.read_text()), 0)
    except (ProcessLookupError, ValueError, FileNotFoundError):
        return False
    return True


if __name__ == "__main__":
    sys.exit(main())
