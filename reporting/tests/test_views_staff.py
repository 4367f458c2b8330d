"""Back office: who sees reports, the audited reveals, questions and status, and the inbox's queries."""

import uuid

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from accounts.roles import Role
from accounts.tests.factories import make_staff
from appeals.tests.factories import published
from audit.models import AuditEvent
from reporting.models import MessageDirection, ReportStatus

from .factories import clean_photo, submit

pytestmark = pytest.mark.django_db

CONTACT = {"name": "Alex Witness", "phone": "07700 900982", "email": "alex@example.org"}


def signed_in(*roles: Role) -> Client:
    client = Client()
    client.force_login(make_staff(*roles))
    return client


def test_inbox_needs_the_desk_role(client: Client):
    assert client.get("/staff/reports/").status_code == 302  # to sign in
    assert signed_in(Role.AUTHOR).get("/staff/reports/").status_code == 403
    assert signed_in(Role.ANALYST).get("/staff/reports/").status_code == 200
    assert signed_in(Role.ADMINISTRATOR).get("/staff/reports/").status_code == 200


def test_inbox_lists_urgent_first_without_contact_details_in_constant_queries():
    appeal = published()
    submit(appeal, contact=CONTACT)
    urgent = submit(appeal, urgent=True, files=[clean_photo()]).report
    analyst = signed_in(Role.ANALYST)
    with CaptureQueriesContext(connection) as few:
        html = analyst.get("/staff/reports/").content.decode()
    assert html.index(f"Report {urgent.pk}") < html.index("Report ", html.index(f"Report {urgent.pk}") + 1)
    assert "Alex" not in html
    for _ in range(5):
        submit(appeal, files=[clean_photo()])
    with CaptureQueriesContext(connection) as many:
        analyst.get("/staff/reports/")
    assert len(many) == len(few)


def test_detail_shows_answers_and_files_but_contact_only_after_an_audited_reveal():
    report = submit(published(), contact=CONTACT, files=[clean_photo()]).report
    analyst = signed_in(Role.ANALYST)
    html = analyst.get(f"/staff/reports/{report.pk}/").content.decode()
    assert report.details in html and "Green Ford Transit, QZ71 XLR" in html
    assert "Alex" not in html and "Show contact details" in html
    attachment = report.attachments.get()
    image = analyst.get(f"/staff/reports/{report.pk}/files/{attachment.public_id}/")
    assert image.status_code == 200 and image["Content-Type"] == "image/jpeg"
    assert b"TestCam" not in b"".join(image.streaming_content)
    refused = analyst.post(f"/staff/reports/{report.pk}/contact/", {"justification": ""})
    assert refused.status_code == 400 and "Say why you need to see this" in refused.content.decode()
    shown = analyst.post(f"/staff/reports/{report.pk}/contact/", {"justification": "Call back"}).content.decode()
    assert "Alex Witness" in shown and "07700 900982" in shown
    assert AuditEvent.objects.filter(action="report.contact_revealed", justification="Call back").count() == 1


def test_original_download_is_audited():
    report = submit(published(), files=[clean_photo()]).report
    attachment = report.attachments.get()
    analyst = signed_in(Role.ANALYST)
    url = f"/staff/reports/{report.pk}/files/{attachment.public_id}/original/"
    assert analyst.post(url, {"justification": ""}).status_code == 302
    assert not AuditEvent.objects.filter(action="report.original_viewed").exists()
    response = analyst.post(url, {"justification": "Evidence"})
    assert response.status_code == 200 and b"TestCam" in response.content  # the untouched original
    assert "attachment" in response["Content-Disposition"]
    assert AuditEvent.objects.filter(action="report.original_viewed").count() == 1
    assert signed_in(Role.AUTHOR).post(url, {"justification": "x"}).status_code == 403


def test_staff_ask_a_question_and_change_status():
    report = submit(published()).report
    analyst = signed_in(Role.ANALYST)
    token = str(uuid.uuid4())
    assert analyst.post(f"/staff/reports/{report.pk}/question/", {"body": "", "token": token}).status_code == 400
    response = analyst.post(f"/staff/reports/{report.pk}/question/", {"body": "Which gym?", "token": token})
    assert response.status_code == 302
    analyst.post(f"/staff/reports/{report.pk}/question/", {"body": "Which gym?", "token": token})  # double click
    assert report.messages.filter(direction=MessageDirection.TO_REPORTER).count() == 1
    assert analyst.post(f"/staff/reports/{report.pk}/status/", {"status": "nonsense"}).status_code == 400
    analyst.post(f"/staff/reports/{report.pk}/status/", {"status": ReportStatus.PASSED_TO_TEAM})
    report.refresh_from_db()
    assert report.status == ReportStatus.PASSED_TO_TEAM
    assert "Which gym?" in analyst.get(f"/staff/reports/{report.pk}/").content.decode()


def test_unknown_report_and_file_are_404():
    report = submit(published()).report
    analyst = signed_in(Role.ANALYST)
    assert analyst.get("/staff/reports/999999/").status_code == 404
    assert analyst.get(f"/staff/reports/{report.pk}/files/{uuid.uuid4()}/").status_code == 404


def test_staff_nav_links_to_the_inbox():
    html = signed_in(Role.ANALYST).get("/staff/").content.decode()
    assert 'href="/staff/reports/"' in html


def test_status_form_offers_only_the_moves_the_rules_allow_and_explains_a_refused_one():
    report = submit(published()).report
    analyst = signed_in(Role.ANALYST)
    page = analyst.get(f"/staff/reports/{report.pk}/").content.decode()
    assert f'value="{ReportStatus.RECEIVED}"' in page  # where it is, first
    analyst.post(f"/staff/reports/{report.pk}/status/", {"status": ReportStatus.BEING_LOOKED_AT})
    page = analyst.get(f"/staff/reports/{report.pk}/").content.decode()
    assert f'value="{ReportStatus.RECEIVED}"' not in page  # nothing moves back to received
    # A page left open from before the move still posts "received": refused with the reason, not a 403 or 500.
    refused = analyst.post(f"/staff/reports/{report.pk}/status/", {"status": ReportStatus.RECEIVED})
    assert refused.status_code == 400
    assert "cannot be moved to received" in refused.content.decode()
    report.refresh_from_db()
    assert report.status == ReportStatus.BEING_LOOKED_AT
