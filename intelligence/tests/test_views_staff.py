"""Desk pages (the access matrix is in tests/security/test_roles_access_matrix.py): the inbox's order, filters,
timeline and constant query count, unit officers' view of actions, the audit viewer, recording a call, the numbers."""

from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone

from accounts.roles import Role
from accounts.tests.factories import UnitFactory, make_staff
from appeals.tests.factories import draft, published
from audit.models import AuditEvent
from intelligence.enrichment.pipeline import report_enrich
from intelligence.models import Action
from reporting.models import Channel, InformationReport
from reporting.tests.factories import clean_photo, submit

from .factories import disseminate, fugitive_team, grade, unit_officer

pytestmark = pytest.mark.django_db


def signed_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def world():
    author_user = make_staff(Role.AUTHOR)
    appeal_draft = draft(by=author_user)
    appeal = published()
    image = appeal.images.first()
    report = submit(appeal, files=[clean_photo()]).report
    report_enrich(report_id=report.pk)
    attachment = report.attachments.first()
    team = fugitive_team()
    action = disseminate(report, team)
    return {
        "author": author_user,
        "draft": appeal_draft,
        "appeal": appeal,
        "image": image,
        "report": report,
        "attachment": attachment,
        "team": team,
        "action": action,
    }


def test_unit_officers_see_only_their_units_actions(world):
    mine = world["action"]
    other_unit = UnitFactory(kind="task_force")
    theirs = disseminate(submit(published()).report, other_unit)
    officer = unit_officer(world["team"])
    client = signed_in(officer)
    html = client.get("/staff/actions/").content.decode()
    assert f"Action {mine.pk}" in html and f"Action {theirs.pk}" not in html
    assert client.get(f"/staff/actions/{theirs.pk}/").status_code == 404
    assert client.post(f"/staff/actions/{theirs.pk}/complete/", {"note": "x"}).status_code == 404
    # ... and the report itself (the reporter's words) is never theirs to read.
    assert client.get(f"/staff/inbox/{mine.report_id}/").status_code == 403


def test_inbox_order_urgent_high_harm_first_then_harm_freshness_corroboration():
    high = published(subject_name="High Harm")
    medium = published(subject_name="Medium Harm")
    from appeals.models import PublicityAssessment

    PublicityAssessment.objects.filter(appeal=medium).update(threat_risk_harm="medium")
    old_high = submit(high).report
    InformationReport.objects.filter(pk=old_high.pk).update(received_at=timezone.now() - timedelta(days=3))
    medium_urgent = submit(medium, urgent=True).report
    fresh_high = submit(high).report
    high_urgent = submit(high, urgent=True).report
    general = submit(None).report
    html = signed_in(make_staff(Role.ANALYST)).get("/staff/inbox/").content.decode()
    order = [high_urgent, fresh_high, old_high, medium_urgent, general]
    positions = [html.index(f">Report {r.pk}<") for r in order]
    assert positions == sorted(positions)


def test_inbox_filters_by_appeal_unit_and_status():
    one, two = published(), published()
    r1, r2 = submit(one).report, submit(two).report
    grade(r2)
    client = signed_in(make_staff(Role.ANALYST))
    html = client.get("/staff/inbox/", {"appeal": one.reference}).content.decode()
    assert f">Report {r1.pk}<" in html and f">Report {r2.pk}<" not in html
    html = client.get("/staff/inbox/", {"unit": two.owning_unit_id}).content.decode()
    assert f">Report {r2.pk}<" in html and f">Report {r1.pk}<" not in html
    html = client.get("/staff/inbox/", {"status": "being_looked_at"}).content.decode()
    assert f">Report {r2.pk}<" in html and f">Report {r1.pk}<" not in html


