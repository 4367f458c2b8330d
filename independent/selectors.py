"""Reads: a report by its receipt (throttled without tracking anyone), and the operator console's lists."""

from dataclasses import dataclass

from django.db.models import Prefetch, QuerySet

from reporting.throttle import failed_lookup_count, lookups_blocked
from reportkit.receipts import receipt_hash, receipt_normalise

from .models import AnonymousReport, CleanFile, FollowUp, FollowUpState, Reward, RewardState


@dataclass(frozen=True)
class Lookup:
    report: AnonymousReport | None
    throttled: bool = False


def report_by_receipt(text: str) -> Lookup:
    """The same rule as the police follow-up page: one indexed query on the keyed hash; every failure looks
    the same and is counted in the code's bucket (reporting.throttle)."""
    code = receipt_normalise(text)
    if code is None:  # cannot be a code: nothing to look up, nothing learnt by a guesser
        return Lookup(report=None)
    if lookups_blocked(code):
        return Lookup(report=None, throttled=True)
    report = (
        AnonymousReport.objects.filter(receipt_hash=receipt_hash(code))
        .select_related("reward")
        .prefetch_related("follow_ups")
        .first()
    )
    if report is None:
        failed_lookup_count(code)
    return Lookup(report=report)


def reward_of(report: AnonymousReport) -> Reward | None:
    return Reward.objects.filter(report=report).first()


def console_reports() -> QuerySet[AnonymousReport]:
    return AnonymousReport.objects.console_order().prefetch_related("files")


def console_report(pk: int) -> AnonymousReport | None:
    return (
        AnonymousReport.objects.prefetch_related(
            Prefetch("files", queryset=CleanFile.objects.filter(follow_up__isnull=True)),  # type: ignore[arg-type]
            "follow_ups__answers",
        )
        .filter(pk=pk)
        .first()
    )


def answers_waiting() -> QuerySet[FollowUp]:
    return FollowUp.objects.filter(state=FollowUpState.ANSWERED).select_related("report")


def rewards_open() -> QuerySet[Reward]:
    return Reward.objects.filter(state__in=[RewardState.OFFERED, RewardState.CLAIMED]).select_related("report")
