"""Demo data for the independent service: its operators (the charity's staff). Safe to run twice."""

from typing import Any

from django.contrib.auth.models import Group, User
from django.core.management.base import BaseCommand

from independent.services import OPERATOR_GROUP

DEMO_PASSWORD = "speakup-demo-2026"  # noqa: S105 - printed on purpose: demo accounts only
OPERATORS = [("olu.operator", "Olu", "Operator"), ("pat.operator", "Pat", "Operator")]


class Command(BaseCommand):
    help = "Create the independent service's demo operators (and print their log-ins)."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("--quiet-logins", action="store_true", help="Do not print the demo log-ins.")

    def handle(self, *args: Any, **options: Any) -> None:
        group, _ = Group.objects.get_or_create(name=OPERATOR_GROUP)
        for username, first, last in OPERATORS:
            user, created = User.objects.get_or_create(
                username=username, defaults={"first_name": first, "last_name": last}
            )
            if created:
                user.set_password(DEMO_PASSWORD)
                user.save()
            user.groups.add(group)
        if not options["quiet_logins"]:
            self.stdout.write(f"\nSpeak Up Safely operator log-ins (password for all: {DEMO_PASSWORD})")
            for username, _first, _last in OPERATORS:
                self.stdout.write(f"  {username:<20} operator  /operators/")
            self.stdout.write("")
