"""The police test suite: the police base, then the test settings both services share (_test.py), and a
private cache."""

import tempfile
from pathlib import Path

from .base import *  # noqa: F403
from .base import STORAGES

# isort: split
# After the base, which it overrides.
from ._test import *  # noqa: F403
from ._test import PLAIN_STATIC_STORAGE

MEDIA_ROOT = Path(tempfile.mkdtemp(prefix="lookout-test-media-"))
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "lookout-tests"}}
STORAGES = {**STORAGES, "staticfiles": {"BACKEND": PLAIN_STATIC_STORAGE}}
# Nothing listens here: tests that need the partner start a server and point this at it (never a real service
# on the default port, which a demo on this machine may be running).
LOOKOUT_PARTNER_URL = "http://127.0.0.1:9"
LOOKOUT_PUBLIC_BASE_URL = "http://127.0.0.1:9"
