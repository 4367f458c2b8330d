"""Benchmark: enrichment + linking + duplicate candidate check of one new report, in memory.

    .venv/bin/python bench/enrichment.py [--appeals 1000] [--stored 20000] [--reports 2000]

Builds --appeals invented appeal profiles (names, aliases, areas, plates) into an AppealIndex, and --stored
invented reports into a DuplicateIndex; then, for each of --reports new reports (the fixture set's texts, cycled),
times extract() + AppealIndex.suggest() + ReportFingerprint.build() + DuplicateIndex.best_match(), and prints the
median and 99th percentile, by step. The issue's target (median < 20 ms, p99 < 100 ms) is for the whole path on
PostgreSQL with 1,000,000 stored reports: bench/enrichment_pg.py measures that, through the real code.
"""

import argparse
import random
import statistics
import sys
import time
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from intelligence.fixtures.linking_set import TOWNS, VENUES, load, phone, plate  # noqa: E402
from intelligence.matching.duplicates import DuplicateIndex, ReportFingerprint  # noqa: E402
from intelligence.matching.extraction import extract  # noqa: E402
from intelligence.matching.linking import AppealIndex, AppealProfile, ReportFacts  # noqa: E402


def _words(spaced: str) -> list[str]:
    return spaced.split()


FIRST = _words(
    "Darren Kyle Lee Connor Jamie Shane Tomasz Aaron Marcus Ryan Jordan Callum Nathan Gary Liam Dean Scott Wayne "
    "Kieran Ashley Bradley Paul Mohammed Stacey Kelly Robert Tyrone Craig Chloe Amber Tyler Margaret Sophie Jessica "
    "Harvey Ellie Dennis Niamh Oliver Jade Kacper Leanne"
)
SURNAMES = _words(
    "Kellow Price Brennan Mason Hartigan Marsh Wood Roddick Wilk Pickering Devlin Tolley Okafor Fenwick Greaves "
    "Stubbs Brannigan Kowalczyk Ferriday Tillotson Moss Prendergast Holt Ridgeway Rafiq Dunmore Haworth Askew "
    "Beckles Leadbetter Ashdown Rigby Quinn Ellison Lund Marlow Colclough Parkin Abbott Cassidy Senior Whitfield "
    "Nowicki Birtles Ackroyd Bellamy Cartwright Dobson Eccles Fairbairn Gedge Hebden Ingleby Jowett Kershaw"
)
NICKNAMES = _words("Daz Dazza KB Mase Hartz Marshy Woody Rodders Picks Dev JJ Cal Nath Stubbsy Branny Dino Ferry Tilly")
AREAS = [*TOWNS, *(f"{t} {s}" for t in ("North", "South", "Upper", "Lower") for s in TOWNS)]


def appeal_profiles(n: int, rng: random.Random) -> list[AppealProfile]:
    profiles = []
    for i in range(n):
        vehicle = f"silver car, {plate(rng)}" if rng.random() < 0.4 else ""
        profiles.append(
            AppealProfile.build(
                reference=f"{'W' if i % 3 else 'M'}-{i:04d}",
                kind="wanted" if i % 3 else "missing",
                name=f"{rng.choice(FIRST)} {rng.choice(SURNAMES)}",
                aliases=rng.sample(NICKNAMES, k=rng.choice([0, 1, 1, 2])),
                areas=rng.sample(AREAS, k=rng.choice([1, 2, 3])),
                vehicle=vehicle,
            )
        )
    return profiles


def stored_reports(n: int, rng: random.Random) -> DuplicateIndex:
    index = DuplicateIndex()
    start = date(2025, 1, 1)
    for i in range(n):
        text = (
            f"{rng.choice(FIRST)} {rng.choice(SURNAMES)} seen at {rng.choice(VENUES)} in {rng.choice(AREAS)}, "
            f"phone {phone(rng)} car {plate(rng)} number {i}"
        )
        index.add(
            ReportFingerprint.build(
                id=i, text=text, entities=extract(text), received=start + timedelta(days=i * 90 // max(n, 1))
            )
        )
    return index


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


def run_memory(args: argparse.Namespace) -> None:
    rng = random.Random(args.seed)
    t0 = time.perf_counter()
    index = AppealIndex(appeal_profiles(args.appeals, rng))
    t1 = time.perf_counter()
    duplicates = stored_reports(args.stored, rng)
    t2 = time.perf_counter()
    print(
        f"built AppealIndex of {len(index)} appeals in {t1 - t0:.2f} s; {args.stored} stored reports in {t2 - t1:.1f} s"
    )
    texts = [r.text for r in load().reports]
    timings: list[float] = []
    steps: dict[str, list[float]] = {"extract": [], "link": [], "fingerprint": [], "duplicates": []}
    received = date(2025, 3, 31)
    for i in range(args.reports):
        text = texts[i % len(texts)]
        a = time.perf_counter()
        entities = tuple(extract(text))
        b = time.perf_counter()
        suggestions = index.suggest(ReportFacts(text, entities, None, received))
        c = time.perf_counter()
        fp = ReportFingerprint.build(
            id=10_000_000 + i, text=text, entities=entities, appeals={s.reference for s in suggestions if s.likely}
        )
        d = time.perf_counter()
        duplicates.best_match(fp)
        e = time.perf_counter()
        timings.append((e - a) * 1000)
        for name, value in zip(steps, (b - a, c - b, d - c, e - d), strict=True):
            steps[name].append(value * 1000)
    print(
        f"one new report, {args.reports} runs: median {statistics.median(timings):.2f} ms, "
        f"p99 {percentile(timings, 99):.2f} ms, max {max(timings):.2f} ms"
    )
    print(
        "  by step (median / p99 ms): "
        + ", ".join(f"{k} {statistics.median(v):.2f}/{percentile(v, 99):.2f}" for k, v in steps.items())
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--appeals", type=int, default=1000)
    parser.add_argument("--stored", type=int, default=20000, help="stored reports in the in-memory index")
    parser.add_argument("--reports", type=int, default=2000, help="new reports to time")
    parser.add_argument("--seed", type=int, default=5)
    args = parser.parse_args()
    run_memory(args)


if __name__ == "__main__":
    main()
