"""The audit log viewer (who may read it is in tests/security/test_roles_access_matrix.py)."""

import pytest

from accounts.roles import Role
from accounts.tests.factories import make_staff
from appeals.tests.factories import published
from intelligence.tests.factories import grade
from intelligence.tests.test_views_staff import signed_in
from reporting.tests.factories import submit

pytestmark = pytest.mark.django_db


def test_audit_viewer_filters_by_person_and_record():
    appeal = published()
    report = submit(appeal).report
    analyst = make_staff(Role.ANALYST, username="desk.analyst")
    grade(report, by=analyst)
    auditor = signed_in(make_staff(Role.AUDITOR))
    html = auditor.get("/staff/audit/", {"person": "desk.analyst"}).content.decode()
    assert "report.graded" in html and "appeal.created" not in html
    html = auditor.get(
        "/staff/audit/", {"record_type": "appeals.appeal", "record_id": appeal.reference}
    ).content.decode()
    assert "appeal.authorised" in html or "appeal.published" in html
    assert "report.graded" not in html
