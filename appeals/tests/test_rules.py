"""Each rule that stands between a draft and the public, shown refusing."""

import pytest
from django.core.exceptions import PermissionDenied

from accounts.roles import Role
from accounts.tests.factories import make_staff
from appeals import permissions, services
from appeals.models import AppealKind, AppealStatus, ImageKind
from appeals.rules import RuleViolation, needs_senior_authority

from .factories import add_image, assess, author, authoriser, draft, published, senior, submitted

pytestmark = pytest.mark.django_db


def test_cannot_submit_without_an_assessment():
    appeal = draft()
    with pytest.raises(RuleViolation) as exc:
        services.appeal_submit(appeal=appeal, actor=appeal.author)
    assert exc.value.code == "assessment_missing"


def test_assessment_must_say_why_publicity_is_necessary_and_why_less_intrusive_means_fail():
    appeal = draft()
    assess(appeal, necessity=" ", less_intrusive_means="")
    with pytest.raises(RuleViolation) as exc:
        services.appeal_submit(appeal=appeal, actor=appeal.author)
    assert exc.value.code == "assessment_incomplete"
    assert "necessary and proportionate" in exc.value.message
    assert "less intrusive" in exc.value.message


def test_assessment_must_release_something():
    appeal = draft()
    assess(appeal, released=[], images=[])
    with pytest.raises(RuleViolation, match="what is released"):
        services.appeal_submit(appeal=appeal, actor=appeal.author)


def test_missing_person_needs_a_risk_grade():
    appeal = draft(AppealKind.MISSING)
    assess(appeal, missing_risk_grade="")
    with pytest.raises(RuleViolation, match="risk grade"):
        services.appeal_submit(appeal=appeal, actor=appeal.author)


def test_cannot_release_an_empty_detail():
    appeal = draft(vehicle="")
    assess(appeal, released=["name", "vehicle"])
    with pytest.raises(RuleViolation) as exc:
        services.appeal_submit(appeal=appeal, actor=appeal.author)
    assert exc.value.code == "released_empty"


def test_missing_person_appeal_cannot_release_an_offence():
    appeal = draft(AppealKind.MISSING, wanted_reason="offence")
    assess(appeal, released=["name", "reason"])
    with pytest.raises(RuleViolation) as exc:
        services.appeal_submit(appeal=appeal, actor=appeal.author)
    assert exc.value.code == "released_wrong_kind"


def test_review_interval_is_bounded():
    appeal = draft()
    assess(appeal, review_interval_days=365)
    with pytest.raises(RuleViolation) as exc:
        services.appeal_submit(appeal=appeal, actor=appeal.author)
    assert exc.value.code == "review_interval"


def test_author_cannot_authorise_their_own_appeal_even_when_an_authoriser():
    both = make_staff(Role.AUTHOR, Role.AUTHORISER, Role.SENIOR_AUTHORISER)
    appeal = draft(by=both)
    assess(appeal)
    services.appeal_submit(appeal=appeal, actor=both)
    with pytest.raises(RuleViolation) as exc:
        services.appeal_authorise(appeal=appeal, officer=both, reason="Looks fine")
    assert exc.value.code == "own_appeal"
    appeal.refresh_from_db()
    assert appeal.status == AppealStatus.AWAITING_AUTHORISATION


@pytest.mark.parametrize("role", [Role.AUTHOR, Role.ANALYST, Role.UNIT_OFFICER, Role.ADMINISTRATOR])
def test_only_an_authorising_officer_can_authorise(role):
    appeal = submitted()
    with pytest.raises(RuleViolation) as exc:
        services.appeal_authorise(appeal=appeal, officer=make_staff(role), reason="ok")
    assert exc.value.code == "not_authoriser"


