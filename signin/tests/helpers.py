"""Test support for the sign-in app, shared by both services' suites (imports no app of either): the codes an
authenticator app would show, and a session that ends when left idle."""

import time

from django.test import Client
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice


def code_for(device: TOTPDevice) -> str:
    """The code the device's authenticator app shows now."""
    return f"{totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits):06d}"


def wrong_code_for(device: TOTPDevice) -> str:
    """A well-formed code that is not the one the device shows now."""
    return "111111" if code_for(device) != "111111" else "222222"


def assert_idle_session_ends(client: Client, *, page: str, login: str) -> None:
    """With LOOKOUT_STAFF_IDLE_MINUTES at 30, a signed-in client sees `page`; last seen 31 minutes ago, it is
    sent to `login`, and stays signed out."""
    assert client.get(page).status_code == 200
    session = client.session
    session["lookout_last_seen"] = int(time.time()) - 31 * 60
    session.save()
    response = client.get(page)
    assert response.status_code == 302 and response["Location"].startswith(login)
    assert client.get(page).status_code == 302
