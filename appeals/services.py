"""Every change to an appeal goes through these functions. Each owns its transaction, checks the rules in
appeals.rules, and writes an audit event in the same transaction."""

from datetime import datetime, timedelta
from typing import IO, Any

from django.conf import settings
from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied
from django.core.files.base import ContentFile
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone

from accounts.models import StaffProfile
from accounts.roles import Role, has_role
from audit.services import audit_record
from reportkit.images import reencode_image
from reportkit.storage import files_delete_on_commit

from . import rules, signals
from .models import (
    EDITABLE_FIELDS,
    Appeal,
    AppealImage,
    AppealStatus,
    Authorisation,
    Decision,
    Outcome,
    PublicityAssessment,
    ReleasableField,
)
from .partners import appeal_withdrawal_enqueue
from .permissions import Need, can_create, require
from .public_cache import purge_public_cache
from .references import new_reference


def _public_changed(reference: str) -> None:
    """Call inside a transaction that changes what the public may see of an appeal. After commit: our own
    caches at once (the public version), the proxy from this process (lookout.purge.proxy_purge_now: a few
    milliseconds on its internal listener, so the takedown need not wait for the worker's next poll), then the proxy
    again with retries and the CDN by a task (docs/adr/0041). The second purge also drops a copy that a request
    already under way when the appeal closed stored after the first."""
    from lookout.purge import proxy_purge_now

    from .surfaces import purge_paths
    from .tasks import purge_public_surfaces

    transaction.on_commit(purge_public_cache)
    # robust: a proxy or a queue that cannot be reached is logged, and the close stands (s-maxage=1 bounds the rest).
    transaction.on_commit(lambda: proxy_purge_now(purge_paths(reference)), robust=True)
    transaction.on_commit(lambda: purge_public_surfaces.enqueue(reference), robust=True)


def _require_draft(appeal: Appeal) -> None:
    if appeal.status != AppealStatus.DRAFT:
        raise rules.RuleViolation(
            "not_draft", "Only a draft can be changed. A published appeal must be closed and a new one drafted."
        )


def _rank_label(user: User) -> str:
    profile = StaffProfile.objects.filter(user=user).first()
    return profile.get_rank_display() if profile else "Police staff"


def _record_decision(*, appeal: Appeal, officer: User, senior: bool, decision: str, reason: str) -> datetime:
    now = timezone.now()
    Authorisation.objects.create(
        appeal=appeal,
        officer=officer,
        rank=_rank_label(officer),
        senior=senior,
        decision=decision,
        reason=reason,
        decided_at=now,
    )
    return now


@transaction.atomic
def appeal_create(*, author: User, kind: str, data: dict[str, Any]) -> Appeal:
    if not can_create(author):
        raise PermissionDenied("Only an appeal author can draft an appeal.")
    for _attempt in range(20):
        try:
            with transaction.atomic():
                appeal = Appeal.objects.create(
                    kind=kind, reference=new_reference(kind), author=author, **_only_editable(data)
                )
            break
        except IntegrityError:
            continue  # reference collision: draw another
    else:  # pragma: no cover - 810,000 references per kind; 20 collisions in a row means something is wrong
        raise RuntimeError("Could not allocate a unique appeal reference.")
    audit_record(actor=author, action="appeal.created", target=appeal, detail={"kind": kind})
    return appeal


def _only_editable(data: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in data.items() if k in EDITABLE_FIELDS}


@transaction.atomic
def appeal_update(*, appeal: Appeal, actor: User, data: dict[str, Any]) -> Appeal:
    appeal = Appeal.objects.select_for_update().get(pk=appeal.pk)
    _require_draft(appeal)
    require(actor, appeal, Need.EDIT)
    changes = _only_editable(data)
    changed = [field for field, value in changes.items() if getattr(appeal, field) != value]
    for field in changed:
        setattr(appeal, field, changes[field])
    appeal.save(update_fields=[*changed, "updated_at"])
    audit_record(actor=actor, action="appeal.updated", target=appeal, detail={"fields": changed})
    return appeal


