"""Back-office pages: who may see and do what, and each step of the journey through real requests."""

import io

import pytest
from django.test import Client

from accounts.roles import Role
from accounts.tests.factories import PASSWORD, UnitFactory, make_staff
from appeals.models import Appeal, AppealStatus
from demo.silhouettes import silhouette_png

from .factories import draft, published, submitted

pytestmark = pytest.mark.django_db


def signed_in(user) -> Client:
    client = Client()
    assert client.login(username=user.username, password=PASSWORD)
    return client


def test_staff_pages_need_a_sign_in(client: Client):
    appeal = published()
    for url in ["/staff/", "/staff/appeals/new/", f"/staff/appeals/{appeal.reference}/"]:
        response = client.get(url)
        assert response.status_code == 302 and response["Location"].startswith("/staff/login/")


def test_account_without_a_role_is_refused():
    response = signed_in(make_staff()).get("/staff/")
    assert response.status_code == 403
    assert b"no Lookout role" in response.content


def test_staff_pages_are_never_cached():
    response = signed_in(make_staff(Role.AUTHOR)).get("/staff/")
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]


def test_wrong_password_gets_a_plain_message(client: Client):
    make_staff(Role.AUTHOR, username="someone")
    response = client.post("/staff/login/", {"username": "someone", "password": "nope"})
    assert response.status_code == 200
    assert b"Enter a correct username and password" in response.content


def test_author_drafts_uploads_assesses_and_submits():
    author = make_staff(Role.AUTHOR)
    client = signed_in(author)
    unit = UnitFactory()
    response = client.post(
        "/staff/appeals/new/?kind=wanted",
        {"subject_name": "Casey Draftson", "wanted_reason": "offence", "owning_unit": unit.pk, "age_min": "31"},
    )
    appeal = Appeal.objects.get(subject_name="Casey Draftson")
    assert response.status_code == 302 and response["Location"] == f"/staff/appeals/{appeal.reference}/"

    bad = client.post(
        f"/staff/appeals/{appeal.reference}/images/",
        {"image": io.BytesIO(b"not an image"), "kind": "photo", "alt_text": "x"},
    )
    assert bad.status_code == 200 and b"not an image we can open" in bad.content
    png = io.BytesIO(silhouette_png(3))
    png.name = "figure.png"
    ok = client.post(
        f"/staff/appeals/{appeal.reference}/images/", {"image": png, "kind": "photo", "alt_text": "Drawn figure"}
    )
    assert ok.status_code == 302
    image = appeal.images.get()

    early = client.post(f"/staff/appeals/{appeal.reference}/submit/", follow=True)
    assert b"Record the publicity assessment" in early.content

    incomplete = client.post(f"/staff/appeals/{appeal.reference}/assessment/", {"threat_risk_harm": "high"})
    assert incomplete.status_code == 200 and b"There is a problem" in incomplete.content
    client.post(
        f"/staff/appeals/{appeal.reference}/assessment/",
        {
            "threat_risk_harm": "high",
            "necessity": "Risk of serious harm.",
            "less_intrusive_means": "Enquiries exhausted.",
            "released_fields": ["name", "age", "reason"],
            "released_images": [image.pk],
            "review_interval_days": "14",
        },
    )
    client.post(f"/staff/appeals/{appeal.reference}/submit/")
    appeal.refresh_from_db()
    assert appeal.status == AppealStatus.AWAITING_AUTHORISATION


