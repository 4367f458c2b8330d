"""Which stored report a new one repeats: the candidates the database finds by shared entity, band key or likely
appeal, judged by intelligence.matching.duplicates, and the group the new report joins."""

from datetime import timedelta
from typing import Any

from django.db import connection
from django.db.models import F

from intelligence.matching.duplicates import (
    MAX_CANDIDATES_PER_KEY,
    SAME_SIGHTING_DAYS,
    UNLINKED_CANDIDATES,
    DuplicateVerdict,
    ReportFingerprint,
    best_match,
    unpack_signature,
)
from intelligence.models import Band, DuplicateGroup, Enrichment, Link, Mention


def _candidate_ids(
    report_id: int, entity_ids: list[int], bands: tuple[int, ...], appeal_ids: list[int] | None = None
) -> list[int]:
    """Reports sharing an identifying entity or a band key with this one, or likely linked to the same appeal
    (two tellings of one sighting in different words): for each key, its most recent MAX_CANDIDATES_PER_KEY
    reports, one indexed range each (a busy pub's key never makes the check slow)."""
    mention = Mention._meta.db_table
    band = Band._meta.db_table
    link = Link._meta.db_table
    parts = []
    params: list[Any] = []
    for i, appeal_id in enumerate(appeal_ids or ()):
        parts.append(
            f"SELECT report_id FROM (SELECT report_id FROM {link} WHERE appeal_id = %s AND likely AND report_id <> %s "  # noqa: S608
            f"ORDER BY report_id DESC LIMIT {MAX_CANDIDATES_PER_KEY}) AS l{i}"
        )
        params += [appeal_id, report_id]
    for i, entity_id in enumerate(entity_ids):
        parts.append(
            f"SELECT report_id FROM (SELECT report_id FROM {mention} WHERE entity_id = %s AND report_id <> %s "  # noqa: S608
            f"ORDER BY report_id DESC LIMIT {MAX_CANDIDATES_PER_KEY}) AS e{i}"
        )
        params += [entity_id, report_id]
    for i, key in enumerate(dict.fromkeys(bands)):
        parts.append(
            f"SELECT report_id FROM (SELECT report_id FROM {band} WHERE key = %s AND report_id <> %s "  # noqa: S608
            f"ORDER BY report_id DESC LIMIT {MAX_CANDIDATES_PER_KEY}) AS b{i}"
        )
        params += [key, report_id]
    if not parts:
        return []
    with connection.cursor() as cursor:
        cursor.execute(" UNION ".join(parts), params)
        return sorted(row[0] for row in cursor.fetchall())


def _stored_fingerprint(row: Enrichment) -> ReportFingerprint:
    return ReportFingerprint(
        id=row.report_id,
        text=row.text,
        entity_keys=frozenset(row.entity_keys),
        context_keys=frozenset(row.context_keys),
        appeals=frozenset(row.appeals),
        received=row.received,
        signature=unpack_signature(row.signature),
        bands=(),
    )


def _group_appeals(row: Enrichment) -> frozenset[str]:
    """The appeals a stored report's group is linked to (its own, when it is in no group yet)."""
    group = row.group
    return frozenset(group.appeals if group is not None else row.appeals)


def find_repeat(
    fp: ReportFingerprint, entity_ids: list[int], appeal_ids: list[int] | None = None
) -> tuple[Enrichment, DuplicateVerdict] | None:
    ids = _candidate_ids(fp.id, entity_ids, fp.bands, appeal_ids)
    if not fp.appeals:
        # About no appeal: the latest reports about none too, for two tellings of one incident in other words.
        since = fp.received - timedelta(days=SAME_SIGHTING_DAYS) if fp.received else None
        latest = (
            Enrichment.objects.filter(appeals=[], **({"received__gte": since} if since else {}))
            .exclude(report_id=fp.id)
            .order_by("-report_id")
            .values_list("report_id", flat=True)[:UNLINKED_CANDIDATES]
        )
        ids = sorted(set(ids) | set(latest))
    if not ids:
        return None
    rows = {
        row.report_id: row
        for row in Enrichment.objects.filter(report_id__in=ids)
        # A group an analyst took this report out of ("not the same") never takes it back: in the same query.
        .exclude(group__splits__report_id=fp.id)
        .select_related("group")
        .only(*_FINGERPRINT_FIELDS, "group__appeals")
    }
    candidates = ((_stored_fingerprint(rows[i]), _group_appeals(rows[i])) for i in ids if i in rows)
    match = best_match(fp, candidates)
    return (rows[match[0]], match[1]) if match else None


_FINGERPRINT_FIELDS = ("report_id", "text", "entity_keys", "context_keys", "appeals", "received", "signature", "group")


def join_group(other: Enrichment, appeals: set[str], now: Any) -> DuplicateGroup:
    """Put the new report in the group of the report it repeats, making the group if that one was alone."""
    group_id = Enrichment.objects.filter(pk=other.pk).values_list("group_id", flat=True).first()
    if group_id is None:
        group = DuplicateGroup.objects.create(
            lead_id=other.report_id, size=1, appeals=sorted(other.appeals), created_at=now
        )
        Enrichment.objects.filter(pk=other.pk).update(group=group)
    else:
        group = DuplicateGroup.objects.select_for_update().get(pk=group_id)
    group.size = F("size") + 1
    group.appeals = sorted(set(group.appeals) | appeals)
    group.save(update_fields=["size", "appeals"])
    group.refresh_from_db(fields=["size"])
    return group