def test_custody_image_needs_senior_authority():
    appeal = draft()
    image = add_image(appeal, kind=ImageKind.CUSTODY)
    assessment = assess(appeal, images=[image])
    assert needs_senior_authority(appeal, assessment)
    services.appeal_submit(appeal=appeal, actor=appeal.author)
    with pytest.raises(RuleViolation) as exc:
        services.appeal_authorise(appeal=appeal, officer=authoriser(), reason="ok")
    assert exc.value.code == "needs_senior"
    published_appeal = services.appeal_authorise(appeal=appeal, officer=senior(), reason="ok")
    assert published_appeal.status == AppealStatus.PUBLISHED
    assert published_appeal.authorisations.get().senior is True


def test_unreleased_custody_image_does_not_need_senior_authority():
    appeal = draft()
    add_image(appeal, kind=ImageKind.CUSTODY)
    photo = add_image(appeal, kind=ImageKind.PHOTO, seed=2)
    assessment = assess(appeal, images=[photo])
    assert not needs_senior_authority(appeal, assessment)


def test_missing_child_needs_senior_authority():
    appeal = draft(AppealKind.MISSING, age_min=14)
    assess(appeal)
    services.appeal_submit(appeal=appeal, actor=appeal.author)
    with pytest.raises(RuleViolation, match="senior"):
        services.appeal_authorise(appeal=appeal, officer=authoriser(), reason="ok")


def test_approval_needs_a_reason():
    appeal = submitted()
    with pytest.raises(RuleViolation) as exc:
        services.appeal_authorise(appeal=appeal, officer=senior(), reason="  ")
    assert exc.value.code == "reason"


def test_cannot_authorise_a_draft():
    appeal = draft()
    assess(appeal)
    with pytest.raises(RuleViolation) as exc:
        services.appeal_authorise(appeal=appeal, officer=senior(), reason="ok")
    assert exc.value.code == "transition"


def test_closed_appeal_never_reopens():
    appeal = published()
    services.appeal_close(appeal=appeal, actor=appeal.author, outcome="arrested")
    with pytest.raises(RuleViolation):
        services.appeal_close(appeal=appeal, actor=appeal.author, outcome="located")


def test_published_appeal_cannot_be_edited():
    appeal = published()
    with pytest.raises(RuleViolation) as exc:
        services.appeal_update(appeal=appeal, actor=appeal.author, data={"subject_name": "Someone else"})
    assert exc.value.code == "not_draft"


def test_only_authors_draft_appeals():
    with pytest.raises(PermissionDenied):
        draft(by=make_staff(Role.ANALYST))


def test_refusal_returns_to_draft_with_reasons_and_needs_a_reason():
    appeal = submitted()
    officer = authoriser()
    with pytest.raises(RuleViolation):
        services.appeal_refuse(appeal=appeal, officer=officer, reason="")
    services.appeal_refuse(appeal=appeal, officer=officer, reason="Less intrusive means not yet tried.")
    appeal.refresh_from_db()
    assert appeal.status == AppealStatus.DRAFT
    assert appeal.refusal_reason == "Less intrusive means not yet tried."
    # the author can put it right and resubmit
    services.appeal_submit(appeal=appeal, actor=appeal.author)


def test_no_published_appeal_lacks_an_authorisation_by_a_different_permitted_officer():
    for kind in (AppealKind.WANTED, AppealKind.MISSING):
        published(kind)
    from appeals.models import Appeal

    for appeal in Appeal.objects.public():
        approvals = appeal.authorisations.filter(decision="approved")
        assert approvals.exists()
        assert all(a.officer_id != appeal.author_id for a in approvals)


def test_any_staff_member_can_take_down_a_published_appeal_but_not_the_public():
    appeal = published()
    assert permissions.can_close(make_staff(Role.UNIT_OFFICER), appeal)
    outsider = make_staff()
    assert not permissions.can_close(outsider, appeal)
    with pytest.raises(PermissionDenied):
        services.appeal_close(appeal=appeal, actor=outsider, outcome="located")
    other_author = author()
    draft_appeal = draft()
    assert not permissions.can_close(other_author, draft_appeal)
