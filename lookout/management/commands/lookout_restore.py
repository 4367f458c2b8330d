from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError

from lookout.backup import BackupError, backup_restore


class Command(BaseCommand):
    help = (
        "Replace ALL of this service's data and stored files with a lookout_backup archive. The database must be "
        "migrated to the backup's migrations (run migrate first). Asks for confirmation unless --yes."
    )

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("archive", type=Path)
        parser.add_argument("--yes", action="store_true", help="Do not ask: replace everything.")

    def handle(self, *args: Any, **options: Any) -> None:
        if not options["yes"]:
            answer = input("This replaces every row and file of this service. Type 'restore' to go on: ")
            if answer.strip() != "restore":
                raise CommandError("Not restored.")
        try:
            manifest = backup_restore(archive_path=options["archive"])
        except (BackupError, OSError) as error:
            raise CommandError(f"Not restored: {error}") from error
        self.stdout.write(f"Restored {manifest['objects']} rows and {manifest['files']} files.")
