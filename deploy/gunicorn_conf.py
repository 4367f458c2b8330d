"""gunicorn configuration shared by both services (`gunicorn -c deploy/gunicorn_conf.py <wsgi>`), used by
`make demo` (demo_serve), the end-to-end tests and production. The bind address and worker counts are given
on the command line; what is here is what must not vary: what the logs may contain."""

import os

# Request line, status, size, duration. Never %(h)s (address), %(a)s (user agent) or %(f)s (referrer); the
# logger below renders them as "-" even if this line is changed.
access_log_format = '"%(r)s" %(s)s %(b)s %(M)sms'
accesslog = "-"
errorlog = "-"
# The independent service's error log carries the day only (ADR 0031); both scrub every address.
_independent = os.environ.get("DJANGO_SETTINGS_MODULE", "").startswith("lookout.settings.independent")
logger_class = f"deploy.gunicorn_logging.{'DayOnlyLogger' if _independent else 'AddresslessLogger'}"
# A request line or header longer than this is answered 414/431 without reaching Django.
limit_request_line = 8190
