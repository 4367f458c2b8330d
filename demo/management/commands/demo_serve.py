"""Serve the demo: both services side by side, each under gunicorn (deploy/gunicorn_conf.py: no log line
holds a client address, user agent or referrer) with its own task worker and periodic commands
(deploy/jobs.py, shared with `make prod-local`), until interrupted.

- the police service on 127.0.0.1:LOOKOUT_PORT (8000), settings lookout.settings.local;
- the independent anonymous service ("Speak Up Safely") on 127.0.0.1:LOOKOUT_INDEPENDENT_PORT (8001),
  settings lookout.settings.independent, its own SQLite database (var/independent.sqlite3).
"""

import os
import signal
import subprocess
import sys
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand

from deploy.jobs import INDEPENDENT_JOBS, POLICE_JOBS

# Both services' gunicorn configuration: the access-log format and a logger that never writes a client
# address (deploy/gunicorn_logging.py), the same as the end-to-end tests and production use.
GUNICORN_CONF = Path(__file__).resolve().parents[3] / "deploy" / "gunicorn_conf.py"


def gunicorn(bindir: str, wsgi: str, port: str) -> list[str]:
    return [
        os.path.join(bindir, "gunicorn"),
        wsgi,
        "--bind",
        f"127.0.0.1:{port}",
        "--workers",
        "2",
        "--threads",
        "4",
        "--config",
        str(GUNICORN_CONF),
    ]


class Command(BaseCommand):
    help = "Run both demo services and their background jobs on 127.0.0.1 (LOOKOUT_PORT, LOOKOUT_INDEPENDENT_PORT)."

    def handle(self, *args: Any, **options: Any) -> None:
        port = os.environ.get("LOOKOUT_PORT", "8000")
        independent_port = os.environ.get("LOOKOUT_INDEPENDENT_PORT", "8001")
        python = sys.executable
        bindir = os.path.dirname(python)
        police_env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "lookout.settings.local",
            "LOOKOUT_INDEPENDENT_URL": f"http://127.0.0.1:{independent_port}",
        }
        independent_env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "lookout.settings.independent",
            "LOOKOUT_POLICE_API_URL": os.environ.get("LOOKOUT_POLICE_API_URL", f"http://127.0.0.1:{port}"),
        }
        manage = [python, "manage.py"]
        commands: list[tuple[list[str], dict[str, str]]] = [
            (gunicorn(bindir, "lookout.wsgi:application", port), police_env),
            *(([*manage, *job], police_env) for job in POLICE_JOBS),
            (gunicorn(bindir, "independent.wsgi:application", independent_port), independent_env),
            *(([*manage, *job], independent_env) for job in INDEPENDENT_JOBS),
        ]
        processes = [subprocess.Popen(argv, env=env) for argv, env in commands]  # noqa: S603 - fixed argument lists
        self.stdout.write(self.style.SUCCESS(f"Lookout is running: http://127.0.0.1:{port}/  (staff: /staff/)"))
        self.stdout.write(
            self.style.SUCCESS(
                f"Speak Up Safely (independent) is running: http://127.0.0.1:{independent_port}/"
                "  (operators: /operators/)"
            )
        )
        try:
            processes[0].wait()
        except KeyboardInterrupt:
            pass
        finally:
            for process in processes:
                if process.poll() is None:
                    process.send_signal(signal.SIGTERM)
            for process in processes:
                process.wait(timeout=10)
