# ruff: noqa: S608 - table and column names come from the models, values are generated or parameters
"""Benchmark: enrichment + linking + duplicate check of one new report, on PostgreSQL, through the real code.

    .venv/bin/python bench/enrichment_pg.py
    .venv/bin/python bench/enrichment_pg.py --database postgres://postgres@127.0.0.1:5432/lookout_bench \
        --stored 1000000 --real 10000 --reports 1000

The issue's target: one new report against 1,000 published appeals and 1,000,000 stored reports on PostgreSQL,
median under 20 ms and 99th percentile under 100 ms on a 2-core machine.

What it does, in a database of its own (created if missing, never the test database; filled once and reused):
1. migrates it and stores 1,000 published appeals: the 44 appeals of the invented fixture set
   (intelligence/fixtures/) and 956 more invented the same way (names, nicknames, areas, 40% with a plate);
2. stores --stored reports. The oldest (--stored minus --real) are written by SQL for speed, with everything
   enrichment leaves behind: an Enrichment row, 8 MinHash band keys (random) and 3 mentions each of
   entities drawn from a pool of 300,000 (phones, plates, places); so every table and index is full size.
   The newest --real reports are invented texts like the fixture set's (names, plates, phones, places) enriched
   through intelligence.enrichment.pipeline.report_enrich itself, so the candidates a new report finds are real ones;
3. then, for --reports new reports (the fixture set's texts, cycled, stored first and not timed), times
   report_enrich(): extraction, linking against the appeal index, fingerprint, candidate lookup by entity and
   band key, loading and comparing the candidates, and writing the mentions, links, fingerprint, bands, group
   and two audit events, committed. It prints the median, 99th percentile and maximum. The reports a run adds
   are deleted at the start of the next, so every run measures the same database.

The appeal index is built once per process and reused until an appeal changes; its build time is printed
separately. The cache is Redis (REDIS_URL, default redis://127.0.0.1:6379/0), as in production.
"""

import argparse
import os
import random
import statistics
import sys
import time
import uuid
from datetime import timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from enrichment import appeal_profiles, percentile  # noqa: E402 - bench/enrichment.py: the in-memory bench

DEFAULT_DB = "postgres://postgres@127.0.0.1:5432/lookout_bench"


def _ensure_database(url: str) -> None:
    import psycopg

    name = url.rsplit("/", 1)[1]
    if name in {"test", "postgres"} or name.startswith("test_"):
        sys.exit(f"Refusing to use database {name!r}: give the benchmark a database of its own.")
    server = url.rsplit("/", 1)[0] + "/postgres"
    with psycopg.connect(server, autocommit=True) as conn:
        if not conn.execute("select 1 from pg_database where datname = %s", (name,)).fetchone():
            conn.execute(f'create database "{name}"')
            print(f"created database {name}")


def _setup(url: str) -> None:
    os.environ["DATABASE_URL"] = url
    os.environ.setdefault("REDIS_URL", "redis://127.0.0.1:6379/0")
    os.environ["DJANGO_SETTINGS_MODULE"] = "lookout.settings.local"
    import django
    from django.conf import settings

    django.setup()
    settings.DEBUG = False  # no query log kept in memory
    from django.core.management import call_command

    call_command("migrate", verbosity=0, interactive=False)


def _staff():  # type: ignore[no-untyped-def]
    from django.contrib.auth.models import User

    from accounts.models import Unit

    unit, _ = Unit.objects.get_or_create(code="bench", defaults={"name": "Bench unit", "kind": Unit.Kind.LOCAL_TEAM})
    user, _ = User.objects.get_or_create(username="bench.author")
    return unit, user


