"""Enrich any report that was stored but not enriched (the queue was down, or it predates enrichment)."""

from intelligence.enrichment.pipeline import enrich_pending
from lookout.repeating import RepeatingCommand


class Command(RepeatingCommand):
    help = "Enrich, link and group reports that have not been. --every N repeats every N seconds."

    def run_once(self, *, repeating: bool) -> None:
        done = enrich_pending()
        if done:
            self.stdout.write(f"Enriched {done} report(s).")
