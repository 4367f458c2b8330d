from lookout.repeating import RepeatingCommand
from partner.services import outbox_deliver_due


class Command(RepeatingCommand):
    help = "Deliver every due, unacknowledged message to the partner service (a safety net for the worker)."

    def run_once(self, *, repeating: bool) -> None:
        delivered, pending = outbox_deliver_due()
        if delivered or pending or not repeating:
            self.stdout.write(f"Partner delivery: {delivered} delivered, {pending} still pending.")