def fill_appeals(n: int, rng: random.Random) -> None:
    from appeals.models import Appeal, AppealStatus
    from appeals.references import new_reference
    from intelligence.fixtures.linking_set import load

    fixture = load()
    if Appeal.objects.filter(status=AppealStatus.PUBLISHED).count() >= n:
        # Filled before; keep the fixture appeals' distinguishing features as the fixture has them now.
        features = {a.reference: a.features for a in fixture.appeals}
        stored = list(Appeal.objects.filter(reference__in=features))
        for appeal in stored:
            appeal.distinguishing_features = features[appeal.reference]
        Appeal.objects.bulk_update(stored, ["distinguishing_features"])
        return
    unit, user = _staff()
    rows = [(a.reference, a.kind, a.name, a.aliases, a.areas, a.vehicle, a.features) for a in fixture.appeals]
    taken = {r[0] for r in rows}
    for p in appeal_profiles(n - len(rows), rng):
        reference = new_reference(p.kind)
        while reference in taken:
            reference = new_reference(p.kind)
        taken.add(reference)
        vehicle = f"Silver car, {p.vrms[0]}" if p.vrms else ""
        rows.append((reference, p.kind, p.names[0], list(p.aliases), list(p.areas), vehicle, ""))
    now = time.time()
    from django.utils import timezone

    published = timezone.now() - timedelta(days=30)
    Appeal.objects.bulk_create(
        [
            Appeal(
                kind=kind,
                reference=reference,
                status=AppealStatus.PUBLISHED,
                subject_name=name,
                aliases=", ".join(aliases),
                areas=", ".join(areas),
                vehicle=vehicle,
                distinguishing_features=features,
                owning_unit=unit,
                author=user,
                published_at=published,
            )
            for reference, kind, name, aliases, areas, vehicle, features in rows
        ],
        batch_size=500,
    )
    print(f"stored {len(rows)} published appeals in {time.time() - now:.1f} s", flush=True)


def _report_columns() -> tuple[str, list[str], list[str]]:
    """The report table's columns with a SQL default for each (empty text, false, NULL), for INSERT ... SELECT."""
    from django.db import models

    from reporting.models import InformationReport

    columns, values = [], []
    for field in InformationReport._meta.concrete_fields:
        if field.primary_key:
            continue
        columns.append(field.column)
        if field.null:
            values.append("NULL")
        elif isinstance(field, models.BooleanField):
            values.append("false")
        elif isinstance(field, (models.CharField, models.TextField)):
            values.append(f"'{field.default}'" if isinstance(field.default, str) else "''")
        else:
            values.append("NULL")
    return InformationReport._meta.db_table, columns, values


