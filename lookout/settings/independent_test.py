"""The independent service's own test modules (independent/tests), run by a second pytest invocation:
`pytest --ds=lookout.settings.independent_test independent/tests` (see the Makefile)."""

import os
import tempfile

from .independent import *  # noqa: F403

DEBUG = False
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
MEDIA_ROOT = Path(tempfile.mkdtemp(prefix="independent-test-media-"))  # noqa: F405
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "independent-tests"}}
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
STORAGES["staticfiles"] = {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}  # noqa: F405
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
# `make test-postgres` points INDEPENDENT_DATABASE_URL at the same server as DATABASE_URL; the test database
# gets a name of its own so the two suites never share one.
if os.environ.get("INDEPENDENT_DATABASE_URL") is None and os.environ.get("DATABASE_URL", "").startswith("postgres"):
    DATABASES = {"default": dj_database_url.parse(os.environ["DATABASE_URL"])}  # noqa: F405
if DATABASES["default"]["ENGINE"] != "django.db.backends.sqlite3":  # noqa: F405
    DATABASES["default"]["TEST"] = {"NAME": f"test_{DATABASES['default']['NAME']}_independent"}  # noqa: F405
# Nothing listens here: tests that need the police API or partner start a server and point these at it.
LOOKOUT_POLICE_API_URL = "http://127.0.0.1:9"
LOOKOUT_PARTNER_URL = "http://127.0.0.1:9"
# As in the police suite: most tests sign in with force_login; the tests of the second factor turn it on.
LOOKOUT_REQUIRE_2FA = False
