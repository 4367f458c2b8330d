"""Who may do what with an appeal: one predicate per permission, its docstring the rule (ADR 0033).

Services enforce these (they raise PermissionDenied, or a RuleViolation with the officer's message where the rule
is a domain rule in appeals.rules); views call them only to decide which buttons to show, and load every appeal
through appeal_for, which refuses in one place. Auditors are strictly read-only: no predicate that allows a change
names Role.AUDITOR, so a person holding only that role may read and never act.
"""

from enum import StrEnum

from django.core.exceptions import PermissionDenied
from django.http import Http404

from accounts.roles import AnyUser, Role, has_role, is_staff_member, roles_of
from audit.models import AuditEvent

from .models import Appeal, AppealImage, AppealStatus, PublicityAssessment

AUTHORISERS = (Role.AUTHORISER, Role.SENIOR_AUTHORISER)
# The roles that work on an appeal before it is public: they may see drafts (when theirs or already decided on),
# requests for authorisation and every image, released or not.
APPEAL_WORKERS = (Role.AUTHOR, *AUTHORISERS, Role.ADMINISTRATOR)
# Audit events whose actor changed what an authoriser is asked to approve (appeals.services).
SHAPING_ACTIONS = (
    "appeal.created",
    "appeal.updated",
    "appeal.image_added",
    "appeal.image_removed",
    "appeal.assessment_saved",
    "appeal.submitted",
)


def shaped_by(appeal: Appeal) -> set[int]:
    """Everyone who shaped what would be approved: its author and every officer the audit trail shows creating,
    editing, changing images or the assessment of, or submitting the appeal."""
    actors = AuditEvent.objects.for_target(appeal).filter(action__in=SHAPING_ACTIONS, actor__isnull=False)
    return {appeal.author_id, *actors.values_list("actor_id", flat=True)}


def appeals_shaped_by(user: AnyUser) -> set[int]:
    """The ids of the appeals this user shaped (the other side of shaped_by), for lists of what they may decide."""
    events = AuditEvent.objects.filter(
        target_type=Appeal._meta.label_lower, actor_id=user.pk, action__in=SHAPING_ACTIONS
    )
    return {int(target) for target in events.values_list("target_id", flat=True).distinct()}


def was_public(appeal: Appeal) -> bool:
    """An appeal has been public once it was published, even after it is closed (appeals.models.WAS_PUBLIC)."""
    return appeal.was_public


def can_view(user: AnyUser, appeal: Appeal) -> bool:
    """Any staff member may read an appeal that has been public (published, or closed after publication).
    Before that it is for those who work on appeals: a draft for its author (and, once an authoriser has decided
    on it, other authors and authorisers), a request for authorisation or a withdrawn draft for authors and
    authorisers. Administrators see everything. Unit officers, analysts and auditors never see an unreleased
    appeal."""
    if not is_staff_member(user):
        return False
    if has_role(user, Role.ADMINISTRATOR) or was_public(appeal):
        return True
    if not has_role(user, *APPEAL_WORKERS):
        return False
    if appeal.status == AppealStatus.DRAFT:
        return appeal.author_id == user.pk or appeal.authorisations.exists()
    return True


def can_view_image(user: AnyUser, appeal: Appeal, image: AppealImage) -> bool:
    """Those who work on appeals see every image of an appeal they can view; other staff see only the images the
    publicity assessment released, and only of an appeal that has been public."""
    if not can_view(user, appeal):
        return False
    if has_role(user, *APPEAL_WORKERS):
        return True
    assessment = PublicityAssessment.objects.filter(appeal=appeal).first()
    return was_public(appeal) and assessment is not None and assessment.released_images.filter(pk=image.pk).exists()


def can_create(user: AnyUser) -> bool:
    """An appeal author may draft a new appeal."""
    return has_role(user, Role.AUTHOR)


def can_edit(user: AnyUser, appeal: Appeal) -> bool:
    """An author may change a draft they can see (its details, images and assessment) and send it for
    authorisation. Nothing else is ever changed: a published appeal is closed and a new one drafted."""
    return appeal.status == AppealStatus.DRAFT and has_role(user, Role.AUTHOR) and can_view(user, appeal)


def can_decide(user: AnyUser, appeal: Appeal) -> bool:
    """An authorising officer decides a request for authorisation, provided they did not shape it (shaped_by):
    a second pair of eyes on everything that would be released. (Which releases need a senior officer is a
    domain rule, appeals.rules.officer_may_authorise, which explains itself on the page.)"""
    return (
        appeal.status == AppealStatus.AWAITING_AUTHORISATION
        and has_role(user, *AUTHORISERS)
        and user.pk not in shaped_by(appeal)
    )


def can_renew(user: AnyUser, appeal: Appeal) -> bool:
    """At review, an authorising officer who did not shape the appeal may renew its publicity."""
    return appeal.is_public and has_role(user, *AUTHORISERS) and user.pk not in shaped_by(appeal)


def can_close(user: AnyUser, appeal: Appeal) -> bool:
    """Taking an appeal down must never wait on the right person: anyone with a role that acts (every role but
    auditor) may close a published appeal. A draft or a request for authorisation may be withdrawn by its author,
    an authoriser or an administrator. A closed appeal stays closed."""
    if appeal.has_ended:
        return False
    if appeal.is_public:
        return bool(roles_of(user) - {Role.AUDITOR})
    return can_view(user, appeal) and (appeal.author_id == user.pk or has_role(user, *AUTHORISERS, Role.ADMINISTRATOR))


class Need(StrEnum):
    VIEW = "view"
    EDIT = "edit"
    DECIDE = "decide"
    RENEW = "renew"
    CLOSE = "close"


CHECKS = {
    Need.VIEW: can_view,
    Need.EDIT: can_edit,
    Need.DECIDE: can_decide,
    Need.RENEW: can_renew,
    Need.CLOSE: can_close,
}
REFUSALS = {
    Need.VIEW: "You cannot see this appeal.",
    Need.EDIT: "Only an author can change this appeal, and only while it is a draft.",
    Need.DECIDE: "Only an authorising officer who did not write or change this appeal can decide it.",
    Need.RENEW: "Only an authorising officer who did not write or change this appeal can renew it.",
    Need.CLOSE: "Your role does not allow you to close this appeal.",
}


def require(user: AnyUser, appeal: Appeal, need: Need) -> None:
    """Raise PermissionDenied with the reason unless the user has the permission (services call this)."""
    if not CHECKS[need](user, appeal):
        raise PermissionDenied(REFUSALS[need])


def appeal_for(user: AnyUser, reference: str, need: Need = Need.VIEW) -> Appeal:
    """The appeal with this reference if the user may do what they need with it. An appeal they may not see is
    not found (404, so its existence is not disclosed); one they may see but not act on is refused (403)."""
    appeal = Appeal.objects.select_related("owning_unit", "author").filter(reference=reference).first()
    if appeal is None or not can_view(user, appeal):
        raise Http404("No such appeal.")
    require(user, appeal, need)
    return appeal
