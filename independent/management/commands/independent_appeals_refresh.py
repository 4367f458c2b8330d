"""Fetch the police appeals list on a schedule (the only place the charity calls the police's public API),
so no member of the public's visit ever causes a call. docs/adr/0030-takedown-to-partners.md."""

from independent.police_api import appeals_refresh
from lookout.repeating import RepeatingCommand


class Command(RepeatingCommand):
    help = "Fetch the police service's public appeals into the cache (--every N to repeat; 60 in the demo)."

    def run_once(self, *, repeating: bool) -> None:
        fetched = appeals_refresh()
        if not fetched or not repeating:
            self.stdout.write("Appeals list fetched." if fetched else "Police appeals API unavailable; kept our copy.")
