"""Seal events the queued sequencer has not (the queue was down, or a worker died): the safety net."""

from audit.sequencer import audit_seal
from lookout.repeating import RepeatingCommand


class Command(RepeatingCommand):
    help = "Give audit events not yet sealed their place in the hash chain. --every N repeats every N seconds."

    def run_once(self, *, repeating: bool) -> None:
        done = audit_seal()
        if done or not repeating:
            self.stdout.write(f"Sealed {done} audit event(s).")
