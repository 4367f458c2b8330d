"""Reads: a report by its receipt (throttled without tracking anyone), and the operator console's lists."""

from django.db.models import Prefetch, QuerySet

from reportkit.selectors import Lookup, receipt_lookup

from .models import AnonymousReport, CleanFile, FollowUp, FollowUpState, Reward, RewardState


def report_by_receipt(text: str) -> Lookup[AnonymousReport]:
    """The report for a receipt code, with its reward and questions; the same rule as the police follow-up page
    (reportkit.selectors.receipt_lookup)."""
    return receipt_lookup(
        text,
        lambda code_hash: (
            AnonymousReport.objects.filter(receipt_hash=code_hash)
            .select_related("reward")
            .prefetch_related("follow_ups")
            .first()
        ),
    )


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
