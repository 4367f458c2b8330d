"""reporting.rules: where a report's status may move, and the day-only time of anonymous reports."""

import itertools

import pytest

from accounts.roles import Role
from accounts.tests.factories import make_staff
from audit.models import AuditEvent
from reporting import services
from reporting.models import ReportStatus
from reporting.rules import REPORT_STATUS_TRANSITIONS, ReportStatusMoveRefused, report_status_move_is_allowed

from .factories import submit

LEGAL = [
    (ReportStatus.RECEIVED, ReportStatus.BEING_LOOKED_AT),
    (ReportStatus.RECEIVED, ReportStatus.PASSED_TO_TEAM),
    (ReportStatus.RECEIVED, ReportStatus.CLOSED),
    (ReportStatus.BEING_LOOKED_AT, ReportStatus.PASSED_TO_TEAM),
    (ReportStatus.BEING_LOOKED_AT, ReportStatus.CLOSED),
    (ReportStatus.PASSED_TO_TEAM, ReportStatus.BEING_LOOKED_AT),
    (ReportStatus.PASSED_TO_TEAM, ReportStatus.CLOSED),
    (ReportStatus.CLOSED, ReportStatus.BEING_LOOKED_AT),
    (ReportStatus.CLOSED, ReportStatus.PASSED_TO_TEAM),
]
ILLEGAL = [
    (ReportStatus.BEING_LOOKED_AT, ReportStatus.RECEIVED),
    (ReportStatus.PASSED_TO_TEAM, ReportStatus.RECEIVED),
    (ReportStatus.CLOSED, ReportStatus.RECEIVED),
]


def test_the_table_names_every_status_and_every_pair_is_either_legal_or_illegal():
    assert set(REPORT_STATUS_TRANSITIONS) == set(ReportStatus)
    moves = {(a, b) for a, b in itertools.permutations(ReportStatus, 2)}
    assert set(LEGAL) | set(ILLEGAL) == moves and not set(LEGAL) & set(ILLEGAL)


@pytest.mark.parametrize(("current", "target"), LEGAL)
def test_legal_moves_are_allowed(current: ReportStatus, target: ReportStatus):
    report_status_move_is_allowed(current=current, target=target)
    assert target in REPORT_STATUS_TRANSITIONS[current]


@pytest.mark.parametrize(("current", "target"), ILLEGAL)
def test_nothing_goes_back_to_received(current: ReportStatus, target: ReportStatus):
    with pytest.raises(ReportStatusMoveRefused, match="cannot be moved to received") as refused:
        report_status_move_is_allowed(current=current, target=target)
    assert (refused.value.current, refused.value.target) == (current, target)


@pytest.mark.parametrize("status", list(ReportStatus))
def test_staying_where_it_is_is_no_move(status: ReportStatus):
    report_status_move_is_allowed(current=status, target=status)


def test_an_unknown_status_is_refused():
    with pytest.raises(ValueError, match="Unknown status"):
        report_status_move_is_allowed(current=ReportStatus.RECEIVED, target="archived")


@pytest.mark.django_db
def test_the_service_refuses_an_illegal_move_and_changes_nothing():
    analyst = make_staff(Role.ANALYST)
    report = submit().report
    services.report_status_set(report=report, actor=analyst, status=ReportStatus.CLOSED)
    with pytest.raises(ReportStatusMoveRefused):
        services.report_status_set(report=report, actor=analyst, status=ReportStatus.RECEIVED)
    report.refresh_from_db()
    assert report.status == ReportStatus.CLOSED
    assert AuditEvent.objects.filter(action="report.status_set").count() == 1
