from distribution.services import takedowns_verify_due
from lookout.repeating import RepeatingCommand


class Command(RepeatingCommand):
    help = "Check again every takedown still waiting on a surface or subscriber (a safety net for the worker)."

    def run_once(self, *, repeating: bool) -> None:
        confirmed, waiting = takedowns_verify_due()
        if confirmed or waiting or not repeating:
            self.stdout.write(f"Takedowns: {confirmed} fully confirmed, {waiting} still waiting.")
