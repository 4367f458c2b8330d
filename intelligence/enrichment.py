"""Enrichment on arrival: every new report is read once, by the database worker, right after it is stored.

`report_enrich` pulls out its entities (intelligence.extraction), suggests the appeals it may be about
(intelligence.linking, against an `AppealIndex` of every published or recently closed appeal, kept per process
and rebuilt when an appeal changes or an analyst confirms a link), fingerprints it and looks for the reports it
repeats (intelligence.duplicates: candidates by entity and MinHash band key, each key's most recent
MAX_CANDIDATES_PER_KEY reports only). It writes Mention, Link, Enrichment, Band and DuplicateGroup rows and the
audit events `report.enriched` and `report.linked` in one transaction. Running it twice for a report does nothing
the second time. Analysts then confirm or reject each suggestion (`link_decide`). Nothing here links a report to
an appeal by itself. See docs/adr/0010-enrichment-linking.md.
"""

import logging
from collections import Counter
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from django.contrib.auth.models import User
from django.db import IntegrityError, connection, transaction
from django.db.models import F
from django.utils import timezone

from appeals.models import Appeal
from audit.services import audit_record
from lookout.cache_version import bump, version
from reporting.models import InformationReport

from .duplicates import (
    MAX_CANDIDATES_PER_KEY,
    DuplicateVerdict,
    ReportFingerprint,
    best_match,
    pack_signature,
    unpack_signature,
)
from .extraction import Extracted, Kind, extract
from .linking import AppealIndex, AppealProfile, LinkSuggestion, ReportFacts
from .models import Band, DuplicateGroup, Enrichment, Entity, Link, LinkDecision, Mention
from .rules import RuleViolation

logger = logging.getLogger(__name__)

INDEX_VERSION_KEY = "intelligence:appeal-index-version"
# Ended appeals stay linkable for a while: information keeps arriving after an arrest.
CLOSED_LINKABLE_FOR = timedelta(days=30)
# The answers that carry what the reporter said, in the order they are read.
TEXT_FIELDS = ("details", "last_seen_where", "last_seen_when", "places", "companions")


def report_text(report: InformationReport) -> str:
    """Everything the reporter told us, as one text: the answers, then the vehicle."""
    parts = [str(getattr(report, name) or "").strip() for name in TEXT_FIELDS]
    vehicle = " ".join(
        v.strip()
        for v in (report.vehicle_colour, report.vehicle_make, report.vehicle_model, report.vehicle_registration)
        if v and v.strip()
    )
    if vehicle:
        parts.append(f"Vehicle: {vehicle}")
    return "\n".join(p for p in parts if p)


# --- The appeal index, one per process ---------------------------------------------------------------------


def index_version() -> int:
    """The version of the appeal index every process compares its own with."""
    return version(INDEX_VERSION_KEY)


def index_invalidate() -> None:
    """Every process rebuilds its index before linking the next report."""
    bump(INDEX_VERSION_KEY)


def _invalidate_now_and_on_commit() -> None:
    """At once (so this transaction's own next link sees the change) and again once it commits (so no other
    process keeps an index it built from the data before the commit)."""
    index_invalidate()
    transaction.on_commit(index_invalidate, robust=True)


@dataclass
class _Loaded:
    version: int
    index: AppealIndex
    ids: dict[str, int]  # appeal reference -> primary key


_loaded: _Loaded | None = None


def appeal_profile(appeal: Appeal) -> AppealProfile:
    """What linking knows of an appeal: all its fields, also those the public were not shown (linking is internal)."""
    return AppealProfile.build(
        reference=appeal.reference,
        kind=appeal.kind,
        name=appeal.subject_name,
        aliases=appeal.alias_list(),
        areas=appeal.area_list(),
        vehicle=appeal.vehicle,
        status=appeal.status,
        features=appeal.distinguishing_features,
        age_min=appeal.age_min,
        age_max=appeal.age_max,
        sex=appeal.sex,
        height_cm=appeal.height_cm,
        build=appeal.build,
        description=appeal.description,
        offence=appeal.offence_summary,
    )


def linkable_appeals(now: Any = None) -> Any:
    now = now or timezone.now()
    return Appeal.objects.public() | Appeal.objects.ended().filter(closed_at__gte=now - CLOSED_LINKABLE_FOR)


def build_index() -> tuple[AppealIndex, dict[str, int]]:
    """An index of every linkable appeal that has learnt the identifying entities of reports analysts confirmed."""
    appeals = list(
        linkable_appeals().only(
            "reference",
            "kind",
            "subject_name",
            "aliases",
            "areas",
            "vehicle",
            "status",
            "distinguishing_features",
            "age_min",
            "age_max",
            "sex",
            "height_cm",
            "build",
            "description",
            "offence_summary",
        )
    )
    index = AppealIndex(appeal_profile(appeal) for appeal in appeals)
    learnt = Mention.objects.filter(
        report__links__decision=LinkDecision.CONFIRMED, report__links__appeal__reference__in=index.profiles.keys()
    ).values_list("report__links__appeal__reference", "entity__kind", "entity__key", "raw")
    for reference, kind, key, raw in learnt:
        value = key.partition(":")[2]
        index.learn(reference, [Extracted(Kind(kind), raw, value, (0, 0))])
    return index, {appeal.reference: appeal.pk for appeal in appeals}


