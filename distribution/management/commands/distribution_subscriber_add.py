from typing import Any

from django.core.management.base import BaseCommand, CommandError

from distribution.models import SubscriberKind
from distribution.services import subscriber_add


class Command(BaseCommand):
    help = "Add (or update) a subscriber of published and withdrawn events; prints the public key to give them."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("--name", required=True)
        parser.add_argument("--kind", required=True, choices=SubscriberKind.values)
        parser.add_argument("--endpoint", default="", help="Where events are posted (not for the independent service).")
        parser.add_argument(
            "--key-id", default="", help="Which of our signing keys (LOOKOUT_DISTRIBUTION_SIGNING_KEYS)."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            subscriber = subscriber_add(
                name=options["name"], kind=options["kind"], endpoint_url=options["endpoint"], key_id=options["key_id"]
            )
        except ValueError as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(f"Subscriber {subscriber.name} ({subscriber.get_kind_display()}) is active.")
        if subscriber.public_key:
            self.stdout.write(subscriber.public_key)
