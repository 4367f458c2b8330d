"""The leaks issue 9 found in who may do what with an appeal (appeals.permissions, ADR 0033): unreleased
appeals and images shown to roles that do not work on appeals, an auditor closing an appeal, and an officer who
rewrote a colleague's refused draft approving it."""

import pytest
from django.core.exceptions import PermissionDenied
from django.test import Client

from accounts.roles import Role
from accounts.tests.factories import make_staff
from appeals import services
from appeals.models import AppealStatus
from appeals.rules import RuleViolation
from appeals.tests.factories import add_image, assess, published, senior, submitted

pytestmark = pytest.mark.django_db


def signed_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


@pytest.mark.parametrize("role", [Role.AUDITOR, Role.UNIT_OFFICER, Role.ANALYST])
def test_roles_that_do_not_work_on_appeals_cannot_open_one_awaiting_authorisation(role):
    appeal = submitted()
    image = appeal.images.get()
    client = signed_in(make_staff(role))
    base = f"/staff/appeals/{appeal.reference}"
    assert client.get(f"{base}/").status_code == 404
    assert client.get(f"{base}/images/{image.public_id}/full.jpg").status_code == 404
    assert client.get(f"{base}/audit/").status_code == 404
    assert appeal.reference.encode() not in client.get("/staff/").content


def test_unreleased_images_of_a_published_appeal_are_for_appeal_workers_only():
    appeal = submitted()
    unreleased = add_image_to_submitted(appeal)
    released = appeal.images.exclude(pk=unreleased.pk).get()
    appeal = services.appeal_authorise(appeal=appeal, officer=senior(), reason="Proportionate.")
    unit = signed_in(make_staff(Role.UNIT_OFFICER))
    base = f"/staff/appeals/{appeal.reference}/images"
    assert unit.get(f"{base}/{released.public_id}/thumb.jpg").status_code == 200
    assert unit.get(f"{base}/{unreleased.public_id}/thumb.jpg").status_code == 404
    assert str(unreleased.public_id).encode() not in unit.get(f"/staff/appeals/{appeal.reference}/").content
    author = signed_in(appeal.author)
    assert author.get(f"{base}/{unreleased.public_id}/thumb.jpg").status_code == 200


def add_image_to_submitted(appeal):
    """An image added to the draft but not released by the assessment (refuse, add, resubmit)."""
    services.appeal_refuse(appeal=appeal, officer=senior(), reason="Add a second image.")
    appeal.refresh_from_db()
    extra = add_image(appeal, seed=2)
    assess(appeal, images=[i for i in appeal.images.all() if i.pk != extra.pk])
    services.appeal_submit(appeal=appeal, actor=appeal.author)
    appeal.refresh_from_db()
    return extra


def test_an_auditor_cannot_close_a_published_appeal():
    appeal = published()
    auditor = make_staff(Role.AUDITOR)
    response = signed_in(auditor).post(f"/staff/appeals/{appeal.reference}/close/", {"outcome": "located"})
    assert response.status_code == 403
    with pytest.raises(PermissionDenied):
        services.appeal_close(appeal=appeal, actor=auditor, outcome="located")
    appeal.refresh_from_db()
    assert appeal.status == AppealStatus.PUBLISHED


def test_an_officer_who_rewrote_a_refused_draft_cannot_approve_it():
    appeal = submitted()
    services.appeal_refuse(appeal=appeal, officer=senior(), reason="Say more about the risk.")
    appeal.refresh_from_db()
    both = make_staff(Role.AUTHOR, Role.AUTHORISER)
    services.appeal_update(appeal=appeal, actor=both, data={"description": "Rewritten by a colleague."})
    services.appeal_submit(appeal=appeal, actor=both)
    client = signed_in(both)
    assert appeal.reference.encode() not in client.get("/staff/").content  # not offered as awaiting their decision
    response = client.post(f"/staff/appeals/{appeal.reference}/decide/", {"decision": "approve", "reason": "Fine now"})
    assert response.status_code == 403
    with pytest.raises(RuleViolation) as exc:
        services.appeal_authorise(appeal=appeal, officer=both, reason="Fine now")
    assert exc.value.code == "shaped_appeal"
    appeal.refresh_from_db()
    assert appeal.status == AppealStatus.AWAITING_AUTHORISATION
    # Someone who did not touch it still can.
    services.appeal_authorise(appeal=appeal, officer=senior(), reason="Proportionate.")


def test_an_officer_who_changed_only_the_assessment_cannot_renew_it():
    appeal = submitted()
    services.appeal_refuse(appeal=appeal, officer=senior(), reason="Release less.")
    appeal.refresh_from_db()
    both = make_staff(Role.AUTHOR, Role.AUTHORISER, Role.SENIOR_AUTHORISER)
    assess(appeal, released=["name", "areas", "reason"])
    from appeals.models import PublicityAssessment

    assessment = PublicityAssessment.objects.get(appeal=appeal)
    services.assessment_save(
        appeal=appeal,
        actor=both,
        threat_risk_harm=assessment.threat_risk_harm,
        missing_risk_grade="",
        necessity=assessment.necessity,
        less_intrusive_means=assessment.less_intrusive_means,
        released_fields=["name", "areas", "reason"],
        released_images=list(appeal.images.all()),
        review_interval_days=30,
    )
    services.appeal_submit(appeal=appeal, actor=appeal.author)
    services.appeal_authorise(appeal=appeal, officer=senior(), reason="Proportionate.")
    with pytest.raises(RuleViolation):
        services.appeal_renew(appeal=appeal, officer=both, reason="Still needed")
