"""What both services' test settings add on top of their base (test.py and independent_test.py star-import
this): the same settings as production in shape, with fast hashing, tasks run at once, e-mail kept in memory
and static files served from the app folders. Not a settings module of its own."""

DEBUG = False
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
# Serve static files from the app folders (as the demo does) rather than a collected STATIC_ROOT.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
PLAIN_STATIC_STORAGE = "django.contrib.staticfiles.storage.StaticFilesStorage"
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
# Most tests sign in with force_login; the tests of two-factor sign-in turn this on.
LOOKOUT_REQUIRE_2FA = False
AUDIT_SEAL_WINDOW_SECONDS = 0.0  # the immediate queue cannot defer a task
DESK_ENRICH_WINDOW_SECONDS = 0.0
