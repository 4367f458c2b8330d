"""Backup and restore of a service's whole state, for either service (run with its settings) on SQLite or
PostgreSQL: every row of every model (Django's JSON serialisation, binary columns as base64, so sealed contact
details and originals stay sealed: the archive holds only what the database holds) and every stored file.

The archive (`.tar.gz`): `manifest.json` (format, service, database vendor, applied migrations, counts),
`data.lookoutjson` (Django's JSON, datetimes to the microsecond), and `media/...`. A restore needs a database
migrated to the same migrations; it replaces all data in one transaction, then the files. The audit chain is
restored as it was, so `audit_verify` still passes."""

import io
import json
import shutil
import tarfile
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from django.apps import apps
from django.conf import settings
from django.core import serializers
from django.core.management import call_command
from django.db import connection, transaction
from django.db.migrations.recorder import MigrationRecorder
from django.db.models import Model

FORMAT = "lookout-backup/1"
# Registered here, not in settings: only backups use it (lookout/backup_serializer.py says why).
SERIALIZER = "lookoutjson"
serializers.register_serializer(SERIALIZER, "lookout.backup_serializer")


class BackupError(Exception):
    """The archive cannot be restored here (wrong format, other migrations, damaged)."""


def applied_migrations() -> list[str]:
    return sorted(f"{app}.{name}" for app, name in MigrationRecorder(connection).applied_migrations())


def _snapshot_transaction() -> None:
    # PostgreSQL: every table read from one snapshot, so the backup is consistent while the service runs.
    # SQLite: the transaction itself is the snapshot (it holds the write lock while the backup is taken).
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY")


def _every_object() -> Iterator[Model]:
    """Every row of every table Django manages, many-to-many through tables included (dumpdata leaves them out
    and re-creates their rows with new ids). Order does not matter: foreign keys are checked at commit."""
    for app_config in apps.get_app_configs():
        for model in app_config.get_models(include_auto_created=True):
            if model._meta.managed and not model._meta.proxy:
                yield from model._base_manager.order_by("pk").iterator(chunk_size=2000)


def _add_bytes(archive: tarfile.TarFile, name: str, data: bytes) -> None:
    info = tarfile.TarInfo(name)
    info.size = len(data)
    archive.addfile(info, io.BytesIO(data))


def backup_write(*, output: Path) -> dict[str, Any]:
    """Write the archive; returns its manifest."""
    media = Path(settings.MEDIA_ROOT)
    with tempfile.TemporaryDirectory() as scratch:
        data = Path(scratch) / f"data.{SERIALIZER}"
        with transaction.atomic():
            _snapshot_transaction()
            with data.open("w") as stream:
                serializers.serialize(SERIALIZER, _every_object(), stream=stream)
            migrations = applied_migrations()
            files = sorted(p for p in media.rglob("*") if p.is_file()) if media.exists() else []
            manifest = {
                "format": FORMAT,
                "settings": settings.SETTINGS_MODULE,
                "vendor": connection.vendor,
                "migrations": migrations,
                "objects": len(json.loads(data.read_text())),
                "files": len(files),
            }
            output.parent.mkdir(parents=True, exist_ok=True)
            with tarfile.open(output, "w:gz") as archive:
                _add_bytes(archive, "manifest.json", json.dumps(manifest, indent=1).encode())
                archive.add(data, data.name)
                for path in files:
                    archive.add(path, f"media/{path.relative_to(media).as_posix()}")
    return manifest


def _safe_members(archive: tarfile.TarFile) -> list[tarfile.TarInfo]:
    members = archive.getmembers()
    for member in members:
        if not (member.isfile() or member.isdir()) or member.name.startswith("/") or ".." in member.name.split("/"):
            raise BackupError(f"unexpected entry in the archive: {member.name!r}")
    return members


def backup_restore(*, archive_path: Path) -> dict[str, Any]:
    """Replace this database's data and this service's files with the archive's; returns its manifest."""
    media = Path(settings.MEDIA_ROOT)
    with tarfile.open(archive_path, "r:gz") as archive, tempfile.TemporaryDirectory() as scratch:
        _safe_members(archive)
        archive.extractall(scratch, filter="data")
        root = Path(scratch)
        try:
            manifest = json.loads((root / "manifest.json").read_text())
        except (OSError, ValueError) as error:
            raise BackupError("not a Lookout backup: no readable manifest.json") from error
        if manifest.get("format") != FORMAT:
            raise BackupError(f"unknown backup format {manifest.get('format')!r}")
        if manifest["migrations"] != applied_migrations():
            raise BackupError("the database is not migrated to the backup's migrations: run migrate to match first")
        with transaction.atomic():
            # Flush without post-migrate: the backup brings its own content types and permissions.
            call_command("flush", interactive=False, inhibit_post_migrate=True, verbosity=0)
            call_command("loaddata", str(root / f"data.{SERIALIZER}"), verbosity=0)
        if media.exists():
            shutil.rmtree(media)
        if (root / "media").exists():
            shutil.copytree(root / "media", media)
        else:
            media.mkdir(parents=True, exist_ok=True)
    return manifest