@transaction.atomic
def appeal_image_add(
    *, appeal: Appeal, actor: User, upload: IO[bytes], size: int | None, kind: str, alt_text: str
) -> AppealImage:
    """Re-encode and store an image (the original upload is never written to disk)."""
    _require_draft(appeal)
    require(actor, appeal, Need.EDIT)
    clean = reencode_image(upload, size=size)
    image = AppealImage(
        appeal=appeal, kind=kind, alt_text=alt_text, width=clean.width, height=clean.height, uploaded_by=actor
    )
    image.image.save("image.jpg", ContentFile(clean.full), save=False)
    image.thumbnail.save("thumb.jpg", ContentFile(clean.thumbnail), save=False)
    image.save()
    audit_record(actor=actor, action="appeal.image_added", target=appeal, detail={"image": str(image.public_id)})
    return image


@transaction.atomic
def appeal_image_remove(*, image: AppealImage, actor: User) -> None:
    _require_draft(image.appeal)
    require(actor, image.appeal, Need.EDIT)
    public_id = str(image.public_id)
    appeal = image.appeal
    files = [image.image, image.thumbnail]
    image.delete()
    files_delete_on_commit(files)
    audit_record(actor=actor, action="appeal.image_removed", target=appeal, detail={"image": public_id})


@transaction.atomic
def assessment_save(
    *,
    appeal: Appeal,
    actor: User,
    threat_risk_harm: str,
    missing_risk_grade: str,
    necessity: str,
    less_intrusive_means: str,
    released_fields: list[str],
    released_images: list[AppealImage],
    review_interval_days: int,
) -> PublicityAssessment:
    _require_draft(appeal)
    require(actor, appeal, Need.EDIT)
    assessment, _ = PublicityAssessment.objects.update_or_create(
        appeal=appeal,
        defaults={
            "threat_risk_harm": threat_risk_harm,
            "missing_risk_grade": missing_risk_grade,
            "necessity": necessity,
            "less_intrusive_means": less_intrusive_means,
            "released_fields": [ReleasableField(f).value for f in released_fields],
            "review_interval_days": review_interval_days,
            "updated_by": actor,
        },
    )
    assessment.released_images.set([i for i in released_images if i.appeal_id == appeal.pk])
    audit_record(
        actor=actor,
        action="appeal.assessment_saved",
        target=appeal,
        detail={
            "threat_risk_harm": threat_risk_harm,
            "released_fields": assessment.released_fields,
            "released_images": [str(i.public_id) for i in released_images],
            "review_interval_days": review_interval_days,
        },
    )
    return assessment


def _check_ready_for_authorisation(appeal: Appeal) -> PublicityAssessment:
    assessment = rules.assessment_is_complete(appeal)
    rules.released_fields_are_filled(appeal, assessment)
    rules.images_have_descriptions(assessment)
    return assessment


@transaction.atomic
def appeal_submit(*, appeal: Appeal, actor: User) -> Appeal:
    """The author asks for authorisation. The rules are checked now so the authoriser sees a complete case."""
    appeal = Appeal.objects.select_for_update().get(pk=appeal.pk)
    rules.transition_is_allowed(appeal, AppealStatus.AWAITING_AUTHORISATION)
    require(actor, appeal, Need.EDIT)
    _check_ready_for_authorisation(appeal)
    appeal.status = AppealStatus.AWAITING_AUTHORISATION
    appeal.submitted_at = timezone.now()
    appeal.refusal_reason = ""
    appeal.save(update_fields=["status", "submitted_at", "refusal_reason", "updated_at"])
    audit_record(actor=actor, action="appeal.submitted", target=appeal)
    return appeal


def _public_text(appeal: Appeal, released: list[str]) -> tuple[str, str]:
    from .selectors import public_details

    details = public_details(appeal, released)
    text = " ".join(str(v) for v in details.values() if isinstance(v, str | int) and v)
    areas = ", ".join(appeal.area_list()) if ReleasableField.AREAS in released else ""
    return f"{appeal.reference} {text}".lower(), areas


