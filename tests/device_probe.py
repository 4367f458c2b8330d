"""The anonymity probe both services' tests use: a distinctive client address, user agent and referrer, and
everything a service could have written them into (every table, binary columns included; every log record at
DEBUG, SQL with its parameters; every stored file). Model-less: the independent suite imports it too."""

import io
import logging
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command
from django.db import connection

CLIENT_ADDRESS = "203.0.113.77"
FORWARDED_ADDRESS = "198.51.100.42"
USER_AGENT = "DistinctiveAgent/9.9 (LookoutProbe; Zx81)"
REFERRER = "https://referrer-probe.example.net/came-from"
NEEDLES = [CLIENT_ADDRESS, FORWARDED_ADDRESS, "DistinctiveAgent", "LookoutProbe", "referrer-probe"]
# Every way a request could name its client: the test client sends them all.
CLIENT_HEADERS = {
    "REMOTE_ADDR": CLIENT_ADDRESS,
    "HTTP_USER_AGENT": USER_AGENT,
    "HTTP_X_FORWARDED_FOR": FORWARDED_ADDRESS,
    "HTTP_X_REAL_IP": FORWARDED_ADDRESS,
    "HTTP_FORWARDED": f"for={FORWARDED_ADDRESS}",
    "HTTP_REFERER": REFERRER,
}
LOGGERS = ["", "django", "django.request", "django.server", "django.db.backends", "django.security"]


@pytest.fixture
def everything_logged(caplog: pytest.LogCaptureFixture) -> Iterator[pytest.LogCaptureFixture]:
    """Capture every logger at DEBUG, including Django's (which do not propagate) and SQL with parameters."""
    with _log_everything(caplog.handler):
        yield caplog


@contextmanager
def _log_everything(handler: logging.Handler) -> Iterator[None]:
    loggers = [logging.getLogger(name) for name in LOGGERS]
    saved = [(lg, lg.level) for lg in loggers]
    for lg in loggers:
        lg.setLevel(logging.DEBUG)
        lg.addHandler(handler)
    handler.setLevel(logging.DEBUG)
    connection.force_debug_cursor = True
    try:
        yield
    finally:
        connection.force_debug_cursor = False
        for lg, level in saved:
            lg.setLevel(level)
            lg.removeHandler(handler)


def cell_text(value: object) -> str:
    """A database value as text; binary columns read byte for byte, so nothing hides in them."""
    if isinstance(value, bytes | memoryview):
        return bytes(value).decode("latin-1")
    return str(value)


def raw_tables() -> str:
    """Every value in every table, read raw as a stolen copy of the database would be."""
    parts = []
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names():
            cursor.execute(f"SELECT * FROM {connection.ops.quote_name(table)}")  # noqa: S608 - table names from introspection
            parts.extend(cell_text(value) for row in cursor.fetchall() for value in row)
    return "\n".join(parts)


def database_text() -> str:
    """A full dump (dumpdata) plus a raw scan of every table, binary columns included."""
    out = io.StringIO()
    call_command("dumpdata", stdout=out)
    return out.getvalue() + "\n" + raw_tables()


def media_files() -> list[tuple[Path, bytes]]:
    """Every stored file, with its path."""
    found = []
    for root, _dirs, files in os.walk(settings.MEDIA_ROOT):
        for name in files:
            path = Path(root) / name
            found.append((path, path.read_bytes()))
    return found


def record_text(record: logging.LogRecord) -> str:
    """Everything a handler could write for this record, including the request an error report would dump."""
    text = str(record.__dict__)
    request = getattr(record, "request", None)
    if request is not None and hasattr(request, "META"):
        text += repr(request.META)
    return text


def logged_text(caplog: pytest.LogCaptureFixture, capsys: pytest.CaptureFixture[str]) -> str:
    """All that was logged (every record, every field) or printed to stdout and stderr."""
    captured = capsys.readouterr()
    return caplog.text + "\n".join(record_text(r) for r in caplog.records) + captured.out + captured.err


def assert_no_trace(log_text: str) -> None:
    """No needle in the database, in the log text given or in any stored file (and there are stored files)."""
    db = database_text()
    media = media_files()
    assert media, "the test must have stored files to search"
    for needle in NEEDLES:
        assert needle not in db, f"{needle} found in the database"
        assert needle not in log_text, f"{needle} found in the logs"
        for path, data in media:
            assert needle.encode() not in data, f"{needle} found in {path}"
