"""The database fails in the middle of a submission: the public gets 503 "Not sent, please try again", and
nothing of the report is kept (no row, no file, no audit event); sent again once the database is back, it is
stored once. Both public forms: the police service's confidential report and the charity's anonymous one.

For real: each service under gunicorn on a database of the test's own. On PostgreSQL through a TCP proxy that
drops the connection right after the audit event's INSERT (report, receipt, contact details and file rows
already written inside the open transaction, the files already on disk); on SQLite another process holds the
write lock, as a backup or a migration would, past the service's 20 s busy timeout."""

import sqlite3
import urllib.parse
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from independent.tests.e2e import Browser, Database, Service, field_value, free_port
from reporting.tests.factories import jpeg_with_gps

from .servers import CuttingProxy, manage, own_database, police_env

pytestmark = pytest.mark.e2e

SAME_ORIGIN = {"Sec-Fetch-Site": "same-origin"}
DETAILS = "Someone is dealing from the blue van behind the Crown every Friday night."


@dataclass(frozen=True)
class Form:
    settings: str
    database_variable: str
    wsgi: str
    tables: tuple[str, ...]
    received: str  # the audit action of a stored report
    media: str
    files_per_upload: int
    fields: dict[str, str]
    tokens: tuple[str, ...]


FORMS = {
    "police": Form(
        settings="lookout.settings.base",
        database_variable="DATABASE_URL",
        wsgi="lookout.wsgi:application",
        tables=("reporting_informationreport", "reporting_receipt", "reporting_contactdetails", "reporting_attachment"),
        received="report.received",
        media="media",
        files_per_upload=2,  # the cleaned copy and the sealed original
        fields={"crime_category": "drugs", "details": DETAILS, "contact_name": "Alex Witness"},
        tokens=("token",),  # the public forms carry a signed token, no CSRF cookie (reportkit.formtoken)
    ),
    "charity": Form(
        settings="lookout.settings.independent",
        database_variable="INDEPENDENT_DATABASE_URL",
        wsgi="independent.wsgi:application",
        tables=("independent_anonymousreport", "independent_cleanfile"),
        received="anonymous_report.received",
        media="independent-media",
        files_per_upload=1,  # anonymous uploads keep no original
        fields={"crime_category": "drugs", "details": DETAILS},
        tokens=("form_token",),
    ),
}


def stored(database: Database, form: Form) -> list[int]:
    counts = [database.rows(f"SELECT COUNT(*) FROM {t}")[0][0] for t in form.tables]  # noqa: S608 - fixed names
    events = "SELECT COUNT(*) FROM audit_auditevent WHERE action = ?"
    return [*counts, database.rows(events, (form.received,))[0][0]]


def files(folder: Path) -> list[Path]:
    return [p for p in folder.rglob("*") if p.is_file()] if folder.exists() else []


@pytest.fixture(params=sorted(FORMS))
def service(request, tmp_path: Path) -> Iterator[tuple[Form, Service, Database, CuttingProxy | None]]:
    form = FORMS[request.param]
    with own_database(tmp_path, f"faults_db_{request.param}") as database:
        env = police_env(database, tmp_path, DJANGO_SETTINGS_MODULE=form.settings)
        env[form.database_variable] = database.url
        env["LOOKOUT_POLICE_API_URL"] = f"http://127.0.0.1:{free_port()}"  # the charity's appeals: not needed
        manage(env, "migrate", "--noinput")
        proxy = None
        if database.sqlite_path is None:
            parsed = urllib.parse.urlsplit(database.url)
            proxy = CuttingProxy((parsed.hostname or "127.0.0.1", parsed.port or 5432))
            env[form.database_variable] = parsed._replace(netloc=f"{parsed.username}@127.0.0.1:{proxy.port}").geturl()
        logs = tmp_path / "logs"
        logs.mkdir()
        web = Service(name=request.param, port=free_port(), env=env, logs=logs, wsgi=form.wsgi)
        try:
            web.start_web()
            yield form, web, database, proxy
        finally:
            web.stop_all()
            if proxy is not None:
                proxy.close()


def test_a_report_cut_off_mid_submission_is_not_sent_and_leaves_nothing(service, tmp_path: Path):
    form, web, database, proxy = service
    public = Browser()
    page = public.get(web.url + "/report/form/")
    fields = form.fields | {name: field_value(page, name) for name in form.tokens}
    photo = {"attachments": ("IMG_0001.jpg", jpeg_with_gps(), "image/jpeg")}
    media = tmp_path / "var" / form.media

    def send(expect: int) -> str:
        return public.post(web.url + "/report/form/", fields, files=photo, headers=SAME_ORIGIN, expect=expect)

    if proxy is not None:
        proxy.cut_after = b'INSERT INTO "audit_auditevent"'
        answer = send(503)
        assert proxy.cuts == 1
        proxy.cut_after = None
    else:
        assert database.sqlite_path is not None
        holder = sqlite3.connect(database.sqlite_path, isolation_level=None)
        holder.execute("BEGIN IMMEDIATE")
        try:
            answer = send(503)
        finally:
            holder.execute("ROLLBACK")
            holder.close()

    assert "Not sent, please try again" in answer and "nothing of it was kept" in answer
    assert "Traceback" not in answer and "receipt-code" not in answer
    assert stored(database, form) == [0] * (len(form.tables) + 1)
    assert files(media) == []

    # The database is back: the same form, sent again, is received once.
    assert 'id="receipt-code"' in send(200)
    assert stored(database, form) == [1] * (len(form.tables) + 1)
    assert len(files(media)) == form.files_per_upload