@transaction.atomic
def appeal_authorise(*, appeal: Appeal, officer: User, reason: str) -> Appeal:
    """A second, permitted officer approves: the appeal is published at once, with its review date set."""
    appeal = Appeal.objects.select_for_update().get(pk=appeal.pk)
    rules.transition_is_allowed(appeal, AppealStatus.PUBLISHED)
    assessment = _check_ready_for_authorisation(appeal)
    rules.approver_did_not_shape(appeal, officer)
    senior = rules.officer_may_authorise(appeal, assessment, officer)
    if not reason.strip():
        raise rules.RuleViolation("reason", "Record why you are approving this release.")
    now = _record_decision(appeal=appeal, officer=officer, senior=senior, decision=Decision.APPROVED, reason=reason)
    appeal.status = AppealStatus.PUBLISHED
    appeal.published_at = now
    appeal.review_due_at = now + timedelta(days=assessment.review_interval_days)
    appeal.review_flagged_at = None
    appeal.public_search_text, appeal.public_areas = _public_text(appeal, assessment.released_fields)
    appeal.save(
        update_fields=[
            "status",
            "published_at",
            "review_due_at",
            "review_flagged_at",
            "public_search_text",
            "public_areas",
            "updated_at",
        ]
    )
    audit_record(
        actor=officer, action="appeal.authorised", target=appeal, detail={"senior": senior}, justification=reason
    )
    _public_changed(appeal.reference)
    signals.appeal_published.send(sender=Appeal, appeal=appeal)
    return appeal


@transaction.atomic
def appeal_refuse(*, appeal: Appeal, officer: User, reason: str) -> Appeal:
    """Refusal returns the appeal to its author as a draft, with the reasons."""
    appeal = Appeal.objects.select_for_update().get(pk=appeal.pk)
    rules.transition_is_allowed(appeal, AppealStatus.DRAFT)
    rules.approver_did_not_shape(appeal, officer)
    if not (has_role(officer, Role.AUTHORISER) or has_role(officer, Role.SENIOR_AUTHORISER)):
        raise rules.RuleViolation("not_authoriser", "Only an authorising officer can refuse an appeal.")
    if not reason.strip():
        raise rules.RuleViolation("reason", "Tell the author why, so they can put it right.")
    _record_decision(
        appeal=appeal,
        officer=officer,
        senior=has_role(officer, Role.SENIOR_AUTHORISER),
        decision=Decision.REFUSED,
        reason=reason,
    )
    appeal.status = AppealStatus.DRAFT
    appeal.refusal_reason = reason
    appeal.save(update_fields=["status", "refusal_reason", "updated_at"])
    audit_record(actor=officer, action="appeal.refused", target=appeal, justification=reason)
    return appeal


@transaction.atomic
def appeal_renew(*, appeal: Appeal, officer: User, reason: str) -> Appeal:
    """At review, an authorising officer (who did not shape it) confirms publicity is still needed."""
    appeal = Appeal.objects.select_for_update().get(pk=appeal.pk)
    if not appeal.is_public:
        raise rules.RuleViolation("not_published", "Only a published appeal can be renewed.")
    assessment = rules.assessment_is_complete(appeal)
    rules.approver_did_not_shape(appeal, officer)
    senior = rules.officer_may_authorise(appeal, assessment, officer)
    if not reason.strip():
        raise rules.RuleViolation("reason", "Record why publicity is still necessary.")
    now = _record_decision(appeal=appeal, officer=officer, senior=senior, decision=Decision.RENEWED, reason=reason)
    appeal.review_due_at = now + timedelta(days=assessment.review_interval_days)
    appeal.review_flagged_at = None
    appeal.save(update_fields=["review_due_at", "review_flagged_at", "updated_at"])
    audit_record(actor=officer, action="appeal.renewed", target=appeal, justification=reason)
    return appeal


