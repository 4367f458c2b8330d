"""An image's alt text never names the person when the name is not released (issue 9, item 13)."""

import io

import pytest
from django.test import Client

from appeals import services
from appeals.tests.factories import assess, draft, senior
from demo.silhouettes import silhouette_png

# The public forms take posts from our own pages only (reportkit.views.same_origin).
SAME_ORIGIN = {"HTTP_SEC_FETCH_SITE": "same-origin"}

pytestmark = pytest.mark.django_db


def _published_with_alt(alt: str, released: list[str]) -> str:
    appeal = draft()
    png = silhouette_png(2)
    services.appeal_image_add(
        appeal=appeal, actor=appeal.author, upload=io.BytesIO(png), size=len(png), kind="photo", alt_text=alt
    )
    assess(appeal, released=released)
    services.appeal_submit(appeal=appeal, actor=appeal.author)
    services.appeal_authorise(appeal=appeal, officer=senior(), reason="Proportionate.")
    return Client(**SAME_ORIGIN).get(f"/appeals/{appeal.reference}/").content.decode()


@pytest.mark.parametrize("alt", ["Photo of Robin Testperson in a red cap", "robbo at the canal", "TESTPERSON, 2025"])
def test_alt_text_naming_the_person_is_replaced_when_the_name_is_not_released(alt):
    html = _published_with_alt(alt, ["age", "reason"])
    lowered = html.lower()
    assert "robin" not in lowered and "testperson" not in lowered and "robbo" not in lowered
    assert "of the person in this appeal" in html


def test_alt_text_is_kept_when_the_name_is_released_or_absent():
    assert 'alt="Photo of Robin Testperson in a red cap"' in _published_with_alt(
        "Photo of Robin Testperson in a red cap", ["name", "age", "reason"]
    )
    assert 'alt="Man in a red cap"' in _published_with_alt("Man in a red cap", ["age", "reason"])
