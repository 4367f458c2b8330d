"""Rules for reports: how a report's status may move, and what the police keep of the time an anonymous
report arrived (docs/adr/0005-independent-service.md)."""

from datetime import date, datetime, time

from django.core.exceptions import PermissionDenied
from django.utils import timezone

from .models import ReportStatus

# Where a report's status may go from each status (reporting.services.report_status_move is the only writer).
# The desk moves a report on as it works it: grading puts a received report to being looked at, an action
# passes it to a team (again, when a closed report gets a new action), filing the last action closes it; staff
# may also set it by hand, including reopening a closed report. Nothing goes back to "received": it tells the
# reporter that no officer has read their information yet, which is no longer true.
REPORT_STATUS_TRANSITIONS: dict[ReportStatus, frozenset[ReportStatus]] = {
    ReportStatus.RECEIVED: frozenset({ReportStatus.BEING_LOOKED_AT, ReportStatus.PASSED_TO_TEAM, ReportStatus.CLOSED}),
    ReportStatus.BEING_LOOKED_AT: frozenset({ReportStatus.PASSED_TO_TEAM, ReportStatus.CLOSED}),
    ReportStatus.PASSED_TO_TEAM: frozenset({ReportStatus.BEING_LOOKED_AT, ReportStatus.CLOSED}),
    ReportStatus.CLOSED: frozenset({ReportStatus.BEING_LOOKED_AT, ReportStatus.PASSED_TO_TEAM}),
}


class ReportStatusMoveRefused(PermissionDenied):
    """A report was asked to move to a status its current status cannot reach (REPORT_STATUS_TRANSITIONS).

    Refused as any write the rules do not allow: a page that does not catch it answers 403, never 500."""

    def __init__(self, current: str, target: str) -> None:
        self.current = current
        self.target = target
        super().__init__(
            f"A report that is {ReportStatus(current).label.lower()} cannot be moved to "
            f"{ReportStatus(target).label.lower()}."
        )


def report_status_move_is_allowed(*, current: str, target: str) -> None:
    """Rule: a report's status moves only along REPORT_STATUS_TRANSITIONS; staying where it is is no move.
    Raises ReportStatusMoveRefused otherwise (and ValueError for a status that does not exist)."""
    if target not in ReportStatus.values:
        raise ValueError(f"Unknown status {target!r}")
    if current == target:
        return
    if ReportStatus(target) not in REPORT_STATUS_TRANSITIONS[ReportStatus(current)]:
        raise ReportStatusMoveRefused(current, target)


def anonymous_received_at(received_on: date) -> datetime:
    """An anonymous report is known to the police by the *day* it reached the charity, never a finer time
    (a time could be matched with phone or network records to find the reporter). The stored timestamp is
    midnight of that day, local time, and pages show the date only."""
    return timezone.make_aware(datetime.combine(received_on, time.min))
