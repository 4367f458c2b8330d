"""The independent anonymous service ("Speak Up Safely"): a separate deployment from the same codebase.

Its own database, secret key, receipt key, cache, media folder and URL set; no police app is installed, so
no police model can be loaded (a test proves it). It talks to the police service only through the public
API (appeals) and the signed partner channel. See DESIGN.md ("Two services, one codebase") and
docs/adr/0005-independent-service.md.
"""

import base64
import copy
import os

import dj_database_url

from .base import *  # noqa: F403
from .base import VAR_DIR, _dev_derived, env_bool

DEV_INDEPENDENT_SECRET_KEY = "dev-insecure-independent-key-do-not-use-in-production"  # noqa: S105
SECRET_KEY = os.environ.get("INDEPENDENT_SECRET_KEY", DEV_INDEPENDENT_SECRET_KEY)
DEBUG = env_bool("DEBUG", default=False)
ALLOWED_HOSTS = [
    h for h in os.environ.get("INDEPENDENT_ALLOWED_HOSTS", "127.0.0.1,localhost,testserver").split(",") if h
]

INSTALLED_APPS = [
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
    # Before "lookout", so its templates (error pages included) win over the police site's.
    "independent",
    "reportkit",
    "lookout",
    "audit",
    "partner",
    # Signing in (lock-out, second factor, idle time-out), shared with the police service (ADR 0033).
    "signin",
]

MIDDLEWARE = [
    # First, so nothing later (logging, error reports) can see who the client is.
    "lookout.middleware.ForgetClientMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    # Operators' pages keep Django's CSRF protection; the public forms are exempt and use a signed form
    # token and a same-origin check instead, so they need no cookie (docs/adr/0006-csrf-without-cookies.md).
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # Operators' sessions: idle time-out, and the second factor on every /operators/ page (ADR 0033).
    "independent.operator_signin.OperatorSessionMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "independent.middleware.IndependentHeadersMiddleware",
]

ROOT_URLCONF = "independent.urls"
WSGI_APPLICATION = "independent.wsgi.application"
TEMPLATES[0]["OPTIONS"]["context_processors"] = [  # type: ignore[index]  # noqa: F405
    "django.template.context_processors.request",
    "django.contrib.auth.context_processors.auth",
    "django.contrib.messages.context_processors.messages",
    "independent.context_processors.charity",
]

DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("INDEPENDENT_DATABASE_URL", f"sqlite:///{VAR_DIR / 'independent.sqlite3'}"),
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "0")),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
    }

INDEPENDENT_REDIS_URL = os.environ.get("INDEPENDENT_REDIS_URL", "")
if INDEPENDENT_REDIS_URL:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": INDEPENDENT_REDIS_URL}}
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": str(VAR_DIR / "independent-cache"),
        }
    }
MEDIA_ROOT = Path(os.environ.get("INDEPENDENT_MEDIA_ROOT", VAR_DIR / "independent-media"))  # noqa: F405
EMAIL_FILE_PATH = VAR_DIR / "independent-mail"

LOGIN_URL = "operators:login"
LOGIN_REDIRECT_URL = "operators:list"
LOGOUT_REDIRECT_URL = "operators:login"
# Same-origin posts carry a real Origin header (checked on every public post); other sites learn nothing
# of where a reader came from. docs/adr/0006-csrf-without-cookies.md.
SECURE_REFERRER_POLICY = "same-origin"
CSRF_TRUSTED_ORIGINS = []
SILENCED_SYSTEM_CHECKS = []


def _independent_dev_derived(purpose: str) -> str:
    return _dev_derived(f"independent-{purpose}-{SECRET_KEY}").hex()


