from appeals.services import appeals_review_sweep
from lookout.repeating import RepeatingCommand


class Command(RepeatingCommand):
    help = (
        "Flag published appeals whose review is due, and close as expired those not renewed within the grace "
        "period. Run it from cron, or with --every to keep running."
    )

    def run_once(self, *, repeating: bool) -> None:
        flagged, expired = appeals_review_sweep()
        for appeal in flagged:
            self.stdout.write(f"Review due: {appeal.reference}")
        for appeal in expired:
            self.stdout.write(f"Closed as expired: {appeal.reference}")
        self.stdout.write(f"Review sweep: {len(flagged)} flagged, {len(expired)} closed as expired.")
