"""Production: no default secrets, DEBUG refused, HTTPS everywhere."""

import os

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import (
    DATABASES,
    DEV_CONTACT_PRIVATE_KEY,
    DEV_FORM_TOKEN_KEY,
    DEV_PARTNER_KEY,
    DEV_RECEIPT_KEY,
    DEV_SECRET_KEY,
    SECRET_KEY,
    env_bool,
    require_private_key,
)

if not os.environ.get("SECRET_KEY") or SECRET_KEY == DEV_SECRET_KEY or len(SECRET_KEY) < 50:
    raise ImproperlyConfigured("Set SECRET_KEY to a long random value (not the development key) in production.")
if env_bool("DEBUG", default=False):
    raise ImproperlyConfigured("DEBUG must be off in production.")
if len(os.environ.get("LOOKOUT_PARTNER_KEY", "")) < 32:
    raise ImproperlyConfigured("Set LOOKOUT_PARTNER_KEY (shared with the independent service, 32+ characters).")
if not os.environ.get("DATABASE_URL"):
    raise ImproperlyConfigured("Set DATABASE_URL in production (PostgreSQL).")
if os.environ.get("LOOKOUT_PARTNER_KEY") == DEV_PARTNER_KEY:
    raise ImproperlyConfigured("LOOKOUT_PARTNER_KEY is the repository's development key: set a random one.")
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    raise ImproperlyConfigured("DATABASE_URL points at SQLite: production runs on PostgreSQL.")
if not os.environ.get("ALLOWED_HOSTS"):
    raise ImproperlyConfigured("Set ALLOWED_HOSTS in production.")
_receipt_key = os.environ.get("LOOKOUT_RECEIPT_KEY", "")
if len(_receipt_key) < 32 or _receipt_key == DEV_RECEIPT_KEY:
    raise ImproperlyConfigured("Set LOOKOUT_RECEIPT_KEY to a long random value (at least 32 characters) in production.")
_form_key = os.environ.get("LOOKOUT_FORM_TOKEN_KEY", "")
if len(_form_key) < 32 or _form_key == DEV_FORM_TOKEN_KEY:
    raise ImproperlyConfigured("Set LOOKOUT_FORM_TOKEN_KEY (32+ characters) to sign the public forms' tokens.")
require_private_key("LOOKOUT_CONTACT_PRIVATE_KEY", refused=DEV_CONTACT_PRIVATE_KEY)

if os.environ.get("LOOKOUT_DESK_WEBHOOK_URL") and len(os.environ.get("LOOKOUT_DESK_WEBHOOK_KEY", "")) < 32:
    raise ImproperlyConfigured("Set LOOKOUT_DESK_WEBHOOK_KEY (32+ characters) to sign desk alerts.")

DEBUG = False
# Two-factor sign-in is never optional in production.
LOOKOUT_REQUIRE_2FA = True
EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", default=True)
SECURE_HSTS_SECONDS = 63072000
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
STORAGES["staticfiles"] = {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"}  # noqa: F405
WHITENOISE_USE_FINDERS = False
