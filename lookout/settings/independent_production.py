"""The independent service in production: no default secrets, DEBUG refused, HTTPS everywhere."""

import os

from django.core.exceptions import ImproperlyConfigured

from .base import DEV_PARTNER_KEY, env_bool, require_private_key
from .independent import *  # noqa: F403
from .independent import (
    DATABASES,
    DEV_INDEPENDENT_FORM_KEY,
    DEV_INDEPENDENT_RECEIPT_KEY,
    DEV_INDEPENDENT_SEAL_PRIVATE_KEY,
    DEV_INDEPENDENT_SECRET_KEY,
    SECRET_KEY,
)


def _required(name: str, *, refused: str = "", min_length: int = 32) -> str:
    value = os.environ.get(name, "")
    if len(value) < min_length or value == refused:
        raise ImproperlyConfigured(f"Set {name} to a long random value ({min_length}+ characters) in production.")
    return value


if SECRET_KEY == DEV_INDEPENDENT_SECRET_KEY or len(SECRET_KEY) < 50:
    raise ImproperlyConfigured("Set INDEPENDENT_SECRET_KEY to a long random value in production.")
if env_bool("DEBUG", default=False):
    raise ImproperlyConfigured("DEBUG must be off in production.")
_required("INDEPENDENT_RECEIPT_KEY", refused=DEV_INDEPENDENT_RECEIPT_KEY)
_required("INDEPENDENT_FORM_TOKEN_KEY", refused=DEV_INDEPENDENT_FORM_KEY)
_required("LOOKOUT_PARTNER_KEY", refused=DEV_PARTNER_KEY)
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    raise ImproperlyConfigured("INDEPENDENT_DATABASE_URL points at SQLite: production runs on PostgreSQL.")
require_private_key("INDEPENDENT_SEAL_PRIVATE_KEY", refused=DEV_INDEPENDENT_SEAL_PRIVATE_KEY)
for _name in ("INDEPENDENT_DATABASE_URL", "INDEPENDENT_ALLOWED_HOSTS", "LOOKOUT_POLICE_API_URL"):
    if not os.environ.get(_name):
        raise ImproperlyConfigured(f"Set {_name} in production.")
if os.environ.get("INDEPENDENT_DATABASE_URL") == os.environ.get("DATABASE_URL"):
    raise ImproperlyConfigured("The independent service must not share the police service's database.")

DEBUG = False
LOOKOUT_REQUIRE_2FA = True  # operators always give a code from their authenticator app (ADR 0033)
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