@transaction.atomic
def appeal_close(
    *, appeal: Appeal, actor: User | None, outcome: str, note: str = "", now: datetime | None = None
) -> Appeal:
    """Close the appeal with its outcome. It leaves every public surface in the same commit: its page answers
    410, its images stop resolving, lists and feeds drop it, and the public cache is purged. Partners are
    told in the same transaction (a signed "withdrawn" message, sent at once and retried: ADR 0030)."""
    appeal = Appeal.objects.select_for_update().get(pk=appeal.pk)
    rules.transition_is_allowed(appeal, AppealStatus.CLOSED)
    if actor is not None:  # None is the review sweep (appeals_review_sweep), which expires lapsed appeals
        require(actor, appeal, Need.CLOSE)
    outcome = Outcome(outcome).value
    appeal.status = AppealStatus.CLOSED
    appeal.outcome = outcome
    appeal.outcome_note = note
    appeal.closed_at = now or timezone.now()
    appeal.public_search_text = ""
    appeal.public_areas = ""
    appeal.save(
        update_fields=[
            "status",
            "outcome",
            "outcome_note",
            "closed_at",
            "public_search_text",
            "public_areas",
            "updated_at",
        ]
    )
    audit_record(actor=actor, action="appeal.closed", target=appeal, detail={"outcome": outcome}, justification=note)
    _public_changed(appeal.reference)  # registered first: our own pages and caches before the partners' try
    appeal_withdrawal_enqueue(appeal=appeal)
    signals.appeal_closed.send(sender=Appeal, appeal=appeal)
    return appeal


def appeals_review_sweep(*, now: datetime | None = None) -> tuple[list[Appeal], list[Appeal]]:
    """Flag published appeals whose review is due (once), and close as expired those still not renewed a
    grace period after the due date. Returns (flagged, expired). Safe to run as often as you like."""
    now = now or timezone.now()
    grace = timedelta(days=settings.LOOKOUT_REVIEW_GRACE_DAYS)
    flagged: list[Appeal] = []
    expired: list[Appeal] = []
    for appeal in Appeal.objects.review_overdue(now).order_by("review_due_at"):
        if appeal.review_due_at is not None and appeal.review_due_at + grace <= now:
            expired.append(
                appeal_close(
                    appeal=appeal,
                    actor=None,
                    outcome=Outcome.EXPIRED,
                    note="Review not renewed within the grace period.",
                    now=now,
                )
            )
        elif appeal.review_flagged_at is None:
            flagged.append(_flag_review(appeal, now))
    return flagged, expired


@transaction.atomic
def _flag_review(appeal: Appeal, now: datetime) -> Appeal:
    from .tasks import notify_review_due

    appeal.review_flagged_at = now
    appeal.save(update_fields=["review_flagged_at"])
    audit_record(actor=None, action="appeal.review_due", target=appeal, detail={"due": appeal.review_due_at})
    appeal_id = appeal.pk
    transaction.on_commit(lambda: notify_review_due.enqueue(appeal_id))
    return appeal


def appeal_review_notify(*, appeal_id: int) -> int:
    """Tell the officers who authorised the appeal that its review is due. The e-mail names the reference
    only: personal details stay in the back office."""
    appeal = Appeal.objects.public().filter(pk=appeal_id).first()
    if appeal is None or appeal.review_flagged_at is None:
        return 0  # renewed or closed since it was flagged
    officers = {
        a.officer
        for a in appeal.authorisations.select_related("officer").filter(
            decision__in=[Decision.APPROVED, Decision.RENEWED]
        )
    }
    recipients = sorted(o.email for o in officers if o.email)
    if not recipients:
        return 0
    path = reverse("appeals_staff:detail", args=[appeal.reference])
    send_mail(
        subject=f"Review due: appeal {appeal.reference}",
        message=(
            f"The publicity review for appeal {appeal.reference} was due on "
            f"{timezone.localtime(appeal.review_due_at):%-d %B %Y}.\n\n"
            f"Renew it if publicity is still necessary and proportionate, or close it. If nobody renews it, it "
            f"closes as expired {settings.LOOKOUT_REVIEW_GRACE_DAYS} days after the due date.\n\n"
            f"{settings.LOOKOUT_STAFF_BASE_URL}{path}\n"
        ),
        from_email=None,
        recipient_list=recipients,
    )
    return len(recipients)
