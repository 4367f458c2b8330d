"""Signing in: two-factor (TOTP) on every /staff/ page where required, lock-out per username, idle time-out."""

import pytest
from django.test import Client
from django_otp.plugins.otp_totp.models import TOTPDevice

from accounts.roles import Role
from accounts.tests.factories import PASSWORD, make_staff
from signin.models import SignInLock
from signin.tests.helpers import assert_idle_session_ends, code_for, wrong_code_for

pytestmark = pytest.mark.django_db


def sign_in(client: Client, username: str, password: str = PASSWORD):
    return client.post("/staff/login/", {"username": username, "password": password})


@pytest.fixture
def require_2fa(settings):
    settings.LOOKOUT_REQUIRE_2FA = True


def test_staff_pages_need_the_second_factor_and_enrolment_shows_a_local_qr(require_2fa, settings, client):
    settings.OTP_TOTP_THROTTLE_FACTOR = 0  # django-otp's own back-off would delay the right code after a wrong one
    user = make_staff(Role.ANALYST)
    assert sign_in(client, user.username).status_code == 302
    response = client.get("/staff/inbox/")
    assert response.status_code == 302 and response["Location"].startswith("/staff/two-factor/")
    assert client.get("/staff/admin/").status_code == 302
    page = client.get("/staff/two-factor/?next=/staff/inbox/")
    html = page.content.decode()
    assert "Set up your authenticator app" in html and '<svg role="img"' in html
    assert "http" not in html.split('<svg role="img"')[1].split("</svg>")[0].replace("http://www.w3.org", "")
    device = TOTPDevice.objects.get(user=user, confirmed=False)
    wrong = client.post("/staff/two-factor/", {"token": "000000", "next": "/staff/inbox/"})
    if code_for(device) != "000000":
        assert wrong.status_code == 400
    done = client.post("/staff/two-factor/", {"token": code_for(device), "next": "/staff/inbox/"})
    assert done.status_code == 302 and done["Location"] == "/staff/inbox/"
    assert client.get("/staff/inbox/").status_code == 200
    device.refresh_from_db()
    assert device.confirmed


def test_enrolled_staff_are_asked_for_a_code_not_a_new_secret(require_2fa, client):
    user = make_staff(Role.ANALYST)
    TOTPDevice.objects.create(user=user, name="app", confirmed=True)
    sign_in(client, user.username)
    html = client.get("/staff/two-factor/").content.decode()
    assert "Enter your code" in html and "Set-up key" not in html


def test_without_the_setting_the_demo_signs_in_with_a_password_alone(client):
    user = make_staff(Role.ANALYST)
    sign_in(client, user.username)
    assert client.get("/staff/inbox/").status_code == 200


def test_username_is_locked_after_repeated_failures_even_with_the_right_password(settings, client):
    settings.LOOKOUT_LOGIN_MAX_FAILURES = 3
    user = make_staff(Role.ANALYST)
    for _ in range(2):
        response = sign_in(client, user.username, "wrong-password")
        assert "Enter a correct username and password" in response.content.decode()
    locked = sign_in(client, user.username, "wrong-password")
    assert "Too many failed sign-ins" in locked.content.decode()
    response = sign_in(client, user.username.upper())
    assert response.status_code == 200 and "Too many failed sign-ins" in response.content.decode()
    assert SignInLock.objects.get(username=user.username).locked_until is not None
    # Another username is not affected: nobody is tracked by address.
    other = make_staff(Role.ANALYST)
    assert sign_in(client, other.username).status_code == 302


def test_wrong_codes_count_towards_the_lock(require_2fa, settings, client):
    settings.LOOKOUT_LOGIN_MAX_FAILURES = 2
    user = make_staff(Role.ANALYST)
    device = TOTPDevice.objects.create(user=user, name="app", confirmed=True)
    sign_in(client, user.username)
    bad = wrong_code_for(device)
    client.post("/staff/two-factor/", {"token": bad})
    response = client.post("/staff/two-factor/", {"token": bad})
    assert "Too many failed sign-ins" in response.content.decode()
    response = client.post("/staff/two-factor/", {"token": code_for(device)})
    assert response.status_code == 400


def test_idle_session_expires(settings, client):
    settings.LOOKOUT_STAFF_IDLE_MINUTES = 30
    user = make_staff(Role.ANALYST)
    sign_in(client, user.username)
    assert_idle_session_ends(client, page="/staff/inbox/", login="/staff/login/")
