"""Real processes for the fault tests: a database of the test's own (an SQLite file, or a PostgreSQL database
named after the suite's when DATABASE_URL points at PostgreSQL), manage.py commands and long-running
processes in its environment, all stopped by the test."""

import contextlib
import os
import socket
import subprocess
import sys
import threading
import urllib.parse
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from independent.tests.e2e import ROOT, Database


@contextmanager
def own_database(tmp: Path, suffix: str) -> Iterator[Database]:
    base_url = os.environ.get("DATABASE_URL", "")
    if not base_url.startswith("postgres"):
        path = tmp / f"{suffix}.sqlite3"
        yield Database(f"sqlite:///{path}", sqlite_path=path)
        return
    import psycopg

    parsed = urllib.parse.urlsplit(base_url)
    name = f"{parsed.path.lstrip('/') or 'lookout'}_{suffix}"
    admin = parsed._replace(path="/postgres").geturl()
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{name}"')
    try:
        yield Database(parsed._replace(path=f"/{name}").geturl(), pg_name=name)
    finally:
        with psycopg.connect(admin, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def police_env(database: Database, tmp: Path, **extra: str) -> dict[str, str]:
    """The police service's base settings (DEBUG off, as in production; local.py forces it on)."""
    env = {k: v for k, v in os.environ.items() if k not in {"DJANGO_SETTINGS_MODULE", "REDIS_URL", "DATABASE_URL"}}
    (tmp / "var").mkdir(exist_ok=True)
    return env | {
        "PYTHONUNBUFFERED": "1",
        "DEBUG": "false",
        "DJANGO_SETTINGS_MODULE": "lookout.settings.base",
        "DATABASE_URL": database.url,
        "LOOKOUT_VAR_DIR": str(tmp / "var"),
        **extra,
    }


def manage(env: dict[str, str], *args: str) -> str:
    done = subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=env, check=True, capture_output=True, text=True
    )
    return done.stdout


def spawn(env: dict[str, str], log: Path, *args: str) -> subprocess.Popen[bytes]:
    return subprocess.Popen(  # noqa: S603 - fixed argument lists
        [sys.executable, "manage.py", *args], cwd=ROOT, env=env, stdout=log.open("ab"), stderr=subprocess.STDOUT
    )


def stop(process: subprocess.Popen[bytes]) -> None:
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


class CuttingProxy:
    """A TCP proxy in front of PostgreSQL that, once armed, forwards the client's packet containing `cut_after`
    and then drops both sides of that connection, as a network failure or a database crash would, in the
    middle of the transaction."""

    def __init__(self, upstream: tuple[str, int]) -> None:
        self.upstream = upstream
        self.cut_after: bytes | None = None
        self.cuts = 0
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.port = self.listener.getsockname()[1]
        self._stop = threading.Event()
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self) -> None:
        self.listener.settimeout(0.2)
        while not self._stop.is_set():
            try:
                client, _ = self.listener.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            server = socket.create_connection(self.upstream)
            threading.Thread(target=self._pipe, args=(client, server, True), daemon=True).start()
            threading.Thread(target=self._pipe, args=(server, client, False), daemon=True).start()

    def _pipe(self, source: socket.socket, sink: socket.socket, from_client: bool) -> None:
        try:
            while data := source.recv(65536):
                sink.sendall(data)
                if from_client and self.cut_after is not None and self.cut_after in data:
                    self.cuts += 1
                    break
        except OSError:
            pass
        for side in (source, sink):
            with contextlib.suppress(OSError):
                side.shutdown(socket.SHUT_RDWR)
            side.close()

    def close(self) -> None:
        self._stop.set()
        self.listener.close()