def test_edit_form_keeps_what_was_typed_and_explains_errors():
    appeal = draft()
    client = signed_in(appeal.author)
    response = client.post(
        f"/staff/appeals/{appeal.reference}/edit/",
        {
            "subject_name": "Kept Name",
            "wanted_reason": "offence",
            "owning_unit": appeal.owning_unit_id,
            "age_min": "40",
            "age_max": "30",
            "height_cm": "999",
        },
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "The oldest age must be the same as or more than the youngest age." in html
    assert "Enter a height between 50 and 250 centimetres." in html
    assert 'value="Kept Name"' in html
    appeal.refresh_from_db()
    assert appeal.subject_name == "Robin Testperson"


def test_authoriser_approves_and_the_page_goes_live(client: Client):
    appeal = submitted()
    officer = make_staff(Role.AUTHORISER, Role.SENIOR_AUTHORISER)
    staff = signed_in(officer)
    assert appeal.reference.encode() in staff.get("/staff/").content
    response = staff.post(
        f"/staff/appeals/{appeal.reference}/decide/", {"decision": "approve", "reason": "Proportionate"}
    )
    assert response.status_code == 302
    assert client.get(f"/appeals/{appeal.reference}/").status_code == 200


def test_author_cannot_decide_on_own_appeal_through_the_page():
    both = make_staff(Role.AUTHOR, Role.AUTHORISER)
    appeal = draft(by=both)
    from .factories import assess

    assess(appeal)
    from appeals import services

    services.appeal_submit(appeal=appeal, actor=both)
    response = signed_in(both).post(
        f"/staff/appeals/{appeal.reference}/decide/", {"decision": "approve", "reason": "x"}
    )
    assert response.status_code == 403  # appeals.permissions.can_decide: not one who shaped it
    assert b"did not write or change this appeal" in response.content
    appeal.refresh_from_db()
    assert appeal.status == AppealStatus.AWAITING_AUTHORISATION


@pytest.mark.parametrize("role", [Role.AUTHOR, Role.ANALYST, Role.UNIT_OFFICER])
def test_decision_page_is_forbidden_to_non_authorisers(role):
    appeal = submitted()
    # An author is refused; analysts and unit officers do not even see an appeal awaiting authorisation.
    expected = 403 if role == Role.AUTHOR else 404
    assert signed_in(make_staff(role)).get(f"/staff/appeals/{appeal.reference}/decide/").status_code == expected


def test_drafts_are_invisible_to_other_staff():
    appeal = draft()
    assert signed_in(make_staff(Role.AUTHOR)).get(f"/staff/appeals/{appeal.reference}/").status_code == 404
    assert signed_in(make_staff(Role.ADMINISTRATOR)).get(f"/staff/appeals/{appeal.reference}/").status_code == 200


def test_close_form_needs_an_outcome_then_takes_down(client: Client):
    appeal = published()
    staff = signed_in(make_staff(Role.UNIT_OFFICER))
    missing = staff.post(f"/staff/appeals/{appeal.reference}/close/", {"note": "x"})
    assert missing.status_code == 200 and b"There is a problem" in missing.content
    done = staff.post(f"/staff/appeals/{appeal.reference}/close/", {"outcome": "arrested", "note": "Arrested today"})
    assert done.status_code == 302
    assert client.get(f"/appeals/{appeal.reference}/").status_code == 410
    trail = staff.get(f"/staff/appeals/{appeal.reference}/audit/").content.decode()
    assert "appeal.closed" in trail and "appeal.authorised" in trail and "Arrested today" in trail


def test_renew_and_images_pages_render_for_the_right_people():
    appeal = published()
    officer = make_staff(Role.AUTHORISER, Role.SENIOR_AUTHORISER)
    assert signed_in(officer).get(f"/staff/appeals/{appeal.reference}/renew/").status_code == 200
    image = appeal.images.get()
    url = f"/staff/appeals/{appeal.reference}/images/{image.public_id}/thumb.jpg"
    assert signed_in(officer).get(url).status_code == 200
    response = signed_in(officer).post(f"/staff/appeals/{appeal.reference}/renew/", {"reason": ""})
    assert response.status_code == 200 and b"There is a problem" in response.content


def test_the_author_writes_the_welsh_text_in_the_draft_and_the_authoriser_sees_it():
    appeal = draft()
    author = signed_in(appeal.author)
    form = author.get(f"/staff/appeals/{appeal.reference}/edit/").content.decode()
    assert 'name="description_cy"' in form and 'lang="cy"' in form
    author.post(
        f"/staff/appeals/{appeal.reference}/edit/",
        {
            "subject_name": appeal.subject_name,
            "wanted_reason": "offence",
            "owning_unit": appeal.owning_unit_id,
            "description": "Often seen near the canal.",
            "description_cy": "Yn aml yn cael ei weld ger y gamlas.",
        },
    )
    appeal.refresh_from_db()
    assert appeal.description_cy == "Yn aml yn cael ei weld ger y gamlas."
    page = author.get(f"/staff/appeals/{appeal.reference}/").content.decode()
    assert '<dd class="govuk-summary-list__value" lang="cy">Yn aml yn cael ei weld ger y gamlas.</dd>' in page