def current_index() -> tuple[AppealIndex, dict[str, int]]:
    global _loaded
    version = index_version()
    if _loaded is None or _loaded.version != version:
        index, ids = build_index()
        _loaded = _Loaded(version, index, ids)
    return _loaded.index, _loaded.ids


# --- Enrichment of one report ------------------------------------------------------------------------------


def _entities(unique: dict[str, Extracted], now: Any) -> dict[str, Entity]:
    """The Entity row of every key found, created when new."""
    if not unique:
        return {}
    Entity.objects.bulk_create(
        [Entity(kind=e.kind.value, key=key, value=e.value[:200], first_seen_at=now) for key, e in unique.items()],
        ignore_conflicts=True,
    )
    return {e.key: e for e in Entity.objects.filter(key__in=unique)}


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


def _find_repeat(
    fp: ReportFingerprint, entity_ids: list[int], appeal_ids: list[int] | None = None
) -> tuple[Enrichment, DuplicateVerdict] | None:
    ids = _candidate_ids(fp.id, entity_ids, fp.bands, appeal_ids)
    if not ids:
        return None
    rows = {
        row.report_id: row
        for row in Enrichment.objects.filter(report_id__in=ids)
        .select_related("group")
        .only(*_FINGERPRINT_FIELDS, "group__appeals")
    }
    candidates = ((_stored_fingerprint(rows[i]), _group_appeals(rows[i])) for i in ids if i in rows)
    match = best_match(fp, candidates)
    return (rows[match[0]], match[1]) if match else None


_FINGERPRINT_FIELDS = ("report_id", "text", "entity_keys", "context_keys", "appeals", "received", "signature", "group")


def _join_group(other: Enrichment, appeals: set[str], now: Any) -> DuplicateGroup:
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


@dataclass(frozen=True)
class Enriched:
    enrichment: Enrichment
    suggestions: list[LinkSuggestion]
    repeats: int | None  # the report it repeats, if any


def report_enrich(*, report_id: int) -> Enriched | None:
    """Enrich, link and group one stored report. Returns None when it was enriched before (or is gone)."""
    index, appeal_ids = current_index()
    now = timezone.now()
    try:
        with transaction.atomic():
            report = (
                InformationReport.objects.select_for_update(of=("self",))
                .select_related("appeal")
                .filter(pk=report_id)
                .first()
            )
            if report is None or Enrichment.objects.filter(report_id=report_id).exists():
                return None
            return _enrich(report, index, appeal_ids, now)
    except IntegrityError:  # enriched at the same moment by another worker
        return None


def _reasons_json(suggestion: LinkSuggestion) -> list[dict[str, Any]]:
    return [{"code": r.code, "text": r.text, "weight": round(r.weight, 3)} for r in suggestion.reasons]


def _enrich(report: InformationReport, index: AppealIndex, appeal_ids: dict[str, int], now: Any) -> Enriched:
    text = report_text(report)
    found = extract(text)
    received = timezone.localdate(report.received_at)
    submitted_from = report.appeal.reference if report.appeal else None
    suggestions = index.suggest(ReportFacts(text, tuple(found), submitted_from, received))
    suggestions = [s for s in suggestions if s.reference in appeal_ids]

    unique = {e.key: e for e in found}  # one per entity
    entities = _entities(unique, now)
    Mention.objects.bulk_create(
        [Mention(report=report, entity=entities[key], raw=e.raw[:200]) for key, e in unique.items()]
    )
    Link.objects.bulk_create(
        [
            Link(
                report=report,
                appeal_id=appeal_ids[s.reference],
                confidence=s.confidence,
                likely=s.likely,
                reasons=_reasons_json(s),
                suggested_at=now,
            )
            for s in suggestions
        ]
    )
    likely = {s.reference for s in suggestions if s.likely}
    context = index.context_keys(likely)
    fp = ReportFingerprint.build(
        id=report.pk, text=text, entities=found, appeals=likely, received=received, context=context
    )
    identifying = [entities[k].pk for k in sorted(fp.entity_keys)]
    repeat = _find_repeat(fp, identifying, [appeal_ids[ref] for ref in sorted(likely)])
    repeats = repeat[0].report_id if repeat else None
    enrichment = Enrichment.objects.create(
        report=report,
        enriched_at=now,
        text=fp.text,
        entity_keys=sorted(fp.entity_keys),
        context_keys=sorted(fp.context_keys),
        appeals=sorted(fp.appeals),
        received=received,
        signature=pack_signature(fp.signature),
    )
    Band.objects.bulk_create([Band(report=report, key=key) for key in dict.fromkeys(fp.bands)])
    group = None
    if repeat is not None:
        other, verdict = repeat
        group = _join_group(other, set(fp.appeals), now)
        enrichment.group = group
        enrichment.duplicate_of_id = other.report_id
        enrichment.duplicate_score = verdict.score
        enrichment.duplicate_reasons = list(verdict.reasons)
        enrichment.save(update_fields=["group", "duplicate_of", "duplicate_score", "duplicate_reasons"])
    audit_record(
        actor=None,
        action="report.enriched",
        target=report,
        detail={
            "entities": dict(Counter(e.kind.value for e in unique.values())),
            "repeats": repeats,
            "group": group.pk if group else None,
        },
    )
    if likely:
        audit_record(
            actor=None,
            action="report.linked",
            target=report,
            detail={
                "suggested": [{"appeal": s.reference, "confidence": s.confidence} for s in suggestions if s.likely]
            },
        )
    return Enriched(enrichment, suggestions, repeats)


