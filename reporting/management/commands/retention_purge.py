from lookout.repeating import RepeatingCommand
from lookout.retention import retention_purge


class Command(RepeatingCommand):
    help = (
        "Erase what has passed its retention period (LOOKOUT_RETENTION_*): closed reports, contact details, "
        "sealed originals, closed appeals' personal data. Run it from cron, or with --every to keep running."
    )

    def run_once(self, *, repeating: bool) -> None:
        done = retention_purge()
        summary = ", ".join(f"{count} {kind}" for kind, count in sorted(done.items())) or "nothing due"
        self.stdout.write(f"Retention purge: {summary}.")
