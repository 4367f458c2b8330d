"""Both services for real on loopback: each under gunicorn with its own database (SQLite files, or
PostgreSQL databases named after the suite's own when DATABASE_URL points at PostgreSQL), its own worker
(db_worker) and its own log files. Used by test_end_to_end.py."""

import contextlib
import http.cookiejar
import os
import re
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from partner.http_signatures import new_private_key_pem
from tests.device_probe import CLIENT_ADDRESS, FORWARDED_ADDRESS, REFERRER, USER_AGENT, cell_text

ROOT = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent
GUNICORN_CONF = ROOT / "deploy" / "gunicorn_conf.py"  # the demo's and production's: logs without addresses


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@dataclass
class Database:
    url: str
    sqlite_path: Path | None = None
    pg_name: str = ""

    def rows(self, sql: str, params: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
        if self.sqlite_path is not None:
            # Closed at once, not left to the garbage collector: a connection this process still holds loses its
            # POSIX locks when the same process opens and closes the file for any other reason (the device-data
            # scan reads every file), and then reads the database while a server checkpoints it ("database disk
            # image is malformed"; SQLite's "How To Corrupt" page, section 2.2).
            with contextlib.closing(sqlite3.connect(self.sqlite_path)) as conn:
                return conn.execute(sql, params).fetchall()
        import psycopg

        with psycopg.connect(self.url, autocommit=True) as conn:
            return conn.execute(sql.replace("?", "%s"), params).fetchall()  # type: ignore[arg-type]

    def tables(self) -> list[str]:
        if self.sqlite_path is not None:
            return [r[0] for r in self.rows("SELECT name FROM sqlite_master WHERE type='table'")]
        return [r[0] for r in self.rows("SELECT tablename FROM pg_tables WHERE schemaname='public'")]

    def dump(self) -> str:
        """Every value in every table, binary columns included."""
        parts = []
        for table in self.tables():
            for row in self.rows(f'SELECT * FROM "{table}"'):  # noqa: S608 - names from the catalogue
                parts.extend(cell_text(value) for value in row)
        return "\n".join(parts)


def make_databases(tmp: Path) -> tuple[Database, Database, Callable[[], None]]:
    base_url = os.environ.get("DATABASE_URL", "")
    if not base_url.startswith("postgres"):
        police, indep = tmp / "police.sqlite3", tmp / "independent.sqlite3"
        return (
            Database(f"sqlite:///{police}", sqlite_path=police),
            Database(f"sqlite:///{indep}", sqlite_path=indep),
            lambda: None,
        )
    import psycopg

    parsed = urllib.parse.urlsplit(base_url)
    stem = parsed.path.lstrip("/") or "lookout"
    names = [f"{stem}_e2e_police", f"{stem}_e2e_independent"]
    admin = parsed._replace(path="/postgres").geturl()

    def drop() -> None:
        with psycopg.connect(admin, autocommit=True) as conn:
            for name in names:
                conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    drop()
    with psycopg.connect(admin, autocommit=True) as conn:
        for name in names:
            conn.execute(f'CREATE DATABASE "{name}"')
    urls = [parsed._replace(path=f"/{name}").geturl() for name in names]
    return Database(urls[0], pg_name=names[0]), Database(urls[1], pg_name=names[1]), drop


@dataclass
class Service:
    name: str
    port: int
    env: dict[str, str]
    logs: Path
    wsgi: str
    processes: dict[str, subprocess.Popen[bytes]] = field(default_factory=dict)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def manage(self, *args: str) -> None:
        result = subprocess.run(
            [sys.executable, "manage.py", *args], cwd=ROOT, env=self.env, capture_output=True, check=False
        )
        assert result.returncode == 0, (args, result.stderr.decode()[-3000:])

    def _spawn(self, key: str, argv: list[str]) -> None:
        out = (self.logs / f"{self.name}-{key}.log").open("ab")
        self.processes[key] = subprocess.Popen(argv, cwd=ROOT, env=self.env, stdout=out, stderr=subprocess.STDOUT)

    def start_web(self) -> None:
        self._spawn(
            "web",
            [
                str(BIN / "gunicorn"),
                self.wsgi,
                "--bind",
                f"127.0.0.1:{self.port}",
                "--workers",
                "1",
                "--threads",
                "4",
                "--config",
                str(GUNICORN_CONF),
                "--access-logfile",
                str(self.logs / f"{self.name}-access.log"),
            ],
        )
        # Ready when a worker has loaded the app and answers (the port is bound before the workers boot, and
        # on a loaded machine the first answer can take many seconds).
        deadline = time.monotonic() + 90
        while time.monotonic() < deadline:
            try:
                with urllib.request.urlopen(f"{self.url}/static/lookout/favicon.svg", timeout=30):  # noqa: S310
                    return
            except urllib.error.HTTPError:
                return
            except OSError:
                time.sleep(0.3)
        raise RuntimeError(f"{self.name} did not start")

    def stop_web(self) -> None:
        process = self.processes.pop("web")
        process.terminate()
        process.wait(timeout=20)

    def start_worker(self) -> None:
        self._spawn("worker", [sys.executable, "manage.py", "db_worker", "--interval", "0.5", "--no-reload"])

    def start_command(self, key: str, *args: str) -> None:
        """A repeating management command (`--every N`), as the demo runs it; stopped with the others."""
        self._spawn(key, [sys.executable, "manage.py", *args])

    def stop_all(self) -> None:
        for process in self.processes.values():
            if process.poll() is None:
                process.terminate()
        for process in self.processes.values():
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                process.kill()
        self.processes.clear()


class Browser:
    """A person's browser over HTTP, with its cookies; the public one sends distinctive device headers."""

    def __init__(self, *, device_headers: bool = False) -> None:
        self.jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.jar))
        self.headers: dict[str, str] = {}
        if device_headers:
            self.headers = {
                "User-Agent": USER_AGENT,
                "X-Forwarded-For": FORWARDED_ADDRESS,
                "X-Real-IP": CLIENT_ADDRESS,
                "Forwarded": f"for={FORWARDED_ADDRESS}",
                "Referer": REFERRER,
            }
        self.last_set_cookie: list[str] = []

    def _open(self, request: urllib.request.Request) -> tuple[int, str]:
        for key, value in self.headers.items():
            request.add_header(key, value)
        try:
            with self.opener.open(request, timeout=30) as response:
                self.last_set_cookie = response.headers.get_all("Set-Cookie") or []
                return response.status, response.read().decode()
        except urllib.error.HTTPError as exc:
            return exc.code, exc.read().decode()

    def sign_in(self, login_url: str, username: str, password: str) -> None:
        login = self.get(login_url)
        self.post(
            login_url,
            {
                "csrfmiddlewaretoken": field_value(login, "csrfmiddlewaretoken"),
                "username": username,
                "password": password,
            },
        )

    def fetch(self, url: str) -> tuple[int, str]:
        """Any answer, with its status (get() insists on 200)."""
        return self._open(urllib.request.Request(url))  # noqa: S310 - loopback test servers

    def get(self, url: str) -> str:
        status, body = self._open(urllib.request.Request(url))  # noqa: S310 - loopback test servers
        assert status == 200, (url, status, body[:2000])
        return body

    def post(
        self,
        url: str,
        fields: dict[str, Any],
        *,
        files: dict[str, tuple[str, bytes, str]] | None = None,
        headers: dict[str, str] | None = None,
        expect: int = 200,
    ) -> str:
        boundary = uuid.uuid4().hex
        chunks: list[bytes] = []
        for name, value in fields.items():
            for item in value if isinstance(value, list) else [value]:
                chunks.append(
                    f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n{item}\r\n'.encode()
                )
        for name, (filename, data, content_type) in (files or {}).items():
            chunks.append(
                f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"; filename="{filename}"\r\n'
                f"Content-Type: {content_type}\r\n\r\n".encode()
                + data
                + b"\r\n"
            )
        chunks.append(f"--{boundary}--\r\n".encode())
        request = urllib.request.Request(url, data=b"".join(chunks), method="POST")  # noqa: S310
        request.add_header("Content-Type", f"multipart/form-data; boundary={boundary}")
        for key, value in (headers or {}).items():
            request.add_header(key, value)
        status, body = self._open(request)
        assert status == expect, (url, status, body[:3000])
        return body


