"""Fetch the police appeals list on a schedule (the only place the charity calls the police's public API),
so no member of the public's visit ever causes a call. docs/adr/0030-takedown-to-partners.md."""

from independent.police_api import appeals_refresh
from lookout.repeating import RepeatingCommand

# After a failed fetch (the police site down, or not up yet when the demo starts) try again sooner than the
# schedule, so the pages are not left saying "cannot show appeals" for a whole interval.
RETRY_SECONDS = 5


class Command(RepeatingCommand):
    help = "Fetch the police service's public appeals into the cache (--every N to repeat; 60 in the demo)."

    def run_once(self, *, repeating: bool) -> None:
        self.fetched = appeals_refresh()
        if not self.fetched or not repeating:
            message = "Appeals list fetched." if self.fetched else "Police appeals API unavailable; kept our copy."
            self.stdout.write(message)

    def wait_seconds(self, every: int) -> float:
        return every if self.fetched else min(every, RETRY_SECONDS)
