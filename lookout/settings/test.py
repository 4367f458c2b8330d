"""The test suite: the same settings as production in shape, with fast hashing and a private cache."""

import tempfile

from .base import *  # noqa: F403

DEBUG = False
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
MEDIA_ROOT = Path(tempfile.mkdtemp(prefix="lookout-test-media-"))  # noqa: F405
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "lookout-tests"}}
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
STORAGES["staticfiles"] = {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}  # noqa: F405
# Serve static files from the app folders (as the demo does) rather than a collected STATIC_ROOT.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
# Most tests sign in with force_login; the tests of two-factor sign-in turn this on.
LOOKOUT_REQUIRE_2FA = False
# Nothing listens here: tests that need the partner start a server and point this at it (never a real service
# on the default port, which a demo on this machine may be running).
LOOKOUT_PARTNER_URL = "http://127.0.0.1:9"
