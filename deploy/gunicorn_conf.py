"""gunicorn configuration shared by both services (`gunicorn -c deploy/gunicorn_conf.py <wsgi>`), used by
`make demo` (demo_serve), `make prod-local` (deploy/prod_local.py), the end-to-end tests and production. The bind
address is given on the command line; what is here is what must not vary: what the logs may contain."""

import os
from typing import Any

# Request line, status, size, duration. Never %(h)s (address), %(a)s (user agent) or %(f)s (referrer); the
# logger below renders them as "-" even if this line is changed. Behind the proxy the proxy's access log is the
# one kept (deploy/nginx.conf.template): GUNICORN_ACCESS_LOG=off turns this one off.
access_log_format = '"%(r)s" %(s)s %(b)s %(M)sms'
accesslog = None if os.environ.get("GUNICORN_ACCESS_LOG") == "off" else "-"
errorlog = "-"
# The independent service's error log carries the day only (ADR 0031); both scrub every address.
_independent = os.environ.get("DJANGO_SETTINGS_MODULE", "").startswith("lookout.settings.independent")
logger_class = f"deploy.gunicorn_logging.{'DayOnlyLogger' if _independent else 'AddresslessLogger'}"
# A request line or header longer than this is answered 414/431 without reaching Django.
limit_request_line = 8190
# Workers by cores unless told (a command-line --workers/--threads wins over both).
workers = int(os.environ.get("GUNICORN_WORKERS", str(os.cpu_count() or 1)))
threads = int(os.environ.get("GUNICORN_THREADS", "4"))


def child_exit(server: Any, worker: Any) -> None:
    """A worker that exits leaves its metric files behind (lookout.metrics); mark them dead so gauges drop it."""
    if os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        from prometheus_client import multiprocess

        multiprocess.mark_process_dead(worker.pid)
