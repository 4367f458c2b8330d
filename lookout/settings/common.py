"""What both services share: the framework apps, the security headers and policy, log scrubbing, i18n, tasks,
uploads, sessions and sign-in limits, the names on every page and the partner channel. Each service's base
(base.py for the police, independent.py for the charity) imports this and adds only its own apps and keys;
nothing here names a police app or a charity key. Values come from the environment with safe development
defaults; the production modules remove the defaults for anything secret (docs/adr/0001-configuration.md).
"""

import base64
import binascii
import hashlib
import hmac
import os
import re
from pathlib import Path
from typing import Any

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent.parent
VAR_DIR = Path(os.environ.get("LOOKOUT_VAR_DIR", BASE_DIR / "var"))


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    return [item for item in os.environ.get(name, default).split(",") if item]


def env_origins(name: str) -> list[str]:
    """A comma-separated list of web origins ("https://partner.example", "http://127.0.0.1:9121"): scheme, host
    and optional port, nothing else. Anything more (a path, a wildcard, a quote, a semicolon) could widen or
    break the Content-Security-Policy the list goes into, so it stops the service at start-up instead."""
    origins = []
    for item in env_list(name):
        origin = item.strip().rstrip("/")
        if not re.fullmatch(r"https?://[a-z0-9.-]+(:[0-9]{1,5})?", origin, flags=re.IGNORECASE):
            raise ImproperlyConfigured(f"{name}: {item!r} is not an origin such as https://partner.example")
        origins.append(origin.lower())
    return origins


def dev_derived(secret_key: str, purpose: str) -> bytes:
    """A development-only key derived from the service's SECRET_KEY, so the demo needs no setup; production
    requires every such key from the environment and refuses the derived value."""
    return hmac.new(secret_key.encode(), f"lookout-dev-{purpose}".encode(), hashlib.sha256).digest()


def database(url_variable: str, sqlite_file: str) -> dj_database_url.DBConfig:
    """The service's database from its URL variable, with an embedded SQLite file under var/ by default."""
    config = dj_database_url.parse(
        os.environ.get(url_variable, f"sqlite:///{VAR_DIR / sqlite_file}"),
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "0")),
    )
    if config["ENGINE"] == "django.db.backends.sqlite3":
        # WAL lets the web server and the worker read while the other writes; the busy timeout turns short
        # lock waits into waits instead of "database is locked" errors.
        config["OPTIONS"] = {
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
            "transaction_mode": "IMMEDIATE",
            "timeout": 20,
        }
    return config


def cache(redis_url: str, folder: str) -> dict[str, Any]:
    """Redis when the service is given one; else a file cache shared by every process of the embedded demo, so
    purging it on takedown works across the web server and the worker."""
    if redis_url:
        # Two services may share one Redis database (the local production profile does): each its own prefix.
        prefix = os.environ.get("LOOKOUT_CACHE_KEY_PREFIX", "")
        return {"BACKEND": "lookout.redis_cache.KeptClientRedisCache", "LOCATION": redis_url, "KEY_PREFIX": prefix}
    return {"BACKEND": "django.core.cache.backends.filebased.FileBasedCache", "LOCATION": str(VAR_DIR / folder)}


def middleware(*, sessions: str, headers: str, public_pages: tuple[str, ...] = ()) -> list[str]:
    """Both services' middleware; each names its own signed-in area's sessions and its response headers, and the
    police service its public page cache (after the client is forgotten and static files are served, before
    any session or CSRF work: docs/adr/0042-public-caching-and-takedown.md)."""
    return [
        # First, so nothing later (logging, error reports) can see who the client is.
        "lookout.middleware.ForgetClientMiddleware",
        "django.middleware.security.SecurityMiddleware",
        "whitenoise.middleware.WhiteNoiseMiddleware",
        *public_pages,
        "django.contrib.sessions.middleware.SessionMiddleware",
        # The language comes from the URL alone (/cy/..., /pl/..., English unprefixed; lookout.i18n): after the
        # sessions, before CommonMiddleware's slash redirect. No cookie is read or set for it, and the browser's
        # Accept-Language never reaches it (ForgetClientMiddleware drops the header).
        "lookout.i18n.PathLocaleMiddleware",
        "django.middleware.common.CommonMiddleware",
        # The signed-in pages keep Django's CSRF protection; the public forms are exempt and use a signed form
        # token and a same-origin check instead, so they need no cookie (docs/adr/0006-csrf-without-cookies.md).
        "django.middleware.csrf.CsrfViewMiddleware",
        "django.contrib.auth.middleware.AuthenticationMiddleware",
        "django_otp.middleware.OTPMiddleware",
        "django.contrib.messages.middleware.MessageMiddleware",
        # The signed-in area: idle time-out, and the second factor on every page of it (signin, ADR 0033).
        sessions,
        "django.middleware.clickjacking.XFrameOptionsMiddleware",
        "csp.middleware.CSPMiddleware",
        headers,
    ]


