import contextlib

import pytest

from independent.police_api import appeals_refresh

from .helpers import FakePoliceApi


@pytest.fixture
def police_api(settings):
    api = FakePoliceApi()
    settings.LOOKOUT_POLICE_API_URL = api.url
    settings.LOOKOUT_POLICE_PUBLIC_URL = api.url
    # What the scheduled `independent_appeals_refresh` does: pages only ever read this copy.
    appeals_refresh()
    yield api
    with contextlib.suppress(OSError):
        api.stop()
