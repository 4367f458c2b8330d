from lookout.repeating import RepeatingCommand
from reporting.services import receipt_replay_expire


class Command(RepeatingCommand):
    help = (
        "Wipe the receipt codes kept for repeated posts once LOOKOUT_RECEIPT_REPLAY_SECONDS have passed. "
        "Run it from cron, or with --every N to keep running."
    )

    def run_once(self, *, repeating: bool) -> None:
        done = receipt_replay_expire()
        if done or not repeating:
            self.stdout.write(f"Wiped {done} expired receipt cop{'y' if done == 1 else 'ies'}.")
