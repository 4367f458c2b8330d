"""`manage.py catalogues update`: bring locale/*/django.po up to date with the strings marked in the code.
`manage.py catalogues check`: fail when a marked string is missing from a catalogue or has no translation."""

from typing import Any

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError, CommandParser

from lookout.catalogues import MAKEMESSAGES_ARGS, TRANSLATED, missing_from_catalogues, untranslated


class Command(BaseCommand):
    help = "Update or check the public pages' translation catalogues (locale/)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("action", choices=["update", "check"])

    def handle(self, *args: Any, **options: Any) -> None:
        if options["action"] == "update":
            call_command("makemessages", *MAKEMESSAGES_ARGS)
            self.stdout.write("Updated. Translate every new or fuzzy entry, then run `catalogues check`.")
            return
        problems = [
            f"{lang}: not in the catalogue: {msgid}" for lang, ids in missing_from_catalogues().items() for msgid in ids
        ]
        problems += [f"{lang}: not translated: {msgid}" for lang in TRANSLATED for msgid in untranslated(lang)]
        if problems:
            raise CommandError("\n".join(problems))
        self.stdout.write("Every public string is in each catalogue, translated.")
