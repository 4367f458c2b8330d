"""Reads for the desk: the prioritised inbox, each report's timeline, the actions a person may see, the audit
log filter and the numbers. Each visibility rule has one name here and every view uses it."""

from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime

from django.contrib.auth.models import User
from django.db.models import (
    Case,
    Count,
    Exists,
    Expression,
    F,
    IntegerField,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Subquery,
    Value,
    When,
)
from django.db.models.functions import Coalesce
from django.utils import timezone

from audit.models import AuditEvent
from reporting.models import InformationReport, ReportStatus

from . import rules
from .models import (
    Action,
    AppealUnitShare,
    DuplicateGroup,
    Enrichment,
    EntityKind,
    Grading,
    Link,
    LinkDecision,
    Mention,
)
from .permissions import can_work_actions, can_work_desk, unit_of

INBOX_LIMIT = 100
REPORT_TYPE = InformationReport._meta.label_lower


def inbox_ranks(now: datetime) -> dict[str, Expression]:
    """rules.inbox_priority as SQL: one annotation for each part of its key, in the same order (INBOX_ORDER)."""
    harm = "appeal__assessment__threat_risk_harm"
    corroboration = Subquery(
        InformationReport.objects.filter(appeal=OuterRef("appeal"))
        .order_by()
        .values("appeal")
        .annotate(n=Count("pk"))
        .values("n")[:1],
        output_field=IntegerField(),
    )
    return {
        "closed_rank": Case(When(status=ReportStatus.CLOSED, then=Value(1)), default=Value(0)),
        "top_rank": Case(When(urgent=True, **{harm: rules.TOP_PRIORITY_HARM}, then=Value(1)), default=Value(0)),
        "harm_rank": Case(
            *(When(**{harm: level}, then=Value(rank)) for level, rank in rules.HARM_RANK.items()), default=Value(0)
        ),
        "fresh_rank": Case(When(received_at__gte=now - rules.FRESH_FOR, then=Value(1)), default=Value(0)),
        # A report sent from no appeal counts itself alone.
        "corroboration": Coalesce(corroboration, Value(1)),
    }


# The key of rules.inbox_priority (closed_rank ascending, the rest descending), then newest first.
INBOX_ORDER = [
    "closed_rank",
    "-top_rank",
    "-harm_rank",
    "-urgent",
    "-fresh_rank",
    "-corroboration",
    "-received_at",
    "-pk",
]


def inbox(
    *,
    appeal_reference: str = "",
    unit_id: int | None = None,
    status: str = "",
    entity: str = "",
    group_id: int | None = None,
    collapse: bool = True,
    now: datetime | None = None,
) -> QuerySet[InformationReport]:
    """The desk's one queue, in the order of rules.inbox_priority (closed reports last; urgent whereabouts on a
    high-harm appeal first; then harm, urgency, freshness and corroboration), then newest first.

    Reports that repeat another (a DuplicateGroup) are shown once, as the group's first report with
    "+N similar" (`similar`), unless `collapse` is off, a group is asked for, or the repeat is urgent (an urgent
    report is never hidden), or the first report is closed. `entity` is an entity key ("vrm:AB12CDE"): only
    reports that mention it. The appeal filter takes reports sent from the appeal and reports an analyst
    confirmed as about it.
    """
    reports = (
        InformationReport.objects.select_related("appeal", "appeal__assessment", "appeal__owning_unit")
        .annotate(
            **inbox_ranks(now or timezone.now()),
            group_id=F("enrichment__group_id"),
            similar=Coalesce(F("enrichment__group__size"), Value(1)) - Value(1),
            # The most likely appeal linking suggests (not rejected), for reports sent from no appeal's page.
            suggested_appeal=Subquery(
                Link.objects.filter(report=OuterRef("pk"), likely=True)
                .exclude(decision=LinkDecision.REJECTED)
                .order_by("-confidence", "pk")
                .values("appeal__reference")[:1]
            ),
        )
        .prefetch_related(
            Prefetch("gradings", queryset=Grading.objects.order_by("-graded_at", "-pk")),
            Prefetch("actions", queryset=Action.objects.select_related("unit").order_by("created_at", "pk")),
        )
        .order_by(*INBOX_ORDER)
    )
    if appeal_reference:
        reference = appeal_reference.strip().upper()
        confirmed = Link.objects.filter(
            report=OuterRef("pk"), appeal__reference=reference, decision=LinkDecision.CONFIRMED
        )
        reports = reports.filter(Q(appeal__reference=reference) | Q(Exists(confirmed)))
    if entity:
        reports = reports.filter(Exists(Mention.objects.filter(report=OuterRef("pk"), entity__key=entity)))
    if group_id is not None:
        reports = reports.filter(enrichment__group_id=group_id)
    elif collapse:
        hidden = (
            Q(enrichment__group__isnull=False)
            & ~Q(enrichment__group__lead_id=F("pk"))
            & Q(urgent=False)
            & ~Q(enrichment__group__lead__status=ReportStatus.CLOSED)
        )
        reports = reports.exclude(hidden)
    if unit_id is not None:
        shared = AppealUnitShare.objects.filter(appeal=OuterRef("appeal"), unit_id=unit_id)
        reports = reports.filter(Q(appeal__owning_unit_id=unit_id) | Q(Exists(shared)))
    if status:
        reports = reports.filter(status=status)
    return reports


