import pytest
from django.test import Client


@pytest.fixture
def client() -> Client:
    """A browser on our own pages: every current browser says so (Sec-Fetch-Site), and the public forms
    refuse a post that does not (reportkit.formtoken.same_origin)."""
    return Client(HTTP_SEC_FETCH_SITE="same-origin")