def templates(site_context: str) -> list[dict[str, Any]]:
    """App templates only; each service adds the context processor that names it on every page."""
    return [
        {
            "BACKEND": "django.template.backends.django.DjangoTemplates",
            "DIRS": [],
            "APP_DIRS": True,
            "OPTIONS": {
                "context_processors": [
                    "django.template.context_processors.request",
                    "django.contrib.auth.context_processors.auth",
                    "django.contrib.messages.context_processors.messages",
                    site_context,
                ],
            },
        },
    ]


def storages(*, files: str = "django.core.files.storage.FileSystemStorage", static: str = "") -> dict[str, Any]:
    """Stored files (never served by URL) and static files, compressed by whitenoise unless told otherwise."""
    return {
        "default": {"BACKEND": files},
        "staticfiles": {"BACKEND": static or "whitenoise.storage.CompressedStaticFilesStorage"},
    }


def logging_config(*, datefmt: str | None = None) -> dict[str, Any]:
    """Logging never carries a client address or user agent: request lines only (see lookout.middleware). Every
    line is scrubbed of IP literals, and a refused request (4xx) is one line without a traceback
    (lookout.logscrub): the promise covers Django's own loggers too (django.request, django.security)."""
    formatter = {"class": "lookout.logscrub.AddresslessFormatter", "format": "{asctime} {levelname} {name} {message}"}
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "formatters": {"plain": {**formatter, "style": "{", **({"datefmt": datefmt} if datefmt else {})}},
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


# Production's refusals, shared by both services' production modules.
def require_secret(name: str, *, refused: str = "", min_length: int = 32) -> str:
    """A secret from the environment: long enough, and never the repository's development value."""
    value = os.environ.get(name, "")
    if len(value) < min_length or value == refused:
        raise ImproperlyConfigured(
            f"Set {name} to a long random value ({min_length}+ characters, not the development one) in production."
        )
    return value


def require_private_key(name: str, *, refused: str) -> None:
    """A sealing key from the environment: a base64 Curve25519 private key (32 bytes), never the development one."""
    value = os.environ.get(name, "")
    try:
        valid = len(base64.b64decode(value, validate=True)) == 32
    except (binascii.Error, ValueError):
        valid = False
    if not valid or value == refused:
        raise ImproperlyConfigured(f"Set {name} to a base64 Curve25519 private key (32 bytes) in production.")


def require_set(*names: str) -> None:
    for name in names:
        if not os.environ.get(name):
            raise ImproperlyConfigured(f"Set {name} in production.")


def refuse_debug_and_sqlite(databases: dict[str, Any], *, url_variable: str) -> None:
    if env_bool("DEBUG", default=False):
        raise ImproperlyConfigured("DEBUG must be off in production.")
    if databases["default"]["ENGINE"] == "django.db.backends.sqlite3":
        raise ImproperlyConfigured(f"{url_variable} points at SQLite: production runs on PostgreSQL.")


DEBUG = env_bool("DEBUG", default=False)

# The framework apps both services install; each base adds its own apps after these.
FRAMEWORK_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django_tasks",
    "django_tasks_db",
    "csp",
    "django_otp",
    "django_otp.plugins.otp_totp",
]

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
# An audit event the sequencer has not sealed after this many seconds is a problem audit_verify reports: the
# sequencer (a task on commit, and `audit_seal --every N`) is not running (docs/adr/0037-audit-sequencer.md).
AUDIT_UNSEALED_MAX_SECONDS = int(os.environ.get("AUDIT_UNSEALED_MAX_SECONDS", "600"))
# Queue the sequencer when a transaction that wrote events commits (the scheduled `audit_seal --every N` is the
# safety net). The charity turns it off: a queued task's row carries exact times.
AUDIT_SEAL_ON_COMMIT = True
# At most one sequencer run queued per window, due at its end, however many reports commit in it (a surge);
# 0 queues one per transaction (the tests, whose queue runs a task at once and cannot defer it).
AUDIT_SEAL_WINDOW_SECONDS = float(os.environ.get("AUDIT_SEAL_WINDOW_SECONDS", "1"))
# The same for the desk's enrichment of arriving reports: one run per window takes them all, so a report's own
# transaction writes no task row (intelligence.signals); 0 queues each report's own task in its transaction.
DESK_ENRICH_WINDOW_SECONDS = float(os.environ.get("DESK_ENRICH_WINDOW_SECONDS", "1"))

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
SESSION_COOKIE_AGE = 8 * 60 * 60
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_HTTPONLY = True

LANGUAGE_CODE = "en-gb"
# Every public page of both services in English, Welsh and Polish (the community language); README "Languages".
# The catalogues are under locale/ (compiled by `make messages`, never committed as .mo).
LANGUAGES = [("en-gb", "English"), ("cy", "Cymraeg"), ("pl", "Polski")]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/London"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("LOOKOUT_STATIC_ROOT", BASE_DIR / "staticfiles"))
STATICFILES_DIRS: list[Path] = []
# Media is never served by URL: appeal images go through a view that checks the appeal is still public.
MEDIA_URL = "/_media_not_served/"
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

