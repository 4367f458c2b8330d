"""Backup and restore of the independent service's own database and files: after a restore every row of
every table and every stored file is as it was, and the audit chain verifies (SQLite and PostgreSQL)."""

import shutil
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command

from audit.services import audit_verify_chain
from independent import services
from reportkit.attachments import clean_attachment
from tests.reliability.rows import every_file, every_row

from .helpers import jpeg_with_gps, upload

pytestmark = pytest.mark.django_db(transaction=True)


def test_a_restore_gives_back_every_row_and_file(tmp_path: Path):
    call_command("seed_independent", "--quiet-logins")
    for details in ("He is at the Crown most nights.", "A silver Astra parks behind the launderette."):
        services.report_submit(
            nonce=services.new_nonce(),
            answers={"details": details},
            crime_category="drugs",
            files=[clean_attachment(upload(jpeg_with_gps()))],
        )
    media = Path(settings.MEDIA_ROOT)
    rows, files = every_row(), every_file(media)
    assert len(rows["independent_anonymousreport"]) == 2 and len(files) >= 2
    archive = tmp_path / "independent.tar.gz"

    call_command("lookout_backup", output=archive)
    call_command("flush", interactive=False)
    shutil.rmtree(media)
    call_command("lookout_restore", str(archive), yes=True)

    assert every_row() == rows
    assert every_file(media) == files
    assert audit_verify_chain().ok
