"""Queue again any urgent alert still unsent (for example after a worker died mid-send)."""

from intelligence.alerts import alerts_redeliver
from lookout.repeating import RepeatingCommand


class Command(RepeatingCommand):
    help = "Queue again urgent desk alerts that are still unsent. --every N repeats every N seconds."

    def run_once(self, *, repeating: bool) -> None:
        due = alerts_redeliver()
        if due:
            self.stdout.write(f"Queued {len(due)} unsent alert(s) again.")
