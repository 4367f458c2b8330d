"""Serve the demo: the web app under gunicorn (request logs without client addresses or user agents), the
task worker and the review sweep, until interrupted."""

import os
import signal
import subprocess
import sys
from typing import Any

from django.core.management.base import BaseCommand

# gunicorn's access log format: request line, status, size, duration. Deliberately no %(h)s (address),
# %(a)s (user agent) or %(f)s (referrer).
ACCESS_LOG_FORMAT = '"%(r)s" %(s)s %(b)s %(M)sms'


class Command(BaseCommand):
    help = "Run the demo web server and background jobs on 127.0.0.1 (LOOKOUT_PORT, default 8000)."

    def handle(self, *args: Any, **options: Any) -> None:
        port = os.environ.get("LOOKOUT_PORT", "8000")
        python = sys.executable
        bindir = os.path.dirname(python)
        processes = [
            subprocess.Popen(  # noqa: S603 - fixed argument list
                [
                    os.path.join(bindir, "gunicorn"),
                    "lookout.wsgi:application",
                    "--bind",
                    f"127.0.0.1:{port}",
                    "--workers",
                    "2",
                    "--threads",
                    "4",
                    "--access-logfile",
                    "-",
                    "--access-logformat",
                    ACCESS_LOG_FORMAT,
                ]
            ),
            subprocess.Popen([python, "manage.py", "appeals_review", "--every", "600"]),  # noqa: S603
            # The database-backed worker for Django's Tasks API (notifications, later image processing).
            subprocess.Popen([python, "manage.py", "db_worker", "--interval", "1", "--no-reload"]),  # noqa: S603
            # Urgent desk alerts whose worker died before marking them sent are queued again.
            subprocess.Popen([python, "manage.py", "desk_alerts", "--every", "60"]),  # noqa: S603
        ]
        self.stdout.write(self.style.SUCCESS(f"Lookout is running: http://127.0.0.1:{port}/  (staff: /staff/)"))
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
