"""Enriching one report: its entities, its suggested links, its fingerprint and the report it repeats, written in
one transaction with its audit events; and the catch-ups (reports never enriched, reports read again for an appeal
just published)."""

import logging
from collections import Counter
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from django.db import IntegrityError, transaction
from django.utils import timezone

from appeals.models import Appeal
from audit.services import audit_record
from intelligence.matching.duplicates import ReportFingerprint, pack_signature
from intelligence.matching.extraction import Extracted, extract
from intelligence.matching.linking import AppealIndex, LinkSuggestion, ReportFacts
from intelligence.models import Band, Enrichment, Entity, Link, Mention
from reporting.models import InformationReport

from .index import appeal_profile, current_index
from .repeats import find_repeat, join_group

logger = logging.getLogger(__name__)

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


def _entities(unique: dict[str, Extracted], now: Any) -> dict[str, Entity]:
    """The Entity row of every key found, created when new."""
    if not unique:
        return {}
    Entity.objects.bulk_create(
        [Entity(kind=e.kind.value, key=key, value=e.value[:200], first_seen_at=now) for key, e in unique.items()],
        ignore_conflicts=True,
    )
    return {e.key: e for e in Entity.objects.filter(key__in=unique)}


@dataclass(frozen=True)
class Enriched:
    enrichment: Enrichment
    suggestions: list[LinkSuggestion]
    repeats: int | None  # the report it repeats, if any


def report_enrich(*, report_id: int, skip_locked: bool = False) -> Enriched | None:
    """Enrich, link and group one stored report. Returns None when it was enriched before (or is gone), or,
    with `skip_locked`, when another worker is enriching it now."""
    index, appeal_ids = current_index()
    now = timezone.now()
    try:
        with transaction.atomic():
            report = (
                InformationReport.objects.select_for_update(of=("self",), skip_locked=skip_locked)
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
    repeat = find_repeat(fp, identifying, [appeal_ids[ref] for ref in sorted(likely)])
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
        group = join_group(other, set(fp.appeals), now)
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


def enrich_pending(*, limit: int = 500, since: datetime | None = None, skip_locked: bool = False) -> int:
    """Enrich reports that were stored but never enriched (a queue outage, or reports from before this module);
    `since` only those received since then."""
    done = 0
    pending = InformationReport.objects.filter(enrichment__isnull=True)
    if since is not None:
        pending = pending.filter(received_at__gte=since)
    for report_id in list(pending.order_by("pk").values_list("pk", flat=True)[:limit]):
        try:
            if report_enrich(report_id=report_id, skip_locked=skip_locked) is not None:
                done += 1
        except Exception:  # one unreadable report must not stop the rest
            logger.exception("Report %s could not be enriched", report_id)
    return done


# How far back a surge's runs look (through the index on received_at, never over every report); anything
# older that was missed is the periodic desk_enrich's.
RECENT = timedelta(minutes=10)


def enrich_recent(*, batch: int = 500) -> int:
    """The reports received in the last RECENT and not yet enriched, `batch` at a time until a batch finds
    fewer (what arrives meanwhile is taken too, or by the next window's run)."""
    done = 0
    while True:
        count = enrich_pending(limit=batch, since=timezone.now() - RECENT, skip_locked=True)
        done += count
        if count < batch:
            return done
