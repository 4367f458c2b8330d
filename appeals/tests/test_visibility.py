"""What is public is decided once (appeals.models PUBLIC, ENDED, WAS_PUBLIC): the querysets, the related images'
queryset and the checks on one appeal must give the same answer for an appeal in every status."""

from collections.abc import Callable

import pytest
from django.test import Client
from django.urls import reverse

from appeals import services
from appeals.models import Appeal, AppealImage, AppealStatus, Outcome
from appeals.visibility import AppealRule

from .factories import add_image, assess, draft, published, senior, submitted

pytestmark = pytest.mark.django_db


def _draft() -> Appeal:
    appeal = draft()
    add_image(appeal)
    assess(appeal)
    return appeal


def _closed() -> Appeal:
    appeal = published()
    return services.appeal_close(appeal=appeal, actor=appeal.author, outcome=Outcome.ARRESTED)


def _withdrawn() -> Appeal:
    appeal = submitted()
    return services.appeal_close(appeal=appeal, actor=appeal.author, outcome=Outcome.WITHDRAWN)


# An appeal in every status, and each way of being closed (after publication, or withdrawn before it).
BUILDERS: dict[str, Callable[[], Appeal]] = {
    "draft": _draft,
    "awaiting_authorisation": submitted,
    "published": published,
    "closed": _closed,
    "withdrawn": _withdrawn,
}


def test_every_status_has_a_builder():
    built = {name.replace("withdrawn", "closed") for name in BUILDERS}
    assert built == set(AppealStatus.values)


@pytest.mark.parametrize("state", BUILDERS)
def test_the_queryset_and_the_instance_check_agree(state: str):
    appeal = BUILDERS[state]()
    fresh = Appeal.objects.get(pk=appeal.pk)
    assert fresh.is_public is Appeal.objects.public().filter(pk=appeal.pk).exists()
    assert fresh.has_ended is Appeal.objects.ended().filter(pk=appeal.pk).exists()
    assert fresh.was_public is Appeal.objects.was_public().filter(pk=appeal.pk).exists()
    # And the rule itself: only a published appeal is public; a closed one has ended; public once published.
    assert fresh.is_public is (fresh.status == AppealStatus.PUBLISHED)
    assert fresh.has_ended is (fresh.status == AppealStatus.CLOSED)
    assert fresh.was_public is (state in {"published", "closed"})


@pytest.mark.parametrize("state", BUILDERS)
def test_an_image_is_public_exactly_when_its_appeal_is(state: str):
    appeal = BUILDERS[state]()
    images = list(appeal.images.all())
    assert images  # every builder's appeal has a released image
    public = set(AppealImage.objects.public().filter(appeal=appeal))
    assert public == (set(images) if appeal.is_public else set())


@pytest.mark.parametrize("state", ["draft", "awaiting_authorisation", "closed", "withdrawn"])
def test_an_image_of_an_appeal_that_is_not_public_is_never_served(client: Client, state: str):
    appeal = BUILDERS[state]()
    for image in appeal.images.all():
        for size in ("full", "thumb"):
            response = client.get(reverse("appeals:image", args=[appeal.reference, image.public_id, size]))
            assert response.status_code == (410 if appeal.has_ended else 404)
            assert response.get("Content-Type") != "image/jpeg"


def test_an_image_the_assessment_does_not_release_is_not_public(client: Client):
    appeal = draft()
    shown, kept_back = add_image(appeal, seed=1), add_image(appeal, seed=2)
    assess(appeal, images=[shown])
    services.appeal_submit(appeal=appeal, actor=appeal.author)
    services.appeal_authorise(appeal=appeal, officer=senior(), reason="Proportionate.")
    assert list(AppealImage.objects.public().filter(appeal=appeal)) == [shown]
    served = client.get(reverse("appeals:image", args=[appeal.reference, shown.public_id, "full"]))
    assert served.status_code == 200 and served["Content-Type"] == "image/jpeg"
    hidden = client.get(reverse("appeals:image", args=[appeal.reference, kept_back.public_id, "full"]))
    assert hidden.status_code == 404


def test_a_rule_that_cannot_be_checked_on_one_appeal_is_refused():
    with pytest.raises(ValueError, match="exact or isnull"):
        AppealRule({"status__in": [AppealStatus.PUBLISHED]})
    with pytest.raises(ValueError, match="exact or isnull"):
        AppealRule({"assessment__threat_risk_harm": "high"})