def fill_synthetic(count: int, days: int) -> None:
    """`count` old reports with their enrichment, written by SQL (see the module docstring)."""
    from django.db import connection

    from intelligence.models import Band, Enrichment, Entity, Mention

    table, columns, values = _report_columns()
    overrides = {
        "channel": "'confidential'",
        "status": "'received'",
        "details": "'An older report, number ' || g",
        "received_at": f"now() - interval '{days} days' + (g * interval '{days * 86400 // max(count, 1)} seconds')",
        "idempotency_token": "md5('bench-' || g)::uuid",
    }
    select = ", ".join(overrides.get(c, v) for c, v in zip(columns, values, strict=True))
    pool = 300_000
    t0 = time.time()
    with connection.cursor() as cur:
        cur.execute(
            f"insert into {table} ({', '.join(columns)}) select {select} from generate_series(1, %s) g", [count]
        )
        cur.execute(f"select min(id) from {table}")
        first = cur.fetchone()[0]
        print(f"  {count} reports in {time.time() - t0:.0f} s", flush=True)
        cur.execute(
            f"insert into {Entity._meta.db_table} (kind, key, value, first_seen_at) "
            "select k, k || ':' || v, v, now() from ("
            " select (array['phone','vrm','place'])[g %% 3 + 1] k,"
            " case g %% 3 when 0 then '+447700' || lpad(g::text, 6, '0')"
            " when 1 then 'BN' || lpad((g %% 100)::text, 2, '0')"
            " || upper(substr(md5(g::text), 1, 3)) || g else 'venue ' || g end v from generate_series(1, %s) g) s "
            "on conflict (key) do nothing",
            [pool],
        )
        cur.execute(f"select min(id), max(id) from {Entity._meta.db_table}")
        low, high = cur.fetchone()
        cur.execute(
            f"insert into {Enrichment._meta.db_table} (report_id, enriched_at, text, entity_keys, context_keys, "
            "appeals, received, signature, duplicate_reasons) "
            "select id, received_at, 'an older report number ' || id, '[]', '[]', '[]', received_at::date, "
            "decode(repeat(md5(id::text), 8), 'hex'), '[]' from " + table + " where id >= %s",
            [first],
        )
        print(f"  enrichment rows in {time.time() - t0:.0f} s", flush=True)
        cur.execute(
            f"insert into {Band._meta.db_table} (report_id, key) "
            "select r.id, ('x' || substr(md5(r.id || ':' || b), 1, 16))::bit(64)::bigint "
            f"from {table} r, generate_series(0, 7) b where r.id >= %s",
            [first],
        )
        print(f"  band keys in {time.time() - t0:.0f} s", flush=True)
        cur.execute(
            f"insert into {Mention._meta.db_table} (report_id, entity_id, raw) "
            "select distinct on (r.id, e) r.id, e, 'as written' from ("
            f" select id, %s + ((id * 7919 + m * 104729) %% %s) e from {table}, generate_series(0, 2) m "
            " where id >= %s) r",
            [low, high - low + 1, first],
        )
        print(f"  mentions in {time.time() - t0:.0f} s", flush=True)


def _invented_text(rng: random.Random, names: list[str]) -> str:
    from intelligence.fixtures.linking_set import TOWNS, VENUES, phone, plate

    name = rng.choice(names)
    templates = [
        f"{name} was at {rng.choice(VENUES)} in {rng.choice(TOWNS)} last night",
        f"Seen {name} getting into {plate(rng)} near {rng.choice(VENUES)}",
        f"{name} is staying in {rng.choice(TOWNS)}, his number is {phone(rng)}",
        f"Car {plate(rng)} parked outside {rng.choice(VENUES)} most nights, driver looks like {name}",
        f"People dealing from {plate(rng)} by {rng.choice(VENUES)} in {rng.choice(TOWNS)}",
    ]
    return rng.choice(templates)