def field_value(page: str, name: str) -> str:
    match = re.search(rf'name="{re.escape(name)}"[^>]*value="([^"]*)"', page) or re.search(
        rf'value="([^"]*)"[^>]*name="{re.escape(name)}"', page
    )
    assert match, f"no field {name}"
    return match.group(1)


def wait_for(check: Callable[[], Any], *, timeout: float = 60, what: str = "") -> Any:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        result = check()
        if result:
            return result
        time.sleep(0.3)
    raise AssertionError(f"timed out waiting for {what}")


def time_until_gone(
    browser: Browser, urls: list[str], needles: list[str], *, started: float, timeout: float = 30
) -> float:
    """Poll every page until none shows any needle: seconds since `started` (a time.monotonic() reading),
    or AssertionError past the timeout."""
    while time.monotonic() - started < timeout:
        if not any(needle in browser.fetch(url)[1] for url in urls for needle in needles):
            return time.monotonic() - started
        time.sleep(0.01)
    raise AssertionError(f"still shown after {timeout} s: {needles}")


Running = tuple[Service, Service, Database, Database, Path]


def production_profile(tmp_path: Path) -> tuple[dict[str, str], dict[str, str]]:
    """Both services' production settings with test secrets, over plain HTTP on loopback, static files
    collected (hashed and compressed) into folders of their own."""
    import base64

    partner_key = "e2e-partner-" + "p" * 40
    police = {
        "DJANGO_SETTINGS_MODULE": "lookout.settings.production",
        "SECRET_KEY": "e2e-police-" + "s" * 60,
        "ALLOWED_HOSTS": "127.0.0.1",
        "LOOKOUT_PARTNER_KEY": partner_key,
        "LOOKOUT_RECEIPT_KEY": "e2e-receipt-" + "r" * 40,
        "LOOKOUT_FORM_TOKEN_KEY": "e2e-form-" + "f" * 40,
        "LOOKOUT_CONTACT_PRIVATE_KEY": base64.b64encode(b"e2e-contact-key-".ljust(32, b"c")).decode(),
        "LOOKOUT_DISTRIBUTION_SIGNING_KEY": new_private_key_pem(),
        "SECURE_SSL_REDIRECT": "false",
        "LOOKOUT_STATIC_ROOT": str(tmp_path / "police-static"),
        "EMAIL_BACKEND": "django.core.mail.backends.locmem.EmailBackend",
    }
    independent = {
        "DJANGO_SETTINGS_MODULE": "lookout.settings.independent_production",
        "INDEPENDENT_SECRET_KEY": "e2e-independent-" + "s" * 60,
        "INDEPENDENT_ALLOWED_HOSTS": "127.0.0.1",
        "INDEPENDENT_RECEIPT_KEY": "e2e-receipt-" + "i" * 40,
        "INDEPENDENT_FORM_TOKEN_KEY": "e2e-form-" + "f" * 40,
        "LOOKOUT_PARTNER_KEY": partner_key,
        "INDEPENDENT_SEAL_PRIVATE_KEY": base64.b64encode(b"e2e-seal-key-".ljust(32, b"k")).decode(),
        "SECURE_SSL_REDIRECT": "false",
        "LOOKOUT_STATIC_ROOT": str(tmp_path / "independent-static"),
        "EMAIL_BACKEND": "django.core.mail.backends.locmem.EmailBackend",
    }
    return police, independent


