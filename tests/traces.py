"""The anonymity probe both services' tests use (imports no app of either): the distinctive address, user
agent and referrer a test device sends, every logger captured at DEBUG, and the text of every table, every
stored file and every log line, where none of it may appear."""

import io
import logging
import os
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import pytest
from django.conf import settings
from django.core.management import call_command
from django.db import connection
from django.test import Client

CLIENT_ADDRESS = "203.0.113.77"
FORWARDED_ADDRESS = "198.51.100.42"
USER_AGENT = "DistinctiveAgent/9.9 (LookoutProbe; Zx81)"
REFERRER = "https://referrer-probe.example.net/came-from"
NEEDLES = [CLIENT_ADDRESS, FORWARDED_ADDRESS, "DistinctiveAgent", "LookoutProbe", "referrer-probe"]


def device_client(**extra: str) -> Client:
    """A test client whose requests carry every identifying header a device or a proxy could add."""
    return Client(
        REMOTE_ADDR=CLIENT_ADDRESS,
        HTTP_USER_AGENT=USER_AGENT,
        HTTP_X_FORWARDED_FOR=FORWARDED_ADDRESS,
        HTTP_X_REAL_IP=FORWARDED_ADDRESS,
        HTTP_FORWARDED=f"for={FORWARDED_ADDRESS}",
        HTTP_REFERER=REFERRER,
        **extra,
    )


@pytest.fixture
def everything_logged(caplog: pytest.LogCaptureFixture) -> Iterator[pytest.LogCaptureFixture]:
    """Capture every logger at DEBUG, including Django's (which do not propagate) and SQL with parameters."""
    names = ["", "django", "django.request", "django.server", "django.db.backends", "django.security"]
    loggers = [logging.getLogger(name) for name in names]
    saved = [(lg, lg.level) for lg in loggers]
    for lg in loggers:
        lg.setLevel(logging.DEBUG)
        lg.addHandler(caplog.handler)
    caplog.handler.setLevel(logging.DEBUG)
    connection.force_debug_cursor = True
    try:
        yield caplog
    finally:
        connection.force_debug_cursor = False
        for lg, level in saved:
            lg.setLevel(level)
            lg.removeHandler(caplog.handler)


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


def rows_text(rows: Iterable[Iterable[Any]]) -> Iterator[str]:
    """Every value of the rows as text, binary columns included."""
    for row in rows:
        for value in row:
            yield bytes(value).decode("latin-1") if isinstance(value, bytes | memoryview) else str(value)


def raw_tables() -> str:
    """Every value in every table of the test database, read raw as a stolen copy would be."""
    parts = []
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names():
            cursor.execute(f"SELECT * FROM {connection.ops.quote_name(table)}")  # noqa: S608 - table names from introspection
            parts.extend(rows_text(cursor.fetchall()))
    return "\n".join(parts)


def database_text() -> str:
    """A full dump (dumpdata) plus a raw scan of every table, binary columns included."""
    out = io.StringIO()
    call_command("dumpdata", stdout=out)
    return out.getvalue() + "\n" + raw_tables()


def media_bytes() -> list[tuple[Path, bytes]]:
    """Every stored file under MEDIA_ROOT, with its path."""
    found = []
    for root, _dirs, files in os.walk(settings.MEDIA_ROOT):
        for name in files:
            path = Path(root) / name
            found.append((path, path.read_bytes()))
    return found


def assert_no_trace(log_text: str) -> None:
    """No needle in the database, the log text given or any stored file (and there are stored files)."""
    db = database_text()
    media = media_bytes()
    assert media, "the test must have stored files to search"
    for needle in NEEDLES:
        assert needle not in db, f"{needle} found in the database"
        assert needle not in log_text, f"{needle} found in the logs"
        for path, data in media:
            assert needle.encode() not in data, f"{needle} found in {path}"
