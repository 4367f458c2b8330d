"""The life of an appeal through the services: audit events, review dates, the review sweep, takedown."""

from datetime import timedelta

import pytest
from django.utils import timezone

from appeals import services
from appeals.models import Appeal, AppealKind, AppealStatus, Outcome
from appeals.references import ALPHABET, new_reference, normalise_reference
from appeals.selectors import public_appeal_page
from audit.models import AuditEvent
from audit.services import audit_verify_chain

from .factories import authoriser, draft, published, submitted

pytestmark = pytest.mark.django_db


def test_reference_is_short_random_and_kind_prefixed():
    refs = {new_reference("wanted") for _ in range(200)}
    assert len(refs) > 190
    for ref in refs:
        assert ref.startswith("W-") and len(ref) == 6
        assert set(ref[2:]) <= set(ALPHABET)
    assert new_reference("missing").startswith("M-")


@pytest.mark.parametrize("typed", ["w-7kq2", " W 7KQ2 ", "W7KQ2", "w7kq2"])
def test_reference_normalises_what_people_type(typed):
    assert normalise_reference(typed) == "W-7KQ2"


def test_reference_never_changes():
    appeal = draft()
    ref = appeal.reference
    services.appeal_update(appeal=appeal, actor=appeal.author, data={"subject_name": "New Name"})
    appeal.refresh_from_db()
    assert appeal.reference == ref


def test_every_step_is_audited_and_the_chain_verifies():
    appeal = published()
    services.appeal_close(appeal=appeal, actor=appeal.author, outcome=Outcome.ARRESTED, note="Arrested")
    actions = list(AuditEvent.objects.for_target(appeal).values_list("action", flat=True))
    assert actions == [
        "appeal.created",
        "appeal.image_added",
        "appeal.assessment_saved",
        "appeal.submitted",
        "appeal.authorised",
        "appeal.closed",
        "distribution.takedown_started",  # the ledger's takedown begins in the same transaction (ADR 0039)
    ]
    assert audit_verify_chain().ok


def test_authorisation_sets_review_date_from_the_assessment():
    appeal = published()
    assert appeal.published_at is not None and appeal.review_due_at is not None
    assert appeal.review_due_at - appeal.published_at == timedelta(days=28)


def test_publication_indexes_only_released_text():
    appeal = submitted(distinguishing_features="tattoo of a heron", description="seen near the canal")
    assessment = appeal.assessment
    assessment.released_fields = ["name", "reason"]
    assessment.save()
    services.appeal_authorise(appeal=appeal, officer=authoriser(), reason="ok")
    assert search_public_appeals(text="robin")  # the name was released
    assert not search_public_appeals(text="heron")  # features were not
    assert not search_public_appeals(text="canal")
    assert not search_public_appeals(area="Eastbrook")  # areas were not released


def test_review_sweep_flags_once_then_expires_after_grace(settings):
    settings.LOOKOUT_REVIEW_GRACE_DAYS = 3
    appeal = published()
    due = appeal.review_due_at
    flagged, expired = services.appeals_review_sweep(now=due + timedelta(hours=1))
    assert [a.pk for a in flagged] == [appeal.pk] and not expired
    flagged, expired = services.appeals_review_sweep(now=due + timedelta(days=1))
    assert not flagged and not expired  # flagged once only
    flagged, expired = services.appeals_review_sweep(now=due + timedelta(days=3, minutes=1))
    assert [a.pk for a in expired] == [appeal.pk]
    appeal.refresh_from_db()
    assert appeal.status == AppealStatus.CLOSED and appeal.outcome == Outcome.EXPIRED
    assert AuditEvent.objects.for_target(appeal).filter(action="appeal.closed", actor_label="system").exists()


def test_renewal_pushes_the_review_date_and_clears_the_flag():
    appeal = published()
    services.appeals_review_sweep(now=appeal.review_due_at + timedelta(hours=1))
    appeal.refresh_from_db()
    assert appeal.review_flagged_at is not None
    services.appeal_renew(appeal=appeal, officer=authoriser(), reason="Still at large; risk remains high.")
    appeal.refresh_from_db()
    assert appeal.review_flagged_at is None
    assert appeal.review_due_at > timezone.now() + timedelta(days=27)


def public_appeals() -> list:
    return public_appeal_page(1).items


def search_public_appeals(**filters: str) -> list:
    return public_appeal_page(1, **filters).items


def test_closing_drops_the_appeal_from_the_cached_public_list(django_capture_on_commit_callbacks):
    appeal = published()
    assert appeal.reference in {a.reference for a in public_appeals()}  # now cached
    with django_capture_on_commit_callbacks(execute=True):
        services.appeal_close(appeal=appeal, actor=appeal.author, outcome=Outcome.LOCATED)
    assert appeal.reference not in {a.reference for a in public_appeals()}


def test_closing_clears_public_search_text():
    appeal = published(AppealKind.MISSING)
    services.appeal_close(appeal=appeal, actor=appeal.author, outcome=Outcome.FOUND_SAFE)
    stored = Appeal.objects.get(pk=appeal.pk)
    assert stored.public_search_text == "" and stored.public_areas == ""


def test_review_due_emails_the_authorising_officer_by_reference_only(django_capture_on_commit_callbacks, mailoutbox):
    officer = authoriser()
    officer.email = "inspector@example.org"
    officer.save()
    appeal = published(officer=officer, subject_name="Private Name")
    with django_capture_on_commit_callbacks(execute=True):
        services.appeals_review_sweep(now=appeal.review_due_at + timedelta(hours=1))
    assert len(mailoutbox) == 1
    message = mailoutbox[0]
    assert message.to == ["inspector@example.org"]
    assert appeal.reference in message.subject and f"/staff/appeals/{appeal.reference}/" in message.body
    assert "Private Name" not in message.body + message.subject


# The worker calls close_old_connections(), which closes a connection left inside a test's transaction; on
# PostgreSQL that broke the test, so it runs with real commits (SQLite's in-memory connection hid this).
@pytest.mark.django_db(transaction=True)
def test_review_notice_goes_through_the_database_worker(settings, django_capture_on_commit_callbacks, mailoutbox):
    from django.core.management import call_command
    from django_tasks_db.models import DBTaskResult

    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    officer = authoriser()
    officer.email = "inspector@example.org"
    officer.save()
    appeal = published(officer=officer)
    # Publishing queued the desk's look back at recent reports, and each commit with audit events queues the
    # audit sequencer (ADR 0037); only the review notice matters here.
    before = set(DBTaskResult.objects.values_list("pk", flat=True))
    services.appeals_review_sweep(now=appeal.review_due_at + timedelta(hours=1))
    notices = DBTaskResult.objects.exclude(pk__in=before).exclude(task_path="audit.tasks.seal_events")
    assert notices.count() == 1 and not mailoutbox  # queued, not yet run
    call_command("db_worker", "--batch", "--no-startup-delay")
    assert len(mailoutbox) == 1
    assert notices.get().status == "SUCCESSFUL"
