"""Operators sign in to the same standard as police staff (issue 9): lock-out per username (keyed as Django
authenticates it), a TOTP second factor enrolled on first sign-in, and an idle time-out; 2FA is forced on in
the service's production settings. The machinery is the neutral signin app, so no police app is involved."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.test import Client
from django_otp.plugins.otp_totp.models import TOTPDevice

from signin.models import SignInLock
from signin.tests.helpers import assert_idle_session_ends, code_for, wrong_code_for

from .helpers import make_operator

pytestmark = pytest.mark.django_db
PASSWORD = "operator-pass-2026"  # noqa: S105 - helpers.make_operator's test password
ROOT = Path(__file__).resolve().parents[2]


def sign_in(client: Client, username: str, password: str = PASSWORD):
    return client.post("/operators/login/", {"username": username, "password": password})


@pytest.fixture
def require_2fa(settings):
    settings.LOOKOUT_REQUIRE_2FA = True
    settings.OTP_TOTP_THROTTLE_FACTOR = 0  # django-otp's own back-off would delay the right code after a wrong one


def test_operator_username_is_locked_after_repeated_failures_in_any_unicode_form(settings):
    settings.LOOKOUT_LOGIN_MAX_FAILURES = 3
    operator = make_operator()
    client = Client()
    fullwidth = "".join(chr(ord(c) + 0xFEE0) for c in "OLU") + ".operator"
    for name in ("olu.operator", fullwidth):
        assert "Too many failed sign-ins" not in sign_in(client, name, "wrong-password").content.decode()
    locked = sign_in(client, "Olu.Operator", "wrong-password")
    assert "Too many failed sign-ins" in locked.content.decode()
    right = sign_in(Client(), operator.username)
    assert right.status_code == 200 and "Too many failed sign-ins" in right.content.decode()
    assert SignInLock.objects.get(username="olu.operator").locked_until is not None


def test_operators_enrol_an_authenticator_app_then_need_its_code(require_2fa):
    operator = make_operator()
    client = Client()
    assert sign_in(client, operator.username).status_code == 302
    response = client.get("/operators/")
    assert response.status_code == 302 and response["Location"].startswith("/operators/two-factor/")
    page = client.get("/operators/two-factor/?next=/operators/")
    html = page.content.decode()
    assert "Set up your authenticator app" in html and '<svg role="img"' in html
    device = TOTPDevice.objects.get(user=operator)
    bad = wrong_code_for(device)
    assert client.post("/operators/two-factor/", {"token": bad, "next": "/operators/"}).status_code == 400
    done = client.post("/operators/two-factor/", {"token": code_for(device), "next": "/operators/"})
    assert done.status_code == 302 and done["Location"] == "/operators/"
    assert client.get("/operators/").status_code == 200
    device.refresh_from_db()
    assert device.confirmed
    # Next time: a code, not a new secret.
    again = Client()
    sign_in(again, operator.username)
    assert "Enter your code" in again.get("/operators/two-factor/").content.decode()


def test_wrong_codes_count_towards_the_operator_lock(require_2fa, settings):
    settings.LOOKOUT_LOGIN_MAX_FAILURES = 2
    operator = make_operator()
    device = TOTPDevice.objects.create(user=operator, name="app", confirmed=True)
    client = Client()
    sign_in(client, operator.username)
    bad = wrong_code_for(device)
    client.post("/operators/two-factor/", {"token": bad})
    assert "Too many failed sign-ins" in client.post("/operators/two-factor/", {"token": bad}).content.decode()
    assert client.post("/operators/two-factor/", {"token": code_for(device)}).status_code == 400


def test_idle_operator_session_expires(settings):
    settings.LOOKOUT_STAFF_IDLE_MINUTES = 30
    operator = make_operator()
    client = Client()
    sign_in(client, operator.username)
    assert_idle_session_ends(client, page="/operators/", login="/operators/login/")


def test_production_settings_require_the_second_factor():
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "lookout.settings.independent_production",
        "LOOKOUT_REQUIRE_2FA": "0",  # refused: production always asks for the code
        "INDEPENDENT_SECRET_KEY": "s" * 60,
        "INDEPENDENT_RECEIPT_KEY": "r" * 40,
        "INDEPENDENT_FORM_TOKEN_KEY": "f" * 40,
        "LOOKOUT_PARTNER_KEY": "p" * 40,
        "INDEPENDENT_SEAL_PRIVATE_KEY": "u8LqKk3Ab1jvSa9w3mD5l0f0Q6y0Z0W7Yt8c5p2o1xE=",
        "INDEPENDENT_DATABASE_URL": "postgres://speakup@db.example.org/speakup",  # production refuses SQLite
        "INDEPENDENT_ALLOWED_HOSTS": "speakup.example.org",
        "LOOKOUT_POLICE_API_URL": "https://police.example.org",
    }
    script = (
        "import django; django.setup(); from django.conf import settings;"
        "print(settings.LOOKOUT_REQUIRE_2FA, 'signin' in settings.INSTALLED_APPS,"
        " any(m.endswith('OperatorSessionMiddleware') for m in settings.MIDDLEWARE))"
    )
    out = subprocess.run([sys.executable, "-c", script], cwd=ROOT, env=env, capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["True", "True", "True"]
