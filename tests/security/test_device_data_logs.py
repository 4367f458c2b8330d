"""The log configuration of every process: gunicorn's logger (both services) and Django's (web, worker and the
repeating commands all use settings.LOGGING) never write a client address, and a refused request is one line."""

import io
import logging
import logging.config
from datetime import timedelta
from types import SimpleNamespace

import pytest
from django.conf import settings
from gunicorn.config import Config

from deploy.gunicorn_logging import AddresslessLogger
from lookout.logscrub import scrub_addresses

ADDRESSES = ["127.0.0.77", "203.0.113.9", "2001:db8::77", "::ffff:198.51.100.4", "fe80::1%eth0"]


@pytest.fixture
def gunicorn_logger() -> AddresslessLogger:
    cfg = Config()
    # Even a format that asks for the address, user agent, referrer and forwarding header renders "-".
    cfg.set("access_log_format", '%(h)s "%(r)s" %(s)s "%(f)s" "%(a)s" %({x-forwarded-for}i)s %({remote_addr}e)s')
    cfg.set("accesslog", "-")
    return AddresslessLogger(cfg)


def _capture(logger: logging.Logger) -> io.StringIO:
    stream = io.StringIO()
    for handler in logger.handlers:
        handler.stream = stream  # type: ignore[attr-defined]
    return stream


def test_gunicorn_access_log_never_renders_device_atoms(gunicorn_logger: AddresslessLogger) -> None:
    stream = _capture(gunicorn_logger.access_log)
    environ = {
        "REQUEST_METHOD": "GET",
        "RAW_URI": "/report/",
        "SERVER_PROTOCOL": "HTTP/1.1",
        "REMOTE_ADDR": "127.0.0.77",
        "HTTP_USER_AGENT": "DistinctiveAgent/9.9",
        "HTTP_REFERER": "https://referrer-probe.example.net/",
    }
    request = SimpleNamespace(headers=[("X-FORWARDED-FOR", "198.51.100.42")])
    response = SimpleNamespace(status="200 OK", sent=10, headers=[])
    gunicorn_logger.access(response, request, environ, timedelta(milliseconds=3))
    line = stream.getvalue()
    assert '"GET /report/ HTTP/1.1" 200' in line
    for needle in ("127.0.0.77", "198.51.100.42", "DistinctiveAgent", "referrer-probe"):
        assert needle not in line


@pytest.mark.parametrize("address", ADDRESSES)
def test_gunicorn_error_log_scrubs_addresses(gunicorn_logger: AddresslessLogger, address: str) -> None:
    stream = _capture(gunicorn_logger.error_log)
    # The line gunicorn's worker writes for any malformed or oversized request (workers/base.py).
    gunicorn_logger.warning(f"Invalid request from ip={address}: Invalid HTTP request line: 'GARBAGE'")
    gunicorn_logger.warning("Proxy request from %r not allowed", (address, 4242))
    try:
        raise ValueError(f"peer {address} went away")
    except ValueError:
        gunicorn_logger.exception("Socket error processing request.")
    text = stream.getvalue()
    assert "Invalid request from ip=[address removed]" in text and "Traceback" in text
    # Nor any tail of it: the last group with its colon (":77" of 2001:db8::77; a bare "77" may be the pid).
    tail = ":" + address.rsplit(":", 1)[-1] if ":" in address else address
    assert address.split("%")[0] not in text and tail not in text


def test_scrub_leaves_times_and_versions_alone() -> None:
    line = "2026-12-01 20:04:45,123 gunicorn 27.0.1 worker 3 at 20:04:45 v1.2.3.4.5"
    assert scrub_addresses(line) == line


def test_django_logging_scrubs_and_drops_client_error_tracebacks() -> None:
    """settings.LOGGING as configured for every Django process of both services."""
    logging.config.dictConfig(settings.LOGGING)
    handler = logging.getLogger("django").handlers[0]
    stream = io.StringIO()
    handler.stream = stream  # type: ignore[attr-defined]
    try:
        raise PermissionError("Only the charity's operators may use the console.")
    except PermissionError as exc:
        logging.getLogger("django.request").warning(
            "Forbidden (Permission denied): %s", "/operators/", extra={"status_code": 403}, exc_info=exc
        )
        logging.getLogger("django.security.DisallowedHost").error("Invalid HTTP_HOST header", exc_info=exc)
        logging.getLogger("django.request").error("Internal Server Error: %s from 127.0.0.77", "/x/", exc_info=exc)
    text = stream.getvalue()
    assert "Forbidden (Permission denied): /operators/" in text
    assert text.count("Traceback") == 1  # only the 500 keeps its traceback
    assert "127.0.0.77" not in text and "[address removed]" in text
