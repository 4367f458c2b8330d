"""Reads: which appeals accept reports, the staff inbox, and finding a report by its receipt."""

from dataclasses import dataclass

from django.db.models import Prefetch, QuerySet

from appeals.models import Appeal
from appeals.public_cache import cached_public
from appeals.selectors import PublicAppeal, appeal_has_ended, public_appeal
from reportkit.selectors import Lookup, receipt_lookup

from .models import Attachment, InformationReport, Message


@dataclass(frozen=True)
class ReportableAppeal:
    appeal: Appeal
    public: PublicAppeal


def _reportable_appeal(reference: str) -> ReportableAppeal | None:
    shown = public_appeal(reference)
    if shown is None:
        return None
    appeal = Appeal.objects.public().filter(reference=reference).first()
    if appeal is None:  # pragma: no cover - closed between the two reads
        return None
    return ReportableAppeal(appeal=appeal, public=shown)


def reportable_appeal(reference: str) -> ReportableAppeal | None:
    """A published appeal, with what the public may see of it. The same rule as the appeal page, and the same
    cache: read once per public version, which every takedown bumps (appeals.public_cache), and kept in each
    process's memo, so a surge's forms shown and posted cost no round trip for it. Per language, as everything
    there: which of the appeal's words are shown in English (lang="en") depends on the page's language. Only an
    appeal found is kept, so made-up references fill no cache. What is returned is shared: never change it."""
    return cached_public(f"reportable:{reference}", lambda: _reportable_appeal(reference))


def appeal_report_ended(reference: str) -> bool:
    return appeal_has_ended(reference)


def report_by_receipt(text: str) -> Lookup[InformationReport]:
    """The report for a receipt code, with its messages in order; the rule is reportkit.selectors.receipt_lookup."""
    return receipt_lookup(
        text,
        lambda code_hash: (
            InformationReport.objects.filter(receipt__code_hash=code_hash)
            .prefetch_related(Prefetch("messages", queryset=Message.objects.order_by("sent_at", "pk")))
            .first()
        ),
    )


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
