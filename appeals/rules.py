"""The rules an appeal must satisfy before the public sees it. Each rule is a small function whose docstring
is the rule; it raises RuleViolation with a message the officer can act on. Services call them; tests call
them directly (tests/test_rules.py)."""

from django.contrib.auth.models import User

from accounts.roles import Role, has_role

from .models import Appeal, AppealKind, AppealStatus, ImageKind, PublicityAssessment, ReleasableField

MAX_REVIEW_INTERVAL_DAYS = 90


class RuleViolation(Exception):
    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


ALLOWED_TRANSITIONS: dict[str, set[str]] = {
    AppealStatus.DRAFT: {AppealStatus.AWAITING_AUTHORISATION, AppealStatus.CLOSED},
    AppealStatus.AWAITING_AUTHORISATION: {AppealStatus.PUBLISHED, AppealStatus.DRAFT, AppealStatus.CLOSED},
    AppealStatus.PUBLISHED: {AppealStatus.CLOSED},
    AppealStatus.CLOSED: set(),
}


def transition_is_allowed(appeal: Appeal, target: str) -> None:
    """An appeal moves draft → awaiting authorisation → published → closed; refusal returns it to draft;
    a closed appeal never reopens (a new appeal is drafted instead)."""
    if target not in ALLOWED_TRANSITIONS[appeal.status]:
        raise RuleViolation(
            "transition",
            f"This appeal is {appeal.get_status_display().lower()}; it cannot move to "
            f"{AppealStatus(target).label.lower()}.",
        )


def assessment_is_complete(appeal: Appeal) -> PublicityAssessment:
    """No appeal goes for authorisation without a publicity assessment that records the threat, risk and
    harm (and, for a missing person, the risk grade), why publicity is necessary and proportionate, why
    less intrusive means are not enough, exactly what is released, and when it will be reviewed."""
    assessment = PublicityAssessment.objects.filter(appeal=appeal).first()
    if assessment is None:
        raise RuleViolation("assessment_missing", "Record the publicity assessment before asking for authorisation.")
    missing: list[str] = []
    if not assessment.threat_risk_harm:
        missing.append("the threat, risk and harm level")
    if appeal.kind == AppealKind.MISSING and not assessment.missing_risk_grade:
        missing.append("the missing-person risk grade")
    if not assessment.necessity.strip():
        missing.append("why publicity is necessary and proportionate")
    if not assessment.less_intrusive_means.strip():
        missing.append("why less intrusive means are not enough")
    if not assessment.released_fields and not assessment.released_images.exists():
        missing.append("what is released (at least one detail or image)")
    if missing:
        raise RuleViolation("assessment_incomplete", "The publicity assessment needs " + "; ".join(missing) + ".")
    if not 1 <= assessment.review_interval_days <= MAX_REVIEW_INTERVAL_DAYS:
        raise RuleViolation("review_interval", f"Set a review interval between 1 and {MAX_REVIEW_INTERVAL_DAYS} days.")
    return assessment


def released_fields_are_filled(appeal: Appeal, assessment: PublicityAssessment) -> None:
    """A detail can only be released if it has been written down, so the public page never shows a blank."""
    values = {
        ReleasableField.NAME: appeal.subject_name,
        ReleasableField.ALIASES: appeal.aliases,
        ReleasableField.AGE: appeal.age_min,
        ReleasableField.SEX: appeal.sex,
        ReleasableField.HEIGHT: appeal.height_cm,
        ReleasableField.BUILD: appeal.build,
        ReleasableField.HAIR: appeal.hair,
        ReleasableField.EYES: appeal.eyes,
        ReleasableField.FEATURES: appeal.distinguishing_features,
        ReleasableField.AREAS: appeal.areas,
        ReleasableField.VEHICLE: appeal.vehicle,
        ReleasableField.DESCRIPTION: appeal.description,
        ReleasableField.REASON: appeal.wanted_reason,
        ReleasableField.LAST_SEEN: appeal.last_seen_on or appeal.last_seen_place,
        ReleasableField.VULNERABILITY: appeal.vulnerability_summary,
        ReleasableField.REWARD: appeal.reward_text,
    }
    empty = [ReleasableField(f).label.lower() for f in assessment.released_fields if not values.get(f)]
    if empty:
        raise RuleViolation("released_empty", "These released details are empty: " + ", ".join(empty) + ".")
    wrong_kind = (
        {ReleasableField.REASON}
        if appeal.kind == AppealKind.MISSING
        else {
            ReleasableField.LAST_SEEN,
            ReleasableField.VULNERABILITY,
        }
    )
    misplaced = [ReleasableField(f).label.lower() for f in assessment.released_fields if f in wrong_kind]
    if misplaced:
        raise RuleViolation(
            "released_wrong_kind",
            f"A {appeal.get_kind_display().lower()} appeal cannot release: " + ", ".join(misplaced) + ".",
        )


def needs_senior_authority(appeal: Appeal, assessment: PublicityAssessment) -> bool:
    """The most intrusive releases need a senior authorising officer (superintendent or above): a custody
    image, or any appeal about a missing child."""
    if appeal.kind == AppealKind.MISSING and appeal.is_child:
        return True
    return assessment.released_images.filter(kind=ImageKind.CUSTODY).exists()


def approver_did_not_shape(appeal: Appeal, officer: User) -> None:
    """The officer who authorises (refuses or renews) an appeal is never one who shaped it: not its author, nor
    anyone who created, edited, changed the images or assessment of, or submitted it (appeals.permissions
    .shaped_by, from the audit trail). A second pair of eyes on everything released."""
    from .permissions import shaped_by

    if appeal.author_id == officer.pk:
        raise RuleViolation("own_appeal", "You wrote this appeal, so another officer must authorise it.")
    if officer.pk in shaped_by(appeal):
        raise RuleViolation("shaped_appeal", "You changed this appeal, so another officer must authorise it.")


def officer_may_authorise(appeal: Appeal, assessment: PublicityAssessment, officer: User) -> bool:
    """Only an authorising officer may decide; where the release needs senior authority, only a senior
    authorising officer. Returns whether the decision is made with senior authority."""
    senior = has_role(officer, Role.SENIOR_AUTHORISER)
    if not senior and not has_role(officer, Role.AUTHORISER):
        raise RuleViolation("not_authoriser", "Only an authorising officer (inspector or above) can decide this.")
    if needs_senior_authority(appeal, assessment) and not senior:
        raise RuleViolation(
            "needs_senior",
            "This release is among the most intrusive (a custody image or a missing child), so a senior "
            "authorising officer (superintendent or above) must authorise it.",
        )
    return senior


def images_have_descriptions(assessment: PublicityAssessment) -> None:
    """Every released image has a text description, so people using screen readers get the same appeal."""
    if assessment.released_images.filter(alt_text="").exists():
        raise RuleViolation("alt_text", "Every released image needs a description.")
