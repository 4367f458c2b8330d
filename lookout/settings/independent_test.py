"""The independent service's own test modules (independent/tests), run by a second pytest invocation:
`pytest --ds=lookout.settings.independent_test independent/tests` (see the Makefile). The charity's base with
the shared test settings (_test.py) and a private cache."""

import os
import tempfile
from pathlib import Path

import dj_database_url

from .independent import *  # noqa: F403
from .independent import DATABASES, STORAGES

# isort: split
# After the base, which it overrides.
from ._test import *  # noqa: F403
from ._test import PLAIN_STATIC_STORAGE

MEDIA_ROOT = Path(tempfile.mkdtemp(prefix="independent-test-media-"))
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "independent-tests"}}
STORAGES = {**STORAGES, "staticfiles": {"BACKEND": PLAIN_STATIC_STORAGE}}
# `make test-postgres` points INDEPENDENT_DATABASE_URL at the same server as DATABASE_URL; the test database
# gets a name of its own so the two suites never share one.
if os.environ.get("INDEPENDENT_DATABASE_URL") is None and os.environ.get("DATABASE_URL", "").startswith("postgres"):
    DATABASES = {"default": dj_database_url.parse(os.environ["DATABASE_URL"])}
if DATABASES["default"]["ENGINE"] != "django.db.backends.sqlite3":
    DATABASES["default"]["TEST"] = {"NAME": f"test_{DATABASES['default']['NAME']}_independent"}
# Nothing listens here: tests that need the police API or partner start a server and point these at it.
LOOKOUT_POLICE_API_URL = "http://127.0.0.1:9"
LOOKOUT_PARTNER_URL = "http://127.0.0.1:9"
