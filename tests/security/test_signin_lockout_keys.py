"""Lock-out is keyed on the name Django authenticates: the NFKC form (AbstractBaseUser.normalize_username),
case-folded. Unicode variants of one username (fullwidth letters, a ligature, another case) that sign in as
the same account share one counter, so none of them gets fresh tries."""

import pytest
from django.test import Client

from accounts.roles import Role
from accounts.tests.factories import PASSWORD, make_staff

pytestmark = pytest.mark.django_db

LOCKED = "Too many failed sign-ins"


def _fullwidth(text: str) -> str:
    """ASCII letters, digits and dots as their fullwidth forms (U+FF01..U+FF5E), which NFKC maps back."""
    return "".join(chr(ord(c) + 0xFEE0) if "!" <= c <= "~" else c for c in text)


def sign_in(client: Client, username: str, password: str):
    return client.post("/staff/login/", {"username": username, "password": password})


def test_the_fullwidth_form_of_a_username_signs_in_as_that_account():
    user = make_staff(Role.ANALYST, username="fi.analyst")
    assert sign_in(Client(), _fullwidth(user.username), PASSWORD).status_code == 302


def test_unicode_variants_of_one_username_share_one_counter(settings):
    settings.LOOKOUT_LOGIN_MAX_FAILURES = 4
    user = make_staff(Role.ANALYST, username="fi.analyst")
    variants = ["fi.analyst", _fullwidth("fi.analyst"), "\ufb01.analyst", "FI.ANALYST"]  # U+FB01 is the fi ligature
    client = Client()
    for variant in variants[:-1]:
        assert LOCKED not in sign_in(client, variant, "wrong-password").content.decode()
    assert LOCKED in sign_in(client, variants[-1], "wrong-password").content.decode()
    for variant in variants:  # the right password gains nothing while the lock lasts, whichever form is typed
        response = sign_in(Client(), variant, PASSWORD)
        assert response.status_code == 200 and LOCKED in response.content.decode(), variant
    assert sign_in(Client(), user.username, PASSWORD).status_code == 200
