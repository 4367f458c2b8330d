"""The desk's numbers: per appeal and for the force, as rows for a table and bars for a chart."""

from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from django.db.models import Min
from django.utils import timezone
from django.utils.safestring import SafeString

from appeals.models import Appeal
from reporting.models import Channel, InformationReport

from .charts import Bar, bar_chart
from .models import Action, Link, LinkDecision

WEEKS = 8
# Time from a report arriving to its first action, in buckets a desk manager reads at a glance.
TIME_TO_ACTION_BUCKETS = [
    ("Under 1 hour", timedelta(hours=1)),
    ("1 to 4 hours", timedelta(hours=4)),
    ("4 to 24 hours", timedelta(hours=24)),
    ("1 to 3 days", timedelta(days=3)),
    ("Over 3 days", timedelta.max),
]


def week_start(moment: datetime) -> datetime:
    local = timezone.localtime(moment)
    monday = local - timedelta(days=local.weekday())
    return monday.replace(hour=0, minute=0, second=0, microsecond=0)


def time_to_action_bucket(delay: timedelta) -> str:
    """The bucket a delay falls in: each bucket holds delays below its upper bound."""
    for label, upper in TIME_TO_ACTION_BUCKETS:
        if delay < upper:
            return label
    return TIME_TO_ACTION_BUCKETS[-1][0]


def _weeks(now: datetime) -> list[datetime]:
    this_week = week_start(now)
    return [this_week - timedelta(weeks=n) for n in range(WEEKS - 1, -1, -1)]


@dataclass
class AppealNumbers:
    weekly: list[tuple[str, int]]
    chart: SafeString
    reports: int
    linked: int
    first_report_at: datetime | None
    first_action_at: datetime | None
    outcome: str
    time_to_first_action: timedelta | None = field(default=None)
    confirmed: int = 0  # reports an analyst confirmed as about the appeal (suggested by linking)
    awaiting: int = 0  # likely links still waiting for an analyst's decision


def appeal_numbers(appeal: Appeal, now: datetime | None = None) -> AppealNumbers:
    now = now or timezone.now()
    received = list(InformationReport.objects.filter(appeal=appeal).values_list("received_at", flat=True))
    weeks = _weeks(now)
    counts = Counter(week_start(r) for r in received)
    weekly = [(f"{w:%-d %b}", counts.get(w, 0)) for w in weeks]
    first_action = Action.objects.filter(appeal=appeal).aggregate(first=Min("created_at"))["first"]
    first_report = min(received) if received else None
    linked = InformationReport.objects.filter(appeal=appeal, gradings__isnull=False).distinct().count()
    decisions = Counter(
        Link.objects.filter(appeal=appeal).exclude(decision=LinkDecision.REJECTED).values_list("decision", "likely")
    )
    return AppealNumbers(
        weekly=weekly,
        chart=bar_chart(
            chart_id="appeal-weekly",
            title=f"Reports each week on appeal {appeal.reference}",
            description=", ".join(f"week of {label}: {n}" for label, n in weekly),
            bars=[Bar(label, n) for label, n in weekly],
        ),
        reports=len(received),
        linked=linked,
        first_report_at=first_report,
        first_action_at=first_action,
        outcome=appeal.get_outcome_display() if appeal.outcome else "Open",
        time_to_first_action=(first_action - first_report) if first_action and first_report else None,
        confirmed=decisions[(LinkDecision.CONFIRMED, True)] + decisions[(LinkDecision.CONFIRMED, False)],
        awaiting=decisions[(LinkDecision.SUGGESTED, True)],
    )


@dataclass
class ForceNumbers:
    channels: list[str]
    by_week: list[tuple[str, list[int], int]]  # week label, count per channel, total
    weekly_chart: SafeString
    time_to_action: list[tuple[str, int]]
    time_chart: SafeString


def force_numbers(now: datetime | None = None) -> ForceNumbers:
    now = now or timezone.now()
    weeks = _weeks(now)
    rows = InformationReport.objects.filter(received_at__gte=weeks[0]).values_list("received_at", "channel")
    counts: Counter[tuple[datetime, str]] = Counter((week_start(at), channel) for at, channel in rows)
    channels = list(Channel.values)
    by_week = []
    for w in weeks:
        per_channel = [counts.get((w, c), 0) for c in channels]
        by_week.append((f"{w:%-d %b}", per_channel, sum(per_channel)))
    first_actions = (
        Action.objects.filter(report__received_at__gte=weeks[0])
        .values("report_id", "report__received_at")
        .annotate(first=Min("created_at"))
    )
    buckets = Counter(time_to_action_bucket(a["first"] - a["report__received_at"]) for a in first_actions)
    time_to_action = [(label, buckets.get(label, 0)) for label, _ in TIME_TO_ACTION_BUCKETS]
    return ForceNumbers(
        channels=[Channel(c).label for c in channels],
        by_week=by_week,
        weekly_chart=bar_chart(
            chart_id="force-weekly",
            title=f"Reports received each week, last {WEEKS} weeks",
            description=", ".join(f"week of {label}: {total}" for label, _, total in by_week),
            bars=[Bar(label, total) for label, _, total in by_week],
        ),
        time_to_action=time_to_action,
        time_chart=bar_chart(
            chart_id="force-time-to-action",
            title="Time from a report arriving to its first action",
            description=", ".join(f"{label}: {n}" for label, n in time_to_action),
            bars=[Bar(label, n) for label, n in time_to_action],
        ),
    )
