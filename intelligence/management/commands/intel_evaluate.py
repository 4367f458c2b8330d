import json
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError

from intelligence.fixtures.linking_set import HOLDOUT_PATH, JSON_PATH, load
from intelligence.matching.evaluation import evaluate
from intelligence.matching.linking import SUGGEST_THRESHOLD

FIXTURES = JSON_PATH.parent
# The independent set, written by hand by someone who had not seen the linker (issue 11): the development half
# was tuned on; the held-out half is added by the lead and was never read while tuning.
PUBLIC_PATH = FIXTURES / "public_set.json"
PUBLIC_HOLDOUT_PATH = FIXTURES / "public_set_holdout.json"
# Each later set written blind by a new author; the newest is the held-out figure, the older ones are spent
# (read and tuned on; each set's README says when).
BLIND_PATHS = [FIXTURES / f"public_set_{n}.json" for n in (2, 3, 4, 5)]
SHORTCUTS = {
    "development": [JSON_PATH],
    "holdout": [HOLDOUT_PATH],
    "both": [JSON_PATH, HOLDOUT_PATH],
    "public": [PUBLIC_PATH],
    "public-holdout": [PUBLIC_HOLDOUT_PATH],
    "blind": BLIND_PATHS[-1:],
    "all": [JSON_PATH, HOLDOUT_PATH, PUBLIC_PATH, PUBLIC_HOLDOUT_PATH, *BLIND_PATHS],
}


def set_paths(name: str) -> list[Path]:
    """A shortcut's files, or the one file named (any set in the shape of linking_set.json)."""
    if name in SHORTCUTS:
        return SHORTCUTS[name]
    path = Path(name)
    if not path.is_file():
        raise CommandError(f"No such set: {name} (a file, or one of {', '.join(SHORTCUTS)}).")
    return [path]


class Command(BaseCommand):
    help = (
        "Run linking and duplicate grouping on a labelled set and print precision and recall. Targets (issue 11, "
        "cold): linking precision >= 0.95 and recall >= 0.85; grouping precision >= 0.90 and recall >= 0.60."
    )

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument(
            "--set",
            default="both",
            help=(
                "A file in the shape of intelligence/fixtures/linking_set.json, or a shortcut: development (the "
                "generated set the algorithm was improved on), holdout (generated from another seed), both, "
                "public (the hand-written development half), public-holdout (its held-out half), blind (the "
                "newest blind author's set, public_set_5.json, never tuned on), all (every set)."
            ),
        )
        parser.add_argument(
            "--threshold",
            type=float,
            default=SUGGEST_THRESHOLD,
            help="A suggestion counts at or above this confidence.",
        )
        parser.add_argument("--cold", action="store_true", help="Do not simulate an analyst confirming links.")
        parser.add_argument("--errors", action="store_true", help="List every wrong or missed link and group pair.")
        parser.add_argument("--json", action="store_true", help="Print the figures as JSON (one object per set).")

    def handle(self, *args: Any, **options: Any) -> None:
        paths = set_paths(options["set"])
        results = {}
        for path in paths:
            if not path.is_file():
                raise CommandError(f"The set {path} is not there.")
            try:
                fixture = load(path)
            except (ValueError, KeyError, TypeError) as exc:
                raise CommandError(f"{path} is not a labelled set: {exc}") from exc
            result = evaluate(fixture, threshold=options["threshold"], confirm=not options["cold"])
            if options["json"]:
                results[path.name] = {
                    "reports": len(fixture.reports),
                    "appeals": len(fixture.appeals),
                    "cold": options["cold"],
                    "threshold": options["threshold"],
                    **result.as_dict(),
                }
                if options["errors"]:
                    results[path.name]["errors"] = [*result.link_errors, *result.group_errors]
                continue
            truth_links = sum(len(r.truth) for r in fixture.reports)
            mode = "cold (nothing learnt)" if options["cold"] else "analyst confirms true suggestions as they come"
            self.stdout.write(
                f"== {path.name}: {len(fixture.appeals)} appeals, {len(fixture.reports)} reports, {truth_links} true "
                f"links, {len({r.group for r in fixture.reports})} duplicate groups; threshold "
                f"{options['threshold']:.2f}; {mode}"
            )
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
        if options["json"]:
            out: object = next(iter(results.values())) if len(results) == 1 else results
            self.stdout.write(json.dumps(out, indent=1))