def fill_real(count: int, rng: random.Random) -> None:
    """The newest `count` reports, invented texts enriched through report_enrich."""
    from django.utils import timezone

    from appeals.models import Appeal
    from intelligence.enrichment.pipeline import report_enrich
    from reporting.models import InformationReport

    names = list(Appeal.objects.values_list("subject_name", flat=True)[:400])
    now = timezone.now()
    t0 = time.time()
    created = InformationReport.objects.bulk_create(
        [
            InformationReport(
                details=_invented_text(rng, names),
                received_at=now - timedelta(days=7) + timedelta(seconds=i * 7 * 86400 // count),
                idempotency_token=uuid.uuid4(),
            )
            for i in range(count)
        ],
        batch_size=1000,
    )
    for i, report in enumerate(created):
        report_enrich(report_id=report.pk)
        if i and i % 2000 == 0:
            print(f"  enriched {i} of {count} real reports ({time.time() - t0:.0f} s)", flush=True)
    print(f"  {count} real reports enriched in {time.time() - t0:.0f} s", flush=True)


def fill(args: argparse.Namespace) -> None:
    from django.db import connection

    from reporting.models import InformationReport

    rng = random.Random(args.seed)
    fill_appeals(args.appeals, rng)
    if InformationReport.objects.count() >= args.stored:
        return
    print(f"filling: {args.stored - args.real} reports by SQL, then {args.real} through report_enrich", flush=True)
    from intelligence.models import Entity

    with connection.cursor() as cur:  # a fill cut short starts again
        cur.execute(f"truncate {InformationReport._meta.db_table}, {Entity._meta.db_table} cascade")
    fill_synthetic(args.stored - args.real, days=120)
    fill_real(args.real, rng)
    with connection.cursor() as cur:
        cur.execute("analyze")


def forget_earlier_runs(stored: int) -> None:
    """Every timing run starts from the same database: the reports earlier runs added (every report after the
    first `stored`) are deleted with what enrichment wrote for them, and the groups they joined are shrunk back
    (a group left with one member is no group). Without this each run would find more repeats than the last."""
    from django.db import connection

    from intelligence.models import DuplicateGroup, Enrichment
    from reporting.models import InformationReport

    boundary = InformationReport.objects.order_by("pk").values_list("pk", flat=True)[stored - 1]
    deleted, _ = InformationReport.objects.filter(pk__gt=boundary).delete()
    if not deleted:
        return
    groups, members = DuplicateGroup._meta.db_table, Enrichment._meta.db_table
    with connection.cursor() as cur:
        cur.execute(f"update {groups} g set size = (select count(*) from {members} m where m.group_id = g.id)")
    lone = DuplicateGroup.objects.filter(size__lt=2)
    Enrichment.objects.filter(group__in=lone).update(group=None, duplicate_of=None, duplicate_score=None)
    lone.delete()
    print(f"forgot the reports earlier timing runs added ({deleted} rows)")


def run(args: argparse.Namespace) -> None:
    from django.db import connection
    from django.utils import timezone

    from intelligence.enrichment.index import current_index, index_invalidate
    from intelligence.enrichment.pipeline import report_enrich
    from intelligence.fixtures.linking_set import load
    from intelligence.models import Band, Mention
    from reporting.models import InformationReport

    forget_earlier_runs(args.stored)
    with connection.cursor() as cur:
        cur.execute(f"select count(*) from {InformationReport._meta.db_table}")
        stored = cur.fetchone()[0]
        cur.execute(f"select count(*) from {Band._meta.db_table}")
        bands = cur.fetchone()[0]
        cur.execute(f"select count(*) from {Mention._meta.db_table}")
        mentions = cur.fetchone()[0]
    index_invalidate()
    t0 = time.perf_counter()
    index, _ = current_index()
    print(f"appeal index of {len(index)} appeals built in {(time.perf_counter() - t0) * 1000:.0f} ms")
    print(f"stored reports: {stored}; band keys: {bands}; mentions: {mentions}")
    texts = [r.text for r in load().reports]
    timings: list[float] = []
    outcomes = {"linked": 0, "grouped": 0}
    for i in range(args.reports):
        report = InformationReport.objects.create(
            details=texts[i % len(texts)], received_at=timezone.now(), idempotency_token=uuid.uuid4()
        )
        a = time.perf_counter()
        done = report_enrich(report_id=report.pk)
        timings.append((time.perf_counter() - a) * 1000)
        assert done is not None
        outcomes["linked"] += any(s.likely for s in done.suggestions)
        outcomes["grouped"] += done.repeats is not None
    print(
        f"report_enrich of one new report, {args.reports} runs: median {statistics.median(timings):.2f} ms, "
        f"p99 {percentile(timings, 99):.2f} ms, max {max(timings):.2f} ms "
        f"({outcomes['linked']} linked to an appeal, {outcomes['grouped']} found to repeat a stored report)"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--database", default=os.environ.get("BENCH_DATABASE_URL", DEFAULT_DB))
    parser.add_argument("--appeals", type=int, default=1000)
    parser.add_argument("--stored", type=int, default=1_000_000)
    parser.add_argument("--real", type=int, default=10_000, help="newest stored reports made by report_enrich")
    parser.add_argument("--reports", type=int, default=1000, help="new reports to time")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    _ensure_database(args.database)
    _setup(args.database)
    fill(args)
    run(args)


if __name__ == "__main__":
    main()