@contextlib.contextmanager
def run_both(tmp_path: Path, *, production: bool = False, env: dict[str, str] | None = None) -> Iterator[Running]:
    """Both services migrated, seeded and serving (web and worker), stopped and their databases dropped after.
    `production`: under their production settings (PostgreSQL only: production refuses SQLite)."""
    police_db, indep_db, drop = make_databases(tmp_path)
    logs = tmp_path / "logs"
    logs.mkdir()
    ports = {"police": free_port(), "independent": free_port()}
    base_env = {k: v for k, v in os.environ.items() if k not in {"DJANGO_SETTINGS_MODULE", "REDIS_URL", "DATABASE_URL"}}
    base_env |= {"PYTHONUNBUFFERED": "1", "LOOKOUT_PARTNER_RETRY_SECONDS": "1", "DEBUG": "false", **(env or {})}

    def service_for(name: str, wsgi: str, settings: str, **own: str) -> Service:
        own = {"DJANGO_SETTINGS_MODULE": settings, "LOOKOUT_VAR_DIR": str(tmp_path / f"{name}-var"), **own}
        return Service(name=name, port=ports[name], logs=logs, wsgi=wsgi, env=base_env | own)

    police = service_for(
        "police",
        "lookout.wsgi:application",
        "lookout.settings.local",
        DATABASE_URL=police_db.url,
        LOOKOUT_INDEPENDENT_URL=f"http://127.0.0.1:{ports['independent']}",
        # Where the public reaches it: the distribution ledger's takedown check fetches every surface here.
        LOOKOUT_PUBLIC_BASE_URL=f"http://127.0.0.1:{ports['police']}",
    )
    independent = service_for(
        "independent",
        "independent.wsgi:application",
        "lookout.settings.independent",
        INDEPENDENT_DATABASE_URL=indep_db.url,
        LOOKOUT_POLICE_API_URL=f"http://127.0.0.1:{ports['police']}",
        LOOKOUT_APPEALS_FRESH_SECONDS="1",
    )
    if production:
        police_prod, independent_prod = production_profile(tmp_path)
        police.env |= police_prod
        independent.env |= independent_prod
    try:
        for service in (police, independent):
            if production:  # first: the URL checks that migrate runs need the manifest of hashed names
                service.manage("collectstatic", "--noinput")
            service.manage("migrate", "--noinput")
        police.manage("seed_demo", "--quiet-logins")
        independent.manage("seed_independent", "--quiet-logins")
        for service in (police, independent):
            service.start_web()
            service.start_worker()
        # The charity fetches the appeals list on a schedule only, as in the demo (ADR 0030).
        independent.start_command("refresh", "independent_appeals_refresh", "--every", "60")
        wait_for(lambda: "Darren Kellow" in Browser().get(independent.url + "/"), what="the charity's appeals list")
        yield police, independent, police_db, indep_db, tmp_path
    finally:
        police.stop_all()
        independent.stop_all()
        drop()
