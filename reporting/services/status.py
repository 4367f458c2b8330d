"""A report's status, the one thing the reporter sees move: written here only, along reporting.rules."""

from django.contrib.auth.models import User
from django.db import transaction

from audit.services import audit_record

from .. import permissions
from ..models import InformationReport
from ..rules import report_status_move_is_allowed
from .common import require


def report_status_move(*, report: InformationReport, actor: User, status: str) -> InformationReport:
    """Move the report to `status` if reporting.rules allows it (ReportStatusMoveRefused otherwise) and audit
    the move; the same status again changes nothing. The caller owns the transaction and has checked the
    actor's role: staff setting it by hand (report_status_set) or the desk working the report
    (intelligence.services)."""
    report_status_move_is_allowed(current=report.status, target=status)
    previous = report.status
    if previous != status:
        report.status = status
        report.save(update_fields=["status"])
        audit_record(actor=actor, action="report.status_set", target=report, detail={"from": previous, "to": status})
    return report


@transaction.atomic
def report_status_set(*, report: InformationReport, actor: User, status: str) -> InformationReport:
    """Staff set a report's status by hand."""
    require(permissions.can_read_reports(actor))
    report = InformationReport.objects.select_for_update().get(pk=report.pk)
    return report_status_move(report=report, actor=actor, status=status)
