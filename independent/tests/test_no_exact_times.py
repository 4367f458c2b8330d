"""Issue 9, item 3: the charity knows the DAY of anything a reporter does, never the time of day
(docs/adr/0031-charity-time-and-sealing.md). Web and phone reports, a look-up, an answer to a follow-up and
a reward claim go through the real views; then every table and column (date-times and text), every stored
file's and folder's modification time and every log line (formatted as this service's settings format it)
are scanned. Any date-time with a time of day, and any trace of the moment of a reporter's request, fails.

Operators' and machines' own times are allowed in the few columns listed below (see the ADR): none of them
may hold a moment at which a reporter was talking to the service."""

import datetime as dt
import json
import logging
import os
import re
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection
from django.test import Client
from django.utils import timezone

from independent.models import AnonymousReport, FollowUp
from partner import paths

from .helpers import SAME_ORIGIN, form_token, jpeg_with_gps, make_operator, offer_reward, receipt_of, upload
from .test_operators import signed

pytestmark = pytest.mark.django_db

# Operators' and machines' own times (scheduling, sign-in): see ADR 0031.
SYSTEM_TIMES = {
    ("auth_user", "last_login"),
    ("auth_user", "date_joined"),
    ("django_migrations", "applied"),
    ("django_session", "expire_date"),
    ("partner_outboxmessage", "created_at"),
    ("partner_outboxmessage", "next_attempt_at"),
    ("partner_outboxmessage", "acknowledged_at"),
    ("partner_seennonce", "seen_at"),
    ("partner_receivedmessage", "received_at"),
}
_TIME_OF_DAY = re.compile(r"\b(\d{2}):(\d{2}):(\d{2})")
_DATETIME = re.compile(r"\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}:\d{2}(\.\d+)?([+-]\d{2}:?\d{2}|Z)?")


class Windows:
    """The moments a member of the public (or a caller, through an operator) was talking to the service."""

    def __init__(self) -> None:
        self.spans: list[tuple[float, float]] = []

    def during(self, call):  # type: ignore[no-untyped-def]
        start = time.time()
        result = call()
        self.spans.append((start, time.time()))
        return result

    def contains(self, moment: dt.datetime) -> bool:
        stamp = moment.timestamp()
        return any(start <= stamp <= end for start, end in self.spans)

    def needles(self) -> Iterator[str]:
        """How such a moment could be written: epoch seconds, and the clock time, local and UTC."""
        for start, end in self.spans:
            for second in range(int(start) - 1, int(end) + 2):
                yield str(second)
                for zone in (timezone.get_current_timezone(), dt.UTC):
                    moment = dt.datetime.fromtimestamp(second, tz=zone)
                    yield moment.strftime("%H:%M:%S")


