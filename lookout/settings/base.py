"""Settings shared by every environment. Values come from the environment with safe development defaults;
production.py removes the defaults for anything secret (see docs/adr/0001-configuration.md)."""

import base64
import binascii
import hashlib
import hmac
import os
from pathlib import Path

import dj_database_url

BASE_DIR = Path(__file__).resolve().parent.parent.parent
VAR_DIR = Path(os.environ.get("LOOKOUT_VAR_DIR", BASE_DIR / "var"))


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def require_private_key(name: str, *, refused: str) -> None:
    """Production's check of a sealing key from the environment: a base64 Curve25519 private key (32 bytes),
    never the development one. Used by both services' production settings."""
    from django.core.exceptions import ImproperlyConfigured

    value = os.environ.get(name, "")
    try:
        valid = len(base64.b64decode(value, validate=True)) == 32
    except (binascii.Error, ValueError):
        valid = False
    if not valid or value == refused:
        raise ImproperlyConfigured(f"Set {name} to a base64 Curve25519 private key (32 bytes) in production.")


# A development-only key: production.py refuses to start with it.
DEV_SECRET_KEY = "dev-insecure-lookout-key-do-not-use-in-production"  # noqa: S105
SECRET_KEY = os.environ.get("SECRET_KEY", DEV_SECRET_KEY)
DEBUG = env_bool("DEBUG", default=False)
ALLOWED_HOSTS = [h for h in os.environ.get("ALLOWED_HOSTS", "127.0.0.1,localhost,testserver").split(",") if h]

INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.admin",
    "django_tasks",
    "django_tasks_db",
    "csp",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "lookout",
    "signin",
    "accounts",
    "audit",
    "appeals",
    "reportkit",
    "reporting",
    "intelligence",
    "api",
    "partner",
    "demo",
]

MIDDLEWARE = [
    # First, so nothing later (logging, error reports) can see who the client is.
    "lookout.middleware.ForgetClientMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # Staff sessions: idle time-out, and the second factor on every /staff/ page (docs/adr/0020).
    "accounts.middleware.StaffSessionMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "lookout.middleware.SecurityHeadersMiddleware",
]

ROOT_URLCONF = "lookout.urls"
WSGI_APPLICATION = "lookout.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "lookout.context_processors.site",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL", f"sqlite:///{VAR_DIR / 'lookout.sqlite3'}"),
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "0")),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets the web server and the worker read while the other writes; the busy timeout turns short
    # lock waits into waits instead of "database is locked" errors.
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL}}
else:
    # A file cache is shared by every process of the embedded demo, so purging it on takedown works
    # across the web server and the worker; production points REDIS_URL at Redis.
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": str(VAR_DIR / "cache"),
        }
    }

TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "staff:login"
LOGIN_REDIRECT_URL = "staff:home"
LOGOUT_REDIRECT_URL = "staff:login"
SESSION_COOKIE_AGE = 8 * 60 * 60
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_HTTPONLY = True
# Our pages send "Referrer-Policy: no-referrer", so browsers send "Origin: null" with form posts
# (Fetch standard). The CSRF token is still checked on every post. See docs/adr/0003-csrf-and-no-referrer.md.
CSRF_TRUSTED_ORIGINS = ["null"]
SILENCED_SYSTEM_CHECKS = ["4_0.E001"]

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "Europe/London"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("LOOKOUT_STATIC_ROOT", BASE_DIR / "staticfiles"))
STATICFILES_DIRS: list[Path] = []
MEDIA_ROOT = Path(os.environ.get("LOOKOUT_MEDIA_ROOT", VAR_DIR / "media"))
# Media is never served by URL: appeal images go through a view that checks the appeal is still public.
MEDIA_URL = "/_media_not_served/"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"},
}
# Both services' web servers serve their own static files (whitenoise), also with DEBUG off: development and the
# demo straight from the apps' folders (no collectstatic step); production from STATIC_ROOT, collected, hashed
# and compressed (production.py, independent_production.py).
WHITENOISE_USE_FINDERS = True
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = 12 * 1024 * 1024
# Uploads never touch the disk, and a request larger than five files at the size limit is refused unread
# (lookout/uploads.py). The per-file limit is LOOKOUT_IMAGE_MAX_BYTES below.
FILE_UPLOAD_HANDLERS = ["lookout.uploads.MemoryOnlyUploadHandler"]
LOOKOUT_UPLOAD_MAX_REQUEST_BYTES = 5 * 8 * 1024 * 1024 + 1024 * 1024

SECURE_REFERRER_POLICY = "no-referrer"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
        "base-uri": ["'none'"],
        "object-src": ["'none'"],
    }
}

