from independent.retention import raw_retention_sweep
from lookout.repeating import RepeatingCommand


class Command(RepeatingCommand):
    help = (
        "Erase reporters' own words (and files) kept longer than INDEPENDENT_RAW_RETENTION_DAYS without being "
        "forwarded, and follow-up answers never sent (docs/adr/0031-charity-time-and-sealing.md)."
    )

    def run_once(self, *, repeating: bool) -> None:
        reports, answers = raw_retention_sweep()
        if reports or answers or not repeating:
            self.stdout.write(f"Retention: raw words erased from {reports} reports and {answers} answers.")