@pytest.fixture
def log_lines():  # type: ignore[no-untyped-def]
    """Every record at DEBUG, with the line this service's configured formatter makes of it. SQL is not
    captured: Django logs statements only with DEBUG on, which the charity's production settings refuse
    (an operator's session check, for one, carries the current time as a query parameter)."""
    formatter = next(h.formatter for h in logging.getLogger("django").handlers if h.formatter is not None)
    records: list[logging.LogRecord] = []

    class Keep(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            records.append(record)

    handler = Keep(level=logging.DEBUG)
    loggers = [logging.getLogger(n) for n in ("", "django", "django.request", "django.security", "partner")]
    saved = [(lg, lg.level) for lg in loggers]
    for lg in loggers:
        lg.setLevel(logging.DEBUG)
        lg.addHandler(handler)
    try:
        yield lambda: [(r, formatter.format(r)) for r in records if r.name != "django.db.backends"]
    finally:
        for lg, level in saved:
            lg.setLevel(level)
            lg.removeHandler(handler)


def _as_datetime(value: object) -> dt.datetime | None:
    if isinstance(value, dt.datetime):
        return value if timezone.is_aware(value) else timezone.make_aware(value, dt.UTC)
    if isinstance(value, str) and _DATETIME.fullmatch(value):
        parsed = dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
        return parsed if timezone.is_aware(parsed) else timezone.make_aware(parsed, dt.UTC)
    return None


def _is_a_day(moment: dt.datetime) -> bool:
    return timezone.localtime(moment).time() == dt.time.min


def scan_database(windows: Windows) -> tuple[list[str], int]:
    problems: list[str] = []
    needles = set(windows.needles())
    values = 0
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names():
            cursor.execute(f"SELECT * FROM {connection.ops.quote_name(table)}")  # noqa: S608
            columns = [c[0] for c in cursor.description]
            for row in cursor.fetchall():
                for column, value in zip(columns, row, strict=True):
                    values += 1
                    moment = _as_datetime(value)
                    if moment is not None:
                        if (table, column) in SYSTEM_TIMES:
                            if windows.contains(moment):
                                problems.append(f"{table}.{column} = {value} (a reporter's moment)")
                        elif not _is_a_day(moment):
                            problems.append(f"{table}.{column} = {value} (a time of day)")
                        continue
                    if isinstance(value, bytes | memoryview):
                        value = bytes(value).decode("latin-1")
                    if isinstance(value, dict | list):
                        value = json.dumps(value)
                    if isinstance(value, str):
                        text = value
                        hits = [n for n in needles if n in text]
                        for match in _TIME_OF_DAY.finditer(text):
                            if match.group(0) in needles:
                                hits.append(match.group(0))
                        if hits and (table, column) not in SYSTEM_TIMES:
                            problems.append(f"{table}.{column} holds {sorted(set(hits))}")
    return problems, values


def test_the_charity_keeps_the_day_and_never_the_time(police_api, log_lines):
    windows = Windows()
    public = Client()
    operator = make_operator()
    console = Client()
    console.force_login(operator)

    # A web report with a photo, and a phone report typed by an operator while the caller is on the line.
    url = "/appeals/W-7KQ2/form/"
    token = form_token(public, url)
    data = {"form_token": token, "details": "At the car wash", "attachments": [upload(jpeg_with_gps())]}
    receipt = receipt_of(windows.during(lambda: public.post(url, data, **SAME_ORIGIN)))
    page = console.get("/operators/phone/").content.decode()
    phone_token = re.search(r'name="form_token" value="([^"]+)"', page).group(1)  # type: ignore[union-attr]
    phone = {"form_token": phone_token, "details": "Caller: drugs at the Crown", "crime_category": "drugs"}
    assert windows.during(lambda: console.post("/operators/phone/", phone)).status_code == 200

    # The operator forwards the web report; the police ask a question (signed partner message).
    report = AnonymousReport.objects.get(channel="web")
    page = console.get(f"/operators/{report.pk}/")
    console.post(
        f"/operators/{report.pk}/review/",
        {"action": "forward", "urgency": "routine", "details": "At a car wash", "forward_files": []},
    )
    question = {"message_id": "question:q1", "reference": report.reference, "question_id": "q1", "question": "When?"}
    assert signed(Client(), paths.INDEPENDENT_QUESTIONS, question).status_code == 200

    # The reporter comes back, answers; the police report an outcome, the charity offers a reward; they claim.
    page = windows.during(lambda: public.post("/follow-up/", {"receipt": receipt}, **SAME_ORIGIN)).content.decode()
    answer = {
        "receipt": receipt,
        "form_token": re.search(r'name="form_token" value="([^"]+)"', page).group(1),  # type: ignore[union-attr]
        "follow_up": str(FollowUp.objects.get().pk),
        "answer": "Most evenings",
    }
    windows.during(lambda: public.post("/follow-up/answer/", answer, **SAME_ORIGIN))
    outcome = {"message_id": "outcome:1", "reference": report.reference, "outcome": "arrest_and_charge", "label": "x"}
    assert signed(Client(), paths.INDEPENDENT_OUTCOMES, outcome).status_code == 200
    offer_reward(report, operator, 100)
    page = windows.during(lambda: public.post("/follow-up/", {"receipt": receipt}, **SAME_ORIGIN)).content.decode()
    claim = {"receipt": receipt, "form_token": re.search(r'name="form_token" value="([^"]+)"', page).group(1)}  # type: ignore[union-attr]
    shown = windows.during(lambda: public.post("/follow-up/claim/", claim, **SAME_ORIGIN)).content.decode()
    assert 'id="collection-code"' in shown
    windows.during(lambda: public.get("/appeals/W-ZZZZ/"))  # a 404, which Django logs
    windows.during(lambda: public.post("/report/form/", {"details": "x"}, HTTP_ORIGIN="https://evil.example"))

    # The database: every table, every column.
    problems, values = scan_database(windows)
    assert values > 200
    # Every stored file and folder: the day, not the moment.
    stamps = []
    for root, dirs, names in os.walk(settings.MEDIA_ROOT):
        for name in [*dirs, *names]:
            mtime = dt.datetime.fromtimestamp(Path(root, name).stat().st_mtime, tz=dt.UTC)
            stamps.append(name)
            if not _is_a_day(mtime):
                problems.append(f"file {name} modified at {mtime.isoformat()}")
    assert stamps, "no stored file was scanned"
    # Every log line, as this service writes it: no line says when it was written, and no moment written
    # into a line (SQL parameters included) is a reporter's.
    lines = log_lines()
    assert any("Not Found" in line for _record, line in lines)
    for record, line in lines:
        own = {dt.datetime.fromtimestamp(record.created, tz=z).strftime("%H:%M:%S") for z in (dt.UTC, None)}
        if windows.contains(dt.datetime.fromtimestamp(record.created, tz=dt.UTC)) and any(t in line for t in own):
            problems.append(f"log line {line[:160]!r} says when it was written")
        for match in _DATETIME.finditer(line):
            moment = _as_datetime(match.group(0))
            if moment is not None and not _is_a_day(moment) and windows.contains(moment):
                problems.append(f"log line {line[:160]!r} holds a reporter's moment {match.group(0)}")
    assert problems == [], "\n".join(problems)
    print(f"scanned {values} database values, {len(stamps)} stored paths, {len(lines)} log lines")  # noqa: T201
