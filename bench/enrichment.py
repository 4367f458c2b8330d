"""Benchmark: enrichment + linking + duplicate candidate check of one new report, in memory.

    .venv/bin/python bench/enrichment.py [--appeals 1000] [--stored 20000] [--reports 2000]
    .venv/bin/python bench/enrichment.py --postgres postgres://postgres@127.0.0.1:5432/lookout_intel_bench

Builds --appeals invented appeal profiles (names, aliases, areas, plates) into an AppealIndex, and --stored
invented reports into a DuplicateIndex; then, for each of --reports new reports (the fixture set's texts, cycled),
times extract() + AppealIndex.suggest() + ReportFingerprint.build() + DuplicateIndex.best_match(), and prints the
median and 99th percentile. The issue's target (median < 20 ms, p99 < 100 ms) is for the whole path on PostgreSQL
with 1,000,000 stored reports; that needs the report model. --postgres prototypes the stored-report part: a
scratch table of 1,000,000 band-key and entity-key rows, and the time of the indexed candidate query.
"""

import argparse
import random
import statistics
import sys
import time
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from intelligence.duplicates import DuplicateIndex, ReportFingerprint  # noqa: E402
from intelligence.extraction import extract  # noqa: E402
from intelligence.fixtures.linking_set import TOWNS, VENUES, load, phone, plate  # noqa: E402
from intelligence.linking import AppealIndex, AppealProfile, ReportFacts  # noqa: E402


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


def run_postgres(args: argparse.Namespace) -> None:
    """A scratch table shaped like the future one: (report_id, key) for band keys and entity keys, b-tree indexed;
    the candidate query for one new report is one indexed lookup of its ~8 band keys and ~3 entity keys."""
    import psycopg

    rng = random.Random(args.seed)
    rows = args.pg_reports
    with psycopg.connect(args.postgres, autocommit=True) as conn:
        # Filled by an earlier run when both indexes exist (they are built last) and the row count is right.
        ready = conn.execute(
            "select count(*) from pg_indexes where tablename in ('bench_report_band', 'bench_report_entity')"
        ).fetchone()
        counted = conn.execute("select count(*) from bench_report_band").fetchone() if ready and ready[0] == 2 else None
        if not counted or counted[0] != rows * 8:
            print(f"filling scratch tables with {rows} reports (8 band keys + 3 entity keys each)...", flush=True)
            conn.execute("drop table if exists bench_report_band, bench_report_entity")
            conn.execute("create unlogged table bench_report_band (report_id bigint not null, key bigint not null)")
            conn.execute("create unlogged table bench_report_entity (report_id bigint not null, key text not null)")
            conn.execute(
                "insert into bench_report_band select g / 8, ('x' || substr(md5(g::text), 1, 16))::bit(64)::bigint "
                "from generate_series(0, %s) g",
                (rows * 8 - 1,),
            )
            conn.execute(
                "insert into bench_report_entity select g / 3, "
                "(array['phone:+4477009','vrm:','place:venue '])[g %% 3 + 1] || (g::bigint * 7919 %% 2000003)::text "
                "from generate_series(0, %s) g",
                (rows * 3 - 1,),
            )
            conn.execute("create index on bench_report_band (key)")
            conn.execute("create index on bench_report_entity (key)")
            conn.execute("analyze bench_report_band; analyze bench_report_entity")
        texts = [r.text for r in load().reports]
        timings = []
        for i in range(args.reports):
            text = texts[i % len(texts)]
            fp = ReportFingerprint.build(id=0, text=text, entities=extract(text))
            entity_keys = list(fp.entity_keys) or [f"phone:+4477009{rng.randint(0, 2000003)}"]
            a = time.perf_counter()
            conn.execute(
                "(select report_id from bench_report_band where key = any(%s) limit 200) union "
                "(select report_id from bench_report_entity where key = any(%s) limit 200)",
                (list(fp.bands), entity_keys),
            ).fetchall()
            timings.append((time.perf_counter() - a) * 1000)
    print(
        f"PostgreSQL candidate lookup among {rows} stored reports, {args.reports} runs: "
        f"median {statistics.median(timings):.2f} ms, p99 {percentile(timings, 99):.2f} ms"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--appeals", type=int, default=1000)
    parser.add_argument("--stored", type=int, default=20000, help="stored reports in the in-memory index")
    parser.add_argument("--reports", type=int, default=2000, help="new reports to time")
    parser.add_argument("--seed", type=int, default=5)
    parser.add_argument("--postgres", default="", help="a database URL that is yours alone (never the test DB)")
    parser.add_argument("--pg-reports", type=int, default=1_000_000)
    args = parser.parse_args()
    run_memory(args)
    if args.postgres:
        run_postgres(args)


if __name__ == "__main__":
    main()
