from typing import Any

from django.core.management.base import BaseCommand, CommandError

from audit.services import audit_verify_chain


class Command(BaseCommand):
    help = (
        "Check that the audit trail's hash chain is unbroken (no event altered, removed or reordered) and that "
        "no event has waited for the sequencer longer than AUDIT_UNSEALED_MAX_SECONDS."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        report = audit_verify_chain()
        if not report.intact:
            where = "the newest events were removed" if report.broken_at == -1 else f"event {report.broken_at}"
            raise CommandError(f"Audit chain broken at {where} after {report.checked} good events.")
        waiting = ""
        if report.unsealed:
            age = int(report.oldest_unsealed_age.total_seconds()) if report.oldest_unsealed_age else 0
            waiting = f"; {report.unsealed} not yet sealed, the oldest {age} s old"
        if report.stale:
            raise CommandError(
                f"Audit chain intact: {report.checked} events{waiting}, too long: is audit_seal running?"
            )
        self.stdout.write(f"Audit chain intact: {report.checked} events{waiting}.")
