"""Backup and restore of the police service: after a restore every row of every table and every stored file
is as it was, sealed data is still sealed (in the archive too), the audit chain verifies and new rows follow
on (sequences restored). On SQLite and on PostgreSQL (the suite's two runs)."""

import gzip
import shutil
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth.models import Group
from django.core.management import CommandError, call_command

from accounts.roles import Role
from accounts.tests.factories import make_staff
from appeals.tests.factories import published
from audit.services import audit_verify_chain
from reporting.models import InformationReport
from reporting.tests.factories import clean_photo, submit

from .rows import every_file, every_row

pytestmark = pytest.mark.django_db(transaction=True)

CONTACT = {"name": "Alex Witness", "phone": "07700 900982", "email": "alex@example.org"}


def test_a_restore_gives_back_every_row_and_file(tmp_path: Path):
    # Links made and undone first, so the many-to-many rows' ids do not start at 1: a restore that made them
    # again (as loaddata does) would number them afresh.
    spare = Group.objects.create(name="spare")
    make_staff(Role.ANALYST).groups.add(spare)
    spare.delete()
    call_command("seed_demo", "--quiet-logins")
    submit(published(), contact=CONTACT, files=[clean_photo()])
    media = Path(settings.MEDIA_ROOT)
    rows, files = every_row(), every_file(media)
    assert sum(len(r) for r in rows.values()) > 500 and len(files) > 10
    archive = tmp_path / "police.tar.gz"

    call_command("lookout_backup", output=archive)
    raw = gzip.decompress(archive.read_bytes())
    assert b"Alex Witness" not in raw and b"07700 900982" not in raw  # sealed in the database, sealed here

    call_command("flush", interactive=False)  # the disaster: every row gone, and the files
    shutil.rmtree(media)
    assert every_row() != rows

    call_command("lookout_restore", str(archive), yes=True)
    assert every_row() == rows
    assert every_file(media) == files
    assert audit_verify_chain().ok
    submit(published(), contact=CONTACT)  # sequences follow on: no clash with restored keys
    assert InformationReport.objects.count() == len(rows["reporting_informationreport"]) + 1


def test_a_backup_from_other_migrations_is_refused(tmp_path: Path):
    archive = tmp_path / "police.tar.gz"
    call_command("lookout_backup", output=archive)
    call_command("migrate", "audit", "0001", verbosity=0)
    try:
        with pytest.raises(CommandError, match="not migrated to the backup's migrations"):
            call_command("lookout_restore", str(archive), yes=True)
    finally:
        call_command("migrate", verbosity=0)
