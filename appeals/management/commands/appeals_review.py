import time
from typing import Any

from django.core.management.base import BaseCommand

from appeals.services import appeals_review_sweep


class Command(BaseCommand):
    help = (
        "Flag published appeals whose review is due, and close as expired those not renewed within the grace "
        "period. Run it from cron, or with --every to keep running."
    )

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("--every", type=int, default=0, help="Repeat every N seconds (0: run once).")

    def handle(self, *args: Any, **options: Any) -> None:
        while True:
            flagged, expired = appeals_review_sweep()
            for appeal in flagged:
                self.stdout.write(f"Review due: {appeal.reference}")
            for appeal in expired:
                self.stdout.write(f"Closed as expired: {appeal.reference}")
            self.stdout.write(f"Review sweep: {len(flagged)} flagged, {len(expired)} closed as expired.")
            if not options["every"]:
                return
            time.sleep(options["every"])
