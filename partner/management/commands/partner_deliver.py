import time
from typing import Any

from django.core.management.base import BaseCommand

from partner.services import outbox_deliver_due


class Command(BaseCommand):
    help = "Deliver every due, unacknowledged message to the partner service (a safety net for the worker)."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("--every", type=int, default=0, help="Repeat every N seconds (0: run once).")

    def handle(self, *args: Any, **options: Any) -> None:
        while True:
            delivered, pending = outbox_deliver_due()
            if delivered or pending or not options["every"]:
                self.stdout.write(f"Partner delivery: {delivered} delivered, {pending} still pending.")
            if not options["every"]:
                return
            time.sleep(options["every"])
