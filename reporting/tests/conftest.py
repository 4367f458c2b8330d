import pytest
from django.test import Client


@pytest.fixture
def client(same_origin_client: Client) -> Client:
    """The public forms' tests post as a browser on our own pages (the root conftest's same_origin_client)."""
    return same_origin_client
