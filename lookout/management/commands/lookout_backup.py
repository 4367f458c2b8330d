from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand

from lookout.backup import backup_write


class Command(BaseCommand):
    help = (
        "Write this service's database (every row) and stored files to a .tar.gz archive. Run with each "
        "service's settings. Sealed data stays sealed: keep the keys (LOOKOUT_CONTACT_PRIVATE_KEY) apart."
    )

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("--output", required=True, type=Path, help="Archive to write (.tar.gz).")

    def handle(self, *args: Any, **options: Any) -> None:
        manifest = backup_write(output=options["output"])
        self.stdout.write(
            f"Backup written to {options['output']}: {manifest['objects']} rows, {manifest['files']} files "
            f"({manifest['vendor']}, {len(manifest['migrations'])} migrations)."
        )
