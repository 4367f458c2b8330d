from typing import Any

from django.core.management.base import BaseCommand, CommandError

from audit.services import audit_verify_chain


class Command(BaseCommand):
    help = "Check that the audit trail's hash chain is unbroken (no event altered, removed or reordered)."

    def handle(self, *args: Any, **options: Any) -> None:
        report = audit_verify_chain()
        if not report.ok:
            where = "the newest events were removed" if report.broken_at == -1 else f"event {report.broken_at}"
            raise CommandError(f"Audit chain broken at {where} after {report.checked} good events.")
        self.stdout.write(f"Audit chain intact: {report.checked} events.")