DEV_INDEPENDENT_RECEIPT_KEY = _independent_dev_derived("receipt")
# Keys the receipt hash (reporting.receipts reads LOOKOUT_RECEIPT_KEY), the collection-code hash and the
# receipt replay; never the police service's key.
LOOKOUT_RECEIPT_KEY = os.environ.get("INDEPENDENT_RECEIPT_KEY", DEV_INDEPENDENT_RECEIPT_KEY)
# Signs the public forms' stateless tokens (reportkit.formtoken).
DEV_INDEPENDENT_FORM_KEY = _independent_dev_derived("form")
LOOKOUT_FORM_TOKEN_KEY = os.environ.get("INDEPENDENT_FORM_TOKEN_KEY", DEV_INDEPENDENT_FORM_KEY)
LOOKOUT_FORM_TOKEN_MAX_AGE = int(os.environ.get("INDEPENDENT_FORM_TOKEN_MAX_AGE", str(4 * 60 * 60)))
# Not used here (nothing is sealed: no contact details, no originals), but base.py's value is derived from
# the police SECRET_KEY and must not travel into this service.
LOOKOUT_CONTACT_PRIVATE_KEY = ""

# The police service: public appeals (fetched on a schedule, shown while young enough) and the
# signed partner channel for forwarded reports, answers and outcomes.
LOOKOUT_POLICE_API_URL = os.environ.get("LOOKOUT_POLICE_API_URL", "http://127.0.0.1:8000")
LOOKOUT_POLICE_PUBLIC_URL = os.environ.get("LOOKOUT_POLICE_PUBLIC_URL", LOOKOUT_POLICE_API_URL)
LOOKOUT_APPEALS_FRESH_SECONDS = int(os.environ.get("LOOKOUT_APPEALS_FRESH_SECONDS", "300"))
# Never show a copy of the police list older than this: past it, the pages say appeals cannot be shown
# right now (an ended appeal cannot linger on an old copy). docs/adr/0030-takedown-to-partners.md.
LOOKOUT_APPEALS_MAX_AGE_SECONDS = int(os.environ.get("LOOKOUT_APPEALS_MAX_AGE_SECONDS", "900"))
LOOKOUT_PARTNER_URL = os.environ.get("LOOKOUT_PARTNER_URL", LOOKOUT_POLICE_API_URL)
# Outcomes the police report that let the charity offer a reward (its own policy).
LOOKOUT_REWARD_OUTCOMES = ["arrest_and_charge", "charged", "located_and_arrested"]
LOOKOUT_REWARD_CURRENCY = "GBP"
LOOKOUT_REWARD_MAX = 1000

# What the charity keeps at rest (docs/adr/0031-charity-time-and-sealing.md).
# A Curve25519 private key (base64, 32 bytes): its public half seals the reporter's words, answers and files;
# it opens them only in independent.reveal, which audits every read.
DEV_INDEPENDENT_SEAL_PRIVATE_KEY = base64.b64encode(_dev_derived(f"independent-seal-{SECRET_KEY}")).decode()
INDEPENDENT_SEAL_PRIVATE_KEY = os.environ.get("INDEPENDENT_SEAL_PRIVATE_KEY", DEV_INDEPENDENT_SEAL_PRIVATE_KEY)
# Days a report not forwarded keeps the reporter's own words before they are erased (independent_retention).
INDEPENDENT_RAW_RETENTION_DAYS = int(os.environ.get("INDEPENDENT_RAW_RETENTION_DAYS", "90"))
# The charity knows the day of anything a reporter does, never the time: audit events carry the day only
# (audit.services honours this), stored files are stamped with the day, log lines carry the day only.
AUDIT_TIME_PRECISION = "day"
STORAGES = {**STORAGES, "default": {"BACKEND": "independent.storage.DayStampedStorage"}}  # noqa: F405
LOGGING = copy.deepcopy(LOGGING)  # noqa: F405
LOGGING["formatters"]["plain"] = {  # type: ignore[index]
    "format": "{asctime} {levelname} {name} {message}",
    "style": "{",
    "datefmt": "%Y-%m-%d",
}
# Operators sign in as police staff do (ADR 0033): lock-out (LOOKOUT_LOGIN_*) and the idle time-out
# (LOOKOUT_STAFF_IDLE_MINUTES) from base, and a TOTP code. These settings are also the demo's, whose printed
# operator log-ins work without an authenticator app; independent_production forces the code on.
LOOKOUT_REQUIRE_2FA = env_bool("LOOKOUT_REQUIRE_2FA", default=False)
OTP_TOTP_ISSUER = f"{LOOKOUT_CHARITY_NAME} operators"  # noqa: F405