# Logging never carries a client address or user agent: request lines only (see lookout.middleware).
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    # Every line is scrubbed of IP literals, and a refused request (4xx) is one line without a traceback
    # (lookout.logscrub): the promise covers Django's own loggers too (django.request, django.security).
    "formatters": {
        "plain": {
            "class": "lookout.logscrub.AddresslessFormatter",
            "format": "{asctime} {levelname} {name} {message}",
            "style": "{",
        }
    },
    "filters": {"no_client_error_traceback": {"()": "lookout.logscrub.NoClientErrorTracebackFilter"}},
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "formatter": "plain",
            "filters": ["no_client_error_traceback"],
        }
    },
    "root": {"handlers": ["console"], "level": "INFO"},
    "loggers": {
        "django": {"handlers": ["console"], "level": "INFO", "propagate": False},
        "django.server": {"handlers": ["console"], "level": "INFO", "propagate": False},
    },
}

# Lookout's own settings.
LOOKOUT_FORCE_NAME = os.environ.get("LOOKOUT_FORCE_NAME", "Northshire Police")
LOOKOUT_CHARITY_NAME = os.environ.get("LOOKOUT_CHARITY_NAME", "Speak Up Safely")
LOOKOUT_CHARITY_PHONE = os.environ.get("LOOKOUT_CHARITY_PHONE", "0800 555 111")
# "Exit this page" on every reporting page of both services leaves for this neutral page (a reporter may be
# reporting someone they live with). GOV.UK Frontend's own default.
LOOKOUT_EXIT_URL = os.environ.get("LOOKOUT_EXIT_URL", "https://www.bbc.co.uk/weather")
LOOKOUT_IMAGE_MAX_BYTES = 8 * 1024 * 1024
# Declared pixels above this are refused before decoding (appeals.images) for formats decoded at full size
# (PNG, GIF, WebP, HEIC, progressive JPEG): 24 MP takes any phone's default
# photo (12 MP, or 48/50 MP sensors binned to 12) and bounds a decode to about 100 MB (issue 9, item 12).
LOOKOUT_IMAGE_MAX_PIXELS = 24_000_000
# Baseline JPEGs (and MPO) are decoded reduced (draft), never at full size, so they may declare more: 52 MP
# takes a full-resolution 48/50 MP phone photo (8064x6048, 8160x6120) with a margin, within the same bound.
LOOKOUT_JPEG_MAX_PIXELS = 52_000_000
LOOKOUT_REVIEW_GRACE_DAYS = int(os.environ.get("LOOKOUT_REVIEW_GRACE_DAYS", "3"))
LOOKOUT_STAFF_BASE_URL = os.environ.get("LOOKOUT_STAFF_BASE_URL", "http://127.0.0.1:8000")

# The signed channel to the independent service (partner app). The key is shared by both services.
DEV_PARTNER_KEY = "dev-partner-key-not-for-production"  # noqa: S105
LOOKOUT_PARTNER_URL = os.environ.get("LOOKOUT_INDEPENDENT_URL", "http://127.0.0.1:8001")
LOOKOUT_PARTNER_KEY_ID = os.environ.get("LOOKOUT_PARTNER_KEY_ID", "k1")
# The first wait before retrying an unacknowledged message; it doubles on each failure, up to an hour.
LOOKOUT_PARTNER_RETRY_SECONDS = int(os.environ.get("LOOKOUT_PARTNER_RETRY_SECONDS", "5"))
LOOKOUT_PARTNER_KEYS = {LOOKOUT_PARTNER_KEY_ID: os.environ.get("LOOKOUT_PARTNER_KEY", DEV_PARTNER_KEY)}

# E-mail: SMTP settings from the environment in production; the demo writes messages to var/mail.
EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.filebased.EmailBackend")
EMAIL_FILE_PATH = VAR_DIR / "mail"
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "lookout@localhost")


# Reporting (docs/adr/0004-receipts-idempotency-encryption.md). Development derives both keys from SECRET_KEY so
# the demo needs no setup; production.py requires them from the environment and refuses the derived values.
def _dev_derived(purpose: str) -> bytes:
    return hmac.new(SECRET_KEY.encode(), f"lookout-dev-{purpose}".encode(), hashlib.sha256).digest()


