"""Enrich any report that was stored but not enriched (the queue was down, or it predates enrichment)."""

import time
from typing import Any

from django.core.management.base import BaseCommand

from intelligence.enrichment import enrich_pending


class Command(BaseCommand):
    help = "Enrich, link and group reports that have not been. --every N repeats every N seconds."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("--every", type=int, default=0, help="Repeat every N seconds until interrupted.")

    def handle(self, *args: Any, **options: Any) -> None:
        while True:
            done = enrich_pending()
            if done:
                self.stdout.write(f"Enriched {done} report(s).")
            if not options["every"]:
                return
            time.sleep(options["every"])