# The names on every page of both services.
LOOKOUT_FORCE_NAME = os.environ.get("LOOKOUT_FORCE_NAME", "Northshire Police")
LOOKOUT_CHARITY_NAME = os.environ.get("LOOKOUT_CHARITY_NAME", "Speak Up Safely")
LOOKOUT_CHARITY_PHONE = os.environ.get("LOOKOUT_CHARITY_PHONE", "0800 555 111")
# "Exit this page" on every reporting page of both services leaves for this neutral page (a reporter may be
# reporting someone they live with). GOV.UK Frontend's own default.
LOOKOUT_EXIT_URL = os.environ.get("LOOKOUT_EXIT_URL", "https://www.bbc.co.uk/weather")

# What a reporter may send, in both services (the report kit: attachments, uploads, receipts, throttles).
LOOKOUT_IMAGE_MAX_BYTES = 8 * 1024 * 1024
# Declared pixels above this are refused before decoding (reportkit.images) for formats decoded at full size
# (PNG, GIF, WebP, HEIC, progressive JPEG): 24 MP takes any phone's default
# photo (12 MP, or 48/50 MP sensors binned to 12) and bounds a decode to about 100 MB (issue 9, item 12).
LOOKOUT_IMAGE_MAX_PIXELS = 24_000_000
# Baseline JPEGs (and MPO) are decoded reduced (draft), never at full size, so they may declare more: 52 MP
# takes a full-resolution 48/50 MP phone photo (8064x6048, 8160x6120) with a margin, within the same bound.
LOOKOUT_JPEG_MAX_PIXELS = 52_000_000
LOOKOUT_REPORT_MAX_FILES = 5
LOOKOUT_DOCUMENT_MAX_BYTES = 200 * 1024
# Failed receipt look-ups allowed per minute in each of the 65,536 buckets of codes (reportkit.throttle; nobody
# is tracked to count them; docs/adr/0032-receipt-guessing.md).
LOOKOUT_FOLLOW_UP_FAILURES_PER_MINUTE = int(os.environ.get("LOOKOUT_FOLLOW_UP_FAILURES_PER_MINUTE", "10"))
# How long a repeated post of the same form shows the same receipt again.
LOOKOUT_RECEIPT_REPLAY_SECONDS = 15 * 60

# The signed channel between the two services (partner app). The key is shared by both services; each base
# says where the other service is (LOOKOUT_PARTNER_URL).
DEV_PARTNER_KEY = "dev-partner-key-not-for-production"  # noqa: S105
LOOKOUT_PARTNER_KEY_ID = os.environ.get("LOOKOUT_PARTNER_KEY_ID", "k1")
# The first wait before retrying an unacknowledged message; it doubles on each failure, up to an hour.
LOOKOUT_PARTNER_RETRY_SECONDS = int(os.environ.get("LOOKOUT_PARTNER_RETRY_SECONDS", "5"))
LOOKOUT_PARTNER_KEYS = {LOOKOUT_PARTNER_KEY_ID: os.environ.get("LOOKOUT_PARTNER_KEY", DEV_PARTNER_KEY)}

# E-mail: SMTP settings from the environment in production; the demo writes messages under var/.
EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.filebased.EmailBackend")
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "lookout@localhost")

# Signing in, to the staff pages and to the operator console alike (signin, ADR 0033). A session ends after this
# many minutes without a request (and after SESSION_COOKIE_AGE in any case).
LOOKOUT_STAFF_IDLE_MINUTES = int(os.environ.get("LOOKOUT_STAFF_IDLE_MINUTES", "30"))
# Failed sign-ins (password or code) allowed per username before it is locked for LOOKOUT_LOGIN_LOCK_MINUTES.
LOOKOUT_LOGIN_MAX_FAILURES = int(os.environ.get("LOOKOUT_LOGIN_MAX_FAILURES", "5"))
LOOKOUT_LOGIN_LOCK_MINUTES = int(os.environ.get("LOOKOUT_LOGIN_LOCK_MINUTES", "15"))

# A task still RUNNING this long lost its worker and is queued again (lookout/task_lease.py), at most
# LOOKOUT_TASK_MAX_ATTEMPTS claims in all. Longer than any task takes; shorter than anyone would wait.
LOOKOUT_TASK_LEASE_SECONDS = int(os.environ.get("LOOKOUT_TASK_LEASE_SECONDS", "600"))
LOOKOUT_TASK_MAX_ATTEMPTS = int(os.environ.get("LOOKOUT_TASK_MAX_ATTEMPTS", "3"))
# /healthz (lookout.health) answers 503 when a task due to run has waited longer than this: no worker is taking
# them. Alerts and partner messages are queued as tasks, so minutes matter.
LOOKOUT_HEALTH_TASK_MAX_AGE_SECONDS = int(os.environ.get("LOOKOUT_HEALTH_TASK_MAX_AGE_SECONDS", "300"))