# --- The analyst's decision --------------------------------------------------------------------------------


def link_decide(*, link: Link, actor: User, decision: str, note: str = "") -> Link:
    """Confirm or reject a suggested link. The decision is kept (and may be changed, with the change audited);
    a confirmed link teaches the index the report's phone numbers, plates, handles and postcodes."""
    from .permissions import can_work_desk
    from .services import _require

    _require(can_work_desk(actor))
    if decision not in (LinkDecision.CONFIRMED, LinkDecision.REJECTED):
        raise RuleViolation("decision", "Choose whether the report is about this appeal.")
    note = note.strip()
    with transaction.atomic():
        link = Link.objects.select_for_update().select_related("appeal").get(pk=link.pk)
        previous = link.decision
        link.decision = decision
        link.decided_by = actor
        link.decided_at = timezone.now()
        link.decision_note = note
        link.save(update_fields=["decision", "decided_by", "decided_at", "decision_note"])
        audit_record(
            actor=actor,
            action="link.confirmed" if decision == LinkDecision.CONFIRMED else "link.rejected",
            target=link.report,
            detail={"appeal": link.appeal.reference, "confidence": link.confidence, "previous": previous},
            justification=note,
        )
        if LinkDecision.CONFIRMED in (decision, previous):
            _invalidate_now_and_on_commit()
    return link


# --- Wiring: on arrival, and when an appeal changes ----------------------------------------------------------


def enrich_on_arrival(sender: Any, report: InformationReport, **kwargs: Any) -> None:
    """Called inside the transaction that stores a report: queue its enrichment once that commits. `robust`, so
    a queue that is down never turns a stored report into an error page; `manage.py desk_enrich` catches up."""
    from .tasks import enrich_report

    report_id = report.pk
    transaction.on_commit(lambda: enrich_report.enqueue(report_id), robust=True)


def appeal_changed(sender: Any, instance: Appeal | None = None, **kwargs: Any) -> None:
    _invalidate_now_and_on_commit()
    fields = kwargs.get("update_fields")
    if instance is not None and instance.is_public and (fields is None or "status" in fields):
        from .tasks import relink_recent

        appeal_id = instance.pk
        transaction.on_commit(lambda: relink_recent.enqueue(appeal_id), robust=True)


# Reports received this long before an appeal is published are read again for it.
RELINK_DAYS = 30


def appeal_relink_recent(*, appeal_id: int, days: int = RELINK_DAYS) -> int:
    """An appeal just published may be what last week's reports were about ("the van LB07 SEO"): read the
    reports of the last `days` days again against this appeal alone and suggest the links found. Returns how
    many were suggested. Existing links (and analysts' decisions) are left as they are."""
    appeal = Appeal.objects.public().filter(pk=appeal_id).first()
    if appeal is None:
        return 0
    index = AppealIndex([appeal_profile(appeal)])
    since = timezone.now() - timedelta(days=days)
    reports = (
        InformationReport.objects.filter(received_at__gte=since, enrichment__isnull=False)
        .exclude(links__appeal=appeal)
        .exclude(appeal=appeal)
        .order_by("pk")
    )
    suggested = 0
    for report in reports.iterator(chunk_size=500):
        text = report_text(report)
        found = [s for s in index.suggest(ReportFacts.from_text(text)) if s.likely]
        if not found:
            continue
        with transaction.atomic():
            _, created = Link.objects.get_or_create(
                report=report,
                appeal=appeal,
                defaults={
                    "confidence": found[0].confidence,
                    "likely": True,
                    "reasons": _reasons_json(found[0]),
                    "suggested_at": timezone.now(),
                },
            )
            if created:
                suggested += 1
                audit_record(
                    actor=None,
                    action="report.linked",
                    target=report,
                    detail={
                        "suggested": [{"appeal": appeal.reference, "confidence": found[0].confidence}],
                        "after_publication": True,
                    },
                )
    return suggested


def enrich_pending(*, limit: int = 500) -> int:
    """Enrich reports that were stored but never enriched (a queue outage, or reports from before this module)."""
    done = 0
    pending = InformationReport.objects.filter(enrichment__isnull=True).order_by("pk").values_list("pk", flat=True)
    for report_id in list(pending[:limit]):
        try:
            if report_enrich(report_id=report_id) is not None:
                done += 1
        except Exception:  # one unreadable report must not stop the rest
            logger.exception("Report %s could not be enriched", report_id)
    return done
