"""Reads: which appeals accept reports, the staff inbox, and finding a report by its receipt."""

from dataclasses import dataclass

from django.db.models import Prefetch, QuerySet

from appeals.models import Appeal
from appeals.selectors import PublicAppeal, appeal_has_ended, public_appeal
from reportkit.receipts import receipt_hash, receipt_normalise

from .models import Attachment, InformationReport, Message
from .throttle import failed_lookup_count, lookups_blocked


@dataclass(frozen=True)
class ReportableAppeal:
    appeal: Appeal
    public: PublicAppeal


def reportable_appeal(reference: str) -> ReportableAppeal | None:
    """A published appeal, with what the public may see of it. The same rule as the appeal page."""
    shown = public_appeal(reference)
    if shown is None:
        return None
    appeal = Appeal.objects.public().filter(reference=reference).first()
    if appeal is None:  # pragma: no cover - closed between the two reads
        return None
    return ReportableAppeal(appeal=appeal, public=shown)


def appeal_report_ended(reference: str) -> bool:
    return appeal_has_ended(reference)


@dataclass(frozen=True)
class Lookup:
    report: InformationReport | None
    throttled: bool = False


def report_by_receipt(text: str) -> Lookup:
    """The report for a receipt code, or None. Every failure looks the same to the caller; failures are
    counted in the code's bucket (reporting.throttle) and, once too many, no code in that bucket is checked
    until the next minute."""
    code = receipt_normalise(text)
    if code is None:  # cannot be a code: nothing to look up, nothing learnt by a guesser
        return Lookup(report=None)
    if lookups_blocked(code):
        return Lookup(report=None, throttled=True)
    report = (
        InformationReport.objects.filter(receipt__code_hash=receipt_hash(code))
        .prefetch_related(Prefetch("messages", queryset=Message.objects.order_by("sent_at", "pk")))
        .first()
    )
    if report is None:
        failed_lookup_count(code)
    return Lookup(report=report)


def staff_reports() -> QuerySet[InformationReport]:
    """The inbox: urgent first, then newest."""
    return InformationReport.objects.inbox_order().select_related("appeal").prefetch_related("attachments")


def staff_report(pk: int) -> InformationReport | None:
    return (
        InformationReport.objects.select_related("appeal")
        .prefetch_related(
            Prefetch("messages", queryset=Message.objects.select_related("author").prefetch_related("attachments")),
            Prefetch("attachments", queryset=Attachment.objects.filter(message__isnull=True)),
        )
        .filter(pk=pk)
        .first()
    )