def test_inbox_timeline_and_constant_queries(django_assert_max_num_queries):
    appeal = published()
    team = fugitive_team()
    client = signed_in(make_staff(Role.ANALYST))
    report = submit(appeal).report
    disseminate(report, team)
    client.get("/staff/inbox/")  # warm the session and role caches
    with django_assert_max_num_queries(12) as captured:
        html = client.get("/staff/inbox/").content.decode()
    few = len(captured)
    assert "Received" in html and "Graded" in html and "Actioned" in html and "2B P" in html
    for _ in range(6):
        r = submit(appeal, files=[clean_photo()]).report
        disseminate(r, team)
    with django_assert_max_num_queries(few):
        client.get("/staff/inbox/")


def test_viewing_a_report_on_the_desk_is_audited():
    report = submit(published()).report
    analyst = make_staff(Role.ANALYST)
    client = signed_in(analyst)
    assert client.get(f"/staff/inbox/{report.pk}/").status_code == 200
    assert client.get(f"/staff/reports/{report.pk}/").status_code == 200
    pages = list(
        AuditEvent.objects.for_target(report)
        .filter(action="report.viewed", actor=analyst)
        .values_list("detail", flat=True)
    )
    assert pages == [{"page": "desk"}, {"page": "report"}]


def test_grade_and_disseminate_through_the_pages():
    team = fugitive_team()
    officer = unit_officer(team)
    report = submit(published()).report
    client = signed_in(make_staff(Role.ANALYST))
    bad = client.post(
        f"/staff/inbox/{report.pk}/grade/",
        {"source_evaluation": "2", "intelligence_assessment": "B", "handling_code": "C", "summary": "Seen at gym."},
    )
    assert bad.status_code == 400 and "conditions" in bad.content.decode()
    ok = client.post(
        f"/staff/inbox/{report.pk}/grade/",
        {"source_evaluation": "2", "intelligence_assessment": "B", "handling_code": "P", "summary": "Seen at gym."},
    )
    assert ok.status_code == 302
    sent = client.post(
        f"/staff/inbox/{report.pk}/disseminate/",
        {"unit": team.pk, "officer": officer.pk, "instruction": "Visit", "priority": "high", "due_within": "4"},
    )
    assert sent.status_code == 302
    assert Action.objects.get().officer == officer


def test_record_a_phone_call_shows_the_receipt_once():
    appeal = published()
    client = signed_in(make_staff(Role.ANALYST))
    assert client.get("/staff/inbox/record/").status_code == 200
    response = client.post(
        "/staff/inbox/record/",
        {
            "token": "6f1d1b7e-6a39-4d3c-9f4e-8f7f3a0d2c11",
            "channel": "phone",
            "appeal": appeal.pk,
            "details": "Caller saw the man at the station.",
            "contact_name": "Pat Caller",
            "contact_phone": "07700 900123",
        },
    )
    assert response.status_code == 200 and "Receipt code" in response.content.decode()
    report = InformationReport.objects.get()
    assert report.channel == Channel.PHONE and "Pat" not in report.details
    assert hasattr(report, "contact")


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


def test_numbers_pages_draw_accessible_charts_with_tables():
    appeal = published()
    report = submit(appeal).report
    disseminate(report, fugitive_team())
    client = signed_in(make_staff(Role.ANALYST))
    html = client.get("/staff/numbers/").content.decode()
    assert 'role="img"' in html and "<title id=" in html and "<desc id=" in html
    assert "Under 1 hour" in html and "<table" in html
    html = client.get(f"/staff/numbers/{appeal.reference}/").content.decode()
    assert f"Reports each week on appeal {appeal.reference}" in html


def test_share_an_appeal_with_a_unit():
    appeal = published()
    team = fugitive_team()
    client = signed_in(make_staff(Role.ANALYST))
    response = client.post(
        f"/staff/sharing/{appeal.reference}/", {"unit": team.pk, "kind": "transferred", "reason": "Fugitive search"}
    )
    assert response.status_code == 302
    appeal.refresh_from_db()
    assert appeal.owning_unit == team
