import contextlib

import pytest

from .helpers import FakePoliceApi


@pytest.fixture
def police_api(settings):
    api = FakePoliceApi()
    settings.LOOKOUT_POLICE_API_URL = api.url
    settings.LOOKOUT_POLICE_PUBLIC_URL = api.url
    yield api
    with contextlib.suppress(OSError):
        api.stop()
