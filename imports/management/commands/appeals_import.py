from pathlib import Path
from typing import Any

from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied
from django.core.management.base import BaseCommand, CommandError, CommandParser

from accounts.models import Unit
from appeals.rules import RuleViolation
from imports.formats import FormatError
from imports.models import ImportSource
from imports.services import SKIPPED, ImportReport, appeals_import

MAX_FILE_BYTES = 20 * 1024 * 1024


class Command(BaseCommand):
    help = (
        "Import another agency's published records (the FBI Wanted API's list, or Interpol notices with their "
        "details) as draft appeals. Nothing is published: each draft needs the usual assessment and authorisation. "
        "Importing the same file again makes and changes nothing."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--format", required=True, choices=ImportSource.values, dest="source")
        parser.add_argument("file", type=Path)
        parser.add_argument("--author", required=True, help="username of the appeal author the drafts are for")
        parser.add_argument("--unit", help="code of the unit that will own the drafts (default: the author's)")
        parser.add_argument("--dry-run", action="store_true", help="report what would happen, change nothing")

    def handle(self, *args: Any, **options: Any) -> None:
        path: Path = options["file"]
        try:
            if path.stat().st_size > MAX_FILE_BYTES:
                raise CommandError(f"{path} is larger than {MAX_FILE_BYTES // (1024 * 1024)} MB.")
            content = path.read_bytes()
        except OSError as exc:
            raise CommandError(f"Cannot read {path}: {exc.strerror}.") from exc
        author = User.objects.filter(username=options["author"]).first()
        if author is None:
            raise CommandError(f"No staff account {options['author']!r}.")
        unit = None
        if options["unit"]:
            unit = Unit.objects.filter(code=options["unit"]).first()
            if unit is None:
                raise CommandError(f"No unit with code {options['unit']!r}.")
        try:
            report = appeals_import(
                actor=author, source=options["source"], content=content, unit=unit, dry_run=options["dry_run"]
            )
        except FormatError as exc:
            raise CommandError(str(exc)) from exc
        except PermissionDenied as exc:
            raise CommandError(f"{author.username} may not import appeals: {exc}") from exc
        except RuleViolation as exc:
            raise CommandError(f"{exc.message} (use --unit)") from exc
        self._write(report)

    def _write(self, report: ImportReport) -> None:
        for item in report.items:
            label = f"item {item.position}" + (f" ({item.external_id})" if item.external_id else "")
            line = f"{item.outcome.capitalize()}: {label}"
            if item.reference:
                line += f" -> {item.reference}"
            if item.outcome == SKIPPED:
                line += f": {item.reason}"
            self.stdout.write(line)
            for note in item.notes:
                self.stdout.write(f"    note: {note}")
        prefix = "Dry run, nothing changed. " if report.dry_run else ""
        self.stdout.write(prefix + report.summary)
