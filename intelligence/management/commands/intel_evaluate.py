from typing import Any

from django.core.management.base import BaseCommand

from intelligence.evaluation import evaluate
from intelligence.fixtures.linking_set import HOLDOUT_PATH, JSON_PATH, load
from intelligence.linking import SUGGEST_THRESHOLD


class Command(BaseCommand):
    help = (
        "Run linking and duplicate grouping on the invented fixture set and print precision and recall. "
        "Targets (issue 5): linking precision >= 0.95 and recall >= 0.90."
    )

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument(
            "--set",
            choices=["development", "holdout", "both"],
            default="both",
            help="development: the set the algorithm was improved on; holdout: generated from another seed.",
        )
        parser.add_argument(
            "--threshold",
            type=float,
            default=SUGGEST_THRESHOLD,
            help="A suggestion counts at or above this confidence.",
        )
        parser.add_argument("--cold", action="store_true", help="Do not simulate an analyst confirming links.")
        parser.add_argument("--errors", action="store_true", help="List every wrong or missed link and group pair.")

    def handle(self, *args: Any, **options: Any) -> None:
        paths = {"development": [JSON_PATH], "holdout": [HOLDOUT_PATH], "both": [JSON_PATH, HOLDOUT_PATH]}
        for path in paths[options["set"]]:
            fixture = load(path)
            truth_links = sum(len(r.truth) for r in fixture.reports)
            mode = "cold (nothing learnt)" if options["cold"] else "analyst confirms true suggestions as they come"
            self.stdout.write(
                f"== {path.name}: {len(fixture.appeals)} appeals, {len(fixture.reports)} reports, {truth_links} true "
                f"links, {len({r.group for r in fixture.reports})} duplicate groups; threshold "
                f"{options['threshold']:.2f}; {mode}"
            )
            result = evaluate(fixture, threshold=options["threshold"], confirm=not options["cold"])
            link, group = result.linking, result.grouping
            self.stdout.write(
                f"linking:  precision {link.precision:.3f}  recall {link.recall:.3f}  "
                f"(tp {link.true_positives}, fp {link.false_positives}, fn {link.false_negatives})"
            )
            self.stdout.write(
                f"grouping: precision {group.precision:.3f}  recall {group.recall:.3f}  pairwise "
                f"(tp {group.true_positives}, fp {group.false_positives}, fn {group.false_negatives})"
            )
            if result.misses_by_style:
                misses = ", ".join(f"{k} {v}" for k, v in sorted(result.misses_by_style.items(), key=lambda kv: -kv[1]))
                self.stdout.write(f"missed links by how the report referred to the subject: {misses}")
            if options["errors"]:
                for line in [*result.link_errors, *result.group_errors]:
                    self.stdout.write("  " + line)