@dataclass(frozen=True)
class Stage:
    name: str  # received, enriched, linked, graded, actioned, resulted, filed
    at: datetime
    detail: str = ""


# Audit actions that mark a stage of a report (linking and enrichment are written by the enrichment modules).
AUDIT_STAGES = {
    "report.enriched": "enriched",
    "report.linked": "linked",
    "link.confirmed": "linked",
}
STAGE_ORDER = ["received", "enriched", "linked", "graded", "actioned", "resulted", "filed"]


def timelines(reports: list[InformationReport]) -> dict[int, list[Stage]]:
    """Each report's timeline from its own dates, its gradings and actions (prefetched by inbox()) and the
    audit events that mark linking and enrichment: one query for the whole page."""
    events: dict[int, list[AuditEvent]] = defaultdict(list)
    ids = [str(r.pk) for r in reports]
    if ids:
        for event in AuditEvent.objects.filter(
            target_type=REPORT_TYPE, target_id__in=ids, action__in=list(AUDIT_STAGES)
        ).order_by("id"):
            events[int(event.target_id)].append(event)
    result: dict[int, list[Stage]] = {}
    for report in reports:
        stages = [Stage("received", report.received_at, report.get_channel_display())]
        seen: set[str] = set()
        for event in events[report.pk]:
            name = AUDIT_STAGES[event.action]
            if name not in seen:
                seen.add(name)
                stages.append(Stage(name, event.occurred_at))
        gradings = sorted(report.gradings.all(), key=lambda g: g.graded_at)
        if gradings:
            stages.append(Stage("graded", gradings[0].graded_at, gradings[-1].code))
        actions = list(report.actions.all())
        if actions:
            stages.append(Stage("actioned", min(a.created_at for a in actions), actions[0].unit.name))
        resulted = [a.resulted_at for a in actions if a.resulted_at]
        if resulted:
            stages.append(Stage("resulted", min(resulted)))
        filed = [a.filed_at for a in actions if a.filed_at]
        if filed and len(filed) == len(actions):
            stages.append(Stage("filed", max(filed)))
        result[report.pk] = sorted(stages, key=lambda s: (STAGE_ORDER.index(s.name), s.at))
    return result


def desk_report(pk: int) -> InformationReport | None:
    return (
        InformationReport.objects.select_related("appeal", "appeal__assessment", "appeal__owning_unit")
        .prefetch_related(
            Prefetch("gradings", queryset=Grading.objects.select_related("graded_by").order_by("-graded_at", "-pk")),
            Prefetch("actions", queryset=Action.objects.select_related("unit", "officer").order_by("created_at")),
        )
        .filter(pk=pk)
        .first()
    )


def actions_visible_to(user: User) -> QuerySet[Action]:
    """The desk and administrators see every action; a unit officer sees only their own unit's."""
    actions = Action.objects.select_related("unit", "officer", "appeal", "grading")
    if can_work_desk(user):
        return actions
    if can_work_actions(user):
        return actions.for_unit(unit_of(user))
    return actions.none()


def audit_events(*, person: str = "", target_type: str = "", target_id: str = "") -> QuerySet[AuditEvent]:
    """The audit log filtered by the person who acted and/or the record acted on, newest first."""
    events = AuditEvent.objects.select_related("actor").order_by("-id")
    if person:
        events = events.filter(actor_label__iexact=person.strip())
    if target_type:
        events = events.filter(target_type=target_type)
    if target_id:
        events = events.filter(target_id=target_id.strip())
    return events


@dataclass(frozen=True)
class DeskEnrichment:
    """What enrichment found in one report, for its page on the desk."""

    enriched: bool
    mentions: list[Mention]
    links: list[Link]
    group: DuplicateGroup | None
    similar: list[InformationReport]  # the other reports in its group, first first
    repeats: InformationReport | None  # the report it was found to repeat
    reasons: list[str]

    @property
    def possible_links(self) -> int:
        """Suggestions below the likely threshold that nobody has decided on: shown folded away."""
        return sum(1 for link in self.links if not link.likely and link.decided_by_id is None)


SIMILAR_SHOWN = 20


def desk_enrichment(report: InformationReport) -> DeskEnrichment:
    enrichment = Enrichment.objects.select_related("group", "duplicate_of").filter(report=report).first()
    mentions = list(report.mentions.select_related("entity").order_by("entity__kind", "entity__value"))
    links = list(
        report.links.select_related("appeal", "appeal__assessment", "decided_by").order_by("-confidence", "pk")
    )
    group = enrichment.group if enrichment else None
    similar: list[InformationReport] = []
    if group is not None:
        similar = list(
            InformationReport.objects.filter(enrichment__group=group)
            .exclude(pk=report.pk)
            .order_by("received_at", "pk")[:SIMILAR_SHOWN]
        )
    return DeskEnrichment(
        enriched=enrichment is not None,
        mentions=mentions,
        links=links,
        group=group,
        similar=similar,
        repeats=enrichment.duplicate_of if enrichment else None,
        reasons=list(enrichment.duplicate_reasons) if enrichment else [],
    )


def entity_label(key: str) -> str:
    """How an entity key is shown: "registration LB07SEO"."""
    kind, _, value = key.partition(":")
    labels = dict(EntityKind.choices)
    return f"{labels[kind].lower()} {value}" if kind in labels else key
