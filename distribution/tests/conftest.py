import pytest

from partner.http_signatures import new_private_key_pem, public_key_pem

from .subscriber import Subscriber as SubscriberServer

KEY_ID = "test-d1"


@pytest.fixture
def signing_key(settings) -> str:
    settings.LOOKOUT_DISTRIBUTION_SIGNING_KEYS = {KEY_ID: new_private_key_pem()}
    return KEY_ID


@pytest.fixture
def force_server(signing_key):
    server = SubscriberServer(key_id=signing_key, public_key_pem=public_key_pem(signing_key))
    yield server
    server.stop()