DEV_RECEIPT_KEY = _dev_derived("receipt").hex()
DEV_CONTACT_PRIVATE_KEY = base64.b64encode(_dev_derived("contact")).decode()
# Keys the receipt hash (HMAC-SHA256) and the short-lived replay of a receipt for a repeated post.
LOOKOUT_RECEIPT_KEY = os.environ.get("LOOKOUT_RECEIPT_KEY", DEV_RECEIPT_KEY)
# A Curve25519 private key (base64, 32 bytes) for sealed boxes: contact details and original uploads.
LOOKOUT_CONTACT_PRIVATE_KEY = os.environ.get("LOOKOUT_CONTACT_PRIVATE_KEY", DEV_CONTACT_PRIVATE_KEY)
# Signs the public forms' stateless tokens (reportkit.formtoken): the public pages set no CSRF cookie.
DEV_FORM_TOKEN_KEY = _dev_derived("form").hex()
LOOKOUT_FORM_TOKEN_KEY = os.environ.get("LOOKOUT_FORM_TOKEN_KEY", DEV_FORM_TOKEN_KEY)
LOOKOUT_FORM_TOKEN_MAX_AGE = int(os.environ.get("LOOKOUT_FORM_TOKEN_MAX_AGE", str(4 * 60 * 60)))
LOOKOUT_REPORT_MAX_FILES = 5
LOOKOUT_DOCUMENT_MAX_BYTES = 200 * 1024
# Failed receipt look-ups allowed per minute in each of the 65,536 buckets of codes (reporting.throttle; nobody
# is tracked to count them; docs/adr/0032-receipt-guessing.md).
LOOKOUT_FOLLOW_UP_FAILURES_PER_MINUTE = int(os.environ.get("LOOKOUT_FOLLOW_UP_FAILURES_PER_MINUTE", "10"))
# How long a repeated post of the same form shows the same receipt again.
LOOKOUT_RECEIPT_REPLAY_SECONDS = 15 * 60

# Staff accounts (docs/adr/0020-intelligence-desk.md). Two-factor (TOTP) sign-in is required on every /staff/
# page; the demo and local development turn it off (local.py) so the printed demo log-ins work as they are.
LOOKOUT_REQUIRE_2FA = env_bool("LOOKOUT_REQUIRE_2FA", default=True)
OTP_TOTP_ISSUER = f"{LOOKOUT_FORCE_NAME} Lookout"
# A staff session ends after this many minutes without a request (and after SESSION_COOKIE_AGE in any case).
LOOKOUT_STAFF_IDLE_MINUTES = int(os.environ.get("LOOKOUT_STAFF_IDLE_MINUTES", "30"))
# Failed sign-ins (password or code) allowed per username before it is locked for LOOKOUT_LOGIN_LOCK_MINUTES.
LOOKOUT_LOGIN_MAX_FAILURES = int(os.environ.get("LOOKOUT_LOGIN_MAX_FAILURES", "5"))
LOOKOUT_LOGIN_LOCK_MINUTES = int(os.environ.get("LOOKOUT_LOGIN_LOCK_MINUTES", "15"))

# Urgent alerts to the on-duty intelligence desk: e-mail to these addresses and a signed webhook (either may
# be empty to turn that channel off). The webhook is signed as partner requests are (partner.signing).
LOOKOUT_DESK_ALERT_EMAILS = [a for a in os.environ.get("LOOKOUT_DESK_ALERT_EMAILS", "").split(",") if a]
LOOKOUT_DESK_WEBHOOK_URL = os.environ.get("LOOKOUT_DESK_WEBHOOK_URL", "")
DEV_DESK_WEBHOOK_KEY = "dev-desk-webhook-key-not-for-production"  # noqa: S105
LOOKOUT_DESK_WEBHOOK_KEY = os.environ.get("LOOKOUT_DESK_WEBHOOK_KEY", DEV_DESK_WEBHOOK_KEY)
LOOKOUT_DESK_WEBHOOK_TIMEOUT = 5

# Retention (docs/adr/0034-retention-and-erasure.md): days before `manage.py retention_purge` erases a record.
# Report periods count from receipt and apply to closed reports no unit action holds; an appeal's from closing.
LOOKOUT_RETENTION_ORIGINAL_DAYS = int(os.environ.get("LOOKOUT_RETENTION_ORIGINAL_DAYS", "90"))
LOOKOUT_RETENTION_CONTACT_DAYS = int(os.environ.get("LOOKOUT_RETENTION_CONTACT_DAYS", "365"))
LOOKOUT_RETENTION_REPORT_DAYS = int(os.environ.get("LOOKOUT_RETENTION_REPORT_DAYS", str(6 * 365)))
LOOKOUT_RETENTION_CLOSED_APPEAL_DAYS = int(os.environ.get("LOOKOUT_RETENTION_CLOSED_APPEAL_DAYS", "365"))
LOOKOUT_RETENTION_PARTNER_MESSAGE_DAYS = int(os.environ.get("LOOKOUT_RETENTION_PARTNER_MESSAGE_DAYS", "30"))

# A task still RUNNING this long lost its worker and is queued again (lookout/task_lease.py), at most
# LOOKOUT_TASK_MAX_ATTEMPTS claims in all. Longer than any task takes; shorter than anyone would wait.
LOOKOUT_TASK_LEASE_SECONDS = int(os.environ.get("LOOKOUT_TASK_LEASE_SECONDS", "600"))
LOOKOUT_TASK_MAX_ATTEMPTS = int(os.environ.get("LOOKOUT_TASK_MAX_ATTEMPTS", "3"))
