"""Queue again any urgent alert still unsent (for example after a worker died mid-send)."""

import time
from typing import Any

from django.core.management.base import BaseCommand

from intelligence.alerts import alerts_redeliver


class Command(BaseCommand):
    help = "Queue again urgent desk alerts that are still unsent. --every N repeats every N seconds."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("--every", type=int, default=0, help="Repeat every N seconds until interrupted.")

    def handle(self, *args: Any, **options: Any) -> None:
        while True:
            due = alerts_redeliver()
            if due:
                self.stdout.write(f"Queued {len(due)} unsent alert(s) again.")
            if not options["every"]:
                return
            time.sleep(options["every"])
