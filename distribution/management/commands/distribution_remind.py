from datetime import timedelta
from typing import Any

from distribution.services import copies_remind
from lookout.repeating import RepeatingCommand


class Command(RepeatingCommand):
    help = "Remind officers of copies of closed appeals they have not ticked as removed (each at most daily)."

    def add_arguments(self, parser: Any) -> None:
        super().add_arguments(parser)
        parser.add_argument("--hours", type=int, default=24, help="Remind each officer at most once per N hours.")

    def handle(self, *args: Any, **options: Any) -> None:
        self.hours = options["hours"]
        super().handle(*args, **options)

    def run_once(self, *, repeating: bool) -> None:
        reminded = copies_remind(every=timedelta(hours=self.hours))
        if reminded or not repeating:
            self.stdout.write(f"Copies to take down: {reminded} officers reminded.")
