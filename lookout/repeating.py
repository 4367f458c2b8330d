"""A management command that runs once, or with --every N keeps running every N seconds (the demo's sweeps and
safety nets: review sweep, partner delivery, desk alerts, enrichment). Cron can run the same command once."""

import time
from typing import Any

from django.core.management.base import BaseCommand


class RepeatingCommand(BaseCommand):
    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("--every", type=int, default=0, help="Repeat every N seconds (0: run once).")

    def run_once(self, *, repeating: bool) -> None:
        raise NotImplementedError

    def wait_seconds(self, every: int) -> float:
        """How long to sleep before the next run (a command may retry sooner after a failure)."""
        return every

    def handle(self, *args: Any, **options: Any) -> None:
        while True:
            self.run_once(repeating=bool(options["every"]))
            if not options["every"]:
                return
            time.sleep(self.wait_seconds(options["every"]))
