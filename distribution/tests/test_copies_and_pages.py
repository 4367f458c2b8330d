"""Copies made by hand: recorded by the officer on the staff appeal page, on their desk once the appeal closes,
reminded until ticked as removed; the ledger and the takedown report on the staff appeal page; the rules for
surfaces and who may do what."""

from datetime import timedelta

import pytest
from django.core import mail
from django.core.management import call_command
from django.test import Client
from django.utils import timezone

from accounts.roles import Role
from accounts.tests.factories import make_staff
from appeals import services as appeal_services
from appeals.models import Outcome
from appeals.tests.factories import draft, published
from audit.models import AuditEvent
from distribution import surfaces
from distribution.models import ManualCopy
from distribution.services import copies_remind, manual_copy_record

pytestmark = pytest.mark.django_db


def signed_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def test_an_officer_records_a_copy_on_the_staff_page_and_it_is_audited_without_its_address():
    appeal = published()
    officer = make_staff(Role.ANALYST)
    client = signed_in(officer)
    page = client.get(f"/staff/appeals/{appeal.reference}/").content.decode()
    assert "Where it went" in page and "Record a copy you made" in page
    url = f"/staff/distribution/appeals/{appeal.reference}/copies/new/"
    refused = client.post(url, {"kind": "poster", "where": "  ", "count": "0"})
    assert refused.status_code == 200
    assert "Say where the copy is" in refused.content.decode() and "Enter 1 or more" in refused.content.decode()
    done = client.post(url, {"kind": "poster", "where": "Mill Street  noticeboard", "count": "3"})
    assert done.status_code == 302
    copy = ManualCopy.objects.get()
    assert (copy.recorded_by, copy.where, copy.count) == (officer, "Mill Street noticeboard", 3)
    event = AuditEvent.objects.get(action="distribution.copy_recorded")
    assert "Mill Street" not in str(event.detail)
    assert "Mill Street noticeboard" in client.get(f"/staff/appeals/{appeal.reference}/").content.decode()


def test_an_auditor_reads_the_ledger_but_records_nothing():
    appeal = published()
    client = signed_in(make_staff(Role.AUDITOR))
    page = client.get(f"/staff/appeals/{appeal.reference}/").content.decode()
    assert "Where it went" in page and "Record a copy you made" not in page
    url = f"/staff/distribution/appeals/{appeal.reference}/copies/new/"
    assert client.post(url, {"kind": "poster", "where": "Mill Street"}).status_code == 403
    assert client.get("/staff/distribution/desk/").status_code == 403


def test_no_copy_of_an_appeal_that_is_not_public():
    appeal = draft()
    client = signed_in(appeal.author)
    assert client.get(f"/staff/distribution/appeals/{appeal.reference}/copies/new/").status_code == 403


def test_closing_puts_each_copy_on_its_officers_desk_reminded_until_ticked(settings):
    appeal = published()
    officer = make_staff(Role.AUTHOR)
    officer.email = "officer@police.example"
    officer.save(update_fields=["email"])
    other = make_staff(Role.AUTHOR)
    copy = manual_copy_record(appeal=appeal, actor=officer, kind="social_post", where="https://social.example/p/1")
    client = signed_in(officer)
    assert "Nothing to take down" in client.get("/staff/distribution/desk/").content.decode()  # not closed yet

    appeal_services.appeal_close(appeal=appeal, actor=appeal.author, outcome=Outcome.ARRESTED)
    desk = client.get("/staff/distribution/desk/").content.decode()
    assert "https://social.example/p/1" in desk
    assert "https://social.example/p/1" not in signed_in(other).get("/staff/distribution/desk/").content.decode()
    report = client.get(f"/staff/appeals/{appeal.reference}/").content.decode()
    assert "Takedown report" in report and "on the officer's desk" in report

    # Reminded at most once a day while open.
    assert copies_remind() == 1 and len(mail.outbox) == 1 and appeal.reference in mail.outbox[0].body
    assert copies_remind() == 0
    call_command("distribution_remind", "--hours", "0")  # the command, told to remind at every run
    assert len(mail.outbox) == 2
    assert copies_remind(now=timezone.now() + timedelta(hours=25)) == 1
    assert len(mail.outbox) == 3

    # Someone else cannot tick it; its officer can, and it leaves the desk and the reminders.
    assert signed_in(other).post(f"/staff/distribution/copies/{copy.pk}/removed/").status_code == 403
    assert client.post(f"/staff/distribution/copies/{copy.pk}/removed/").status_code == 302
    copy.refresh_from_db()
    assert copy.removed_at is not None
    assert "Nothing to take down" in client.get("/staff/distribution/desk/").content.decode()
    assert copies_remind(now=timezone.now() + timedelta(days=3)) == 0
    assert AuditEvent.objects.filter(action="distribution.copy_removed").count() == 1


def test_a_surface_whose_url_name_does_not_resolve_is_not_deployed():
    missing = surfaces.Surface("x", "X", "nowhere:nothing", surfaces.Args.REFERENCE, surfaces.Check.GONE)
    assert surfaces.paths_for(missing, reference="W-AAAA", image_ids=[]) is None
    page = surfaces.BY_KEY["page"]
    assert surfaces.paths_for(page, reference="W-AAAA", image_ids=[]) == ["/appeals/W-AAAA/"]


@pytest.mark.parametrize(
    ("key", "status", "body", "gone"),
    [
        ("page", 410, b"", True),
        ("page", 404, b"", True),
        ("page", 200, b"", False),
        ("page", 503, b"", False),
        ("feed_json", 200, b'{"items": []}', True),
        ("feed_json", 200, b'{"items": [{"id": "W-AAAA"}]}', False),
        ("feed_json", 500, b"", False),
        ("cap", 200, b"<msgType>Cancel</msgType>", True),
        ("cap", 200, b"<msgType>Alert</msgType>", False),
        ("cap", 404, b"", True),
    ],
)
def test_the_rule_for_gone(key, status, body, gone):
    assert surfaces.is_gone(surfaces.BY_KEY[key], status=status, body=body, reference="W-AAAA") is gone


def test_the_takedown_waits_and_retries_while_our_public_site_cannot_be_reached(
    settings, django_capture_on_commit_callbacks
):
    from distribution.models import SurfaceCheck
    from distribution.services import takedowns_verify_due

    settings.LOOKOUT_PUBLIC_BASE_URL = "http://127.0.0.1:9"  # nothing listens
    appeal = published()
    with django_capture_on_commit_callbacks(execute=True):  # the first check runs after the commit
        appeal_services.appeal_close(appeal=appeal, actor=appeal.author, outcome=Outcome.ARRESTED)
    checks = SurfaceCheck.objects.filter(appeal=appeal, deployed=True)
    assert checks.exists() and not checks.filter(confirmed_at__isnull=False).exists()
    assert takedowns_verify_due() == (0, 1)
    assert all(c.attempts == 2 for c in checks)
