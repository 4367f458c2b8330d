"""The independent anonymous service ("Speak Up Safely"): a separate deployment from the same codebase.

What both services share (common.py) plus the charity's own apps and keys: its own database, secret key,
receipt key, cache, media folder and URL set. No police app is listed, so no police model can be loaded (a test
proves it, and the import contracts in pyproject.toml keep its code from importing one). It talks to the police
service only through the public API (appeals) and the signed partner channel. See DESIGN.md ("Two services, one
codebase") and docs/adr/0005-independent-service.md.
"""

import base64
import os
from pathlib import Path

from . import common
from .common import *  # noqa: F403

DEV_INDEPENDENT_SECRET_KEY = "dev-insecure-independent-key-do-not-use-in-production"  # noqa: S105
SECRET_KEY = os.environ.get("INDEPENDENT_SECRET_KEY", DEV_INDEPENDENT_SECRET_KEY)
ALLOWED_HOSTS = common.env_list("INDEPENDENT_ALLOWED_HOSTS", "127.0.0.1,localhost,testserver")

INSTALLED_APPS = [
    *common.FRAMEWORK_APPS,
    # Before "lookout", so its templates (error pages included) win over the shared ones.
    "independent",
    "reportkit",
    "lookout",
    "audit",
    "partner",
    # Signing in (lock-out, second factor, idle time-out), shared with the police service (ADR 0033).
    "signin",
]
# Operators' sessions: idle time-out, and the second factor on every /operators/ page (ADR 0033).
MIDDLEWARE = common.middleware(
    sessions="independent.operator_signin.OperatorSessionMiddleware",
    headers="independent.middleware.IndependentHeadersMiddleware",
)
ROOT_URLCONF = "independent.urls"
WSGI_APPLICATION = "independent.wsgi.application"
TEMPLATES = common.templates("independent.context_processors.charity")

DATABASES = {"default": common.database("INDEPENDENT_DATABASE_URL", "independent.sqlite3")}
INDEPENDENT_REDIS_URL = os.environ.get("INDEPENDENT_REDIS_URL", "")
CACHES = {"default": common.cache(INDEPENDENT_REDIS_URL, "independent-cache")}
MEDIA_ROOT = Path(os.environ.get("INDEPENDENT_MEDIA_ROOT", common.VAR_DIR / "independent-media"))
EMAIL_FILE_PATH = common.VAR_DIR / "independent-mail"

LOGIN_URL = "operators:login"
LOGIN_REDIRECT_URL = "operators:list"
LOGOUT_REDIRECT_URL = "operators:login"
# Same-origin posts carry a real Origin header (checked on every public post); other sites learn nothing
# of where a reader came from. docs/adr/0006-csrf-without-cookies.md.
SECURE_REFERRER_POLICY = "same-origin"


def _dev_key(purpose: str) -> bytes:
    return common.dev_derived(SECRET_KEY, f"independent-{purpose}")


DEV_INDEPENDENT_RECEIPT_KEY = _dev_key("receipt").hex()
# Keys the receipt hash (reportkit.receipts reads LOOKOUT_RECEIPT_KEY), the collection-code hash and the
# receipt replay; never the police service's key.
LOOKOUT_RECEIPT_KEY = os.environ.get("INDEPENDENT_RECEIPT_KEY", DEV_INDEPENDENT_RECEIPT_KEY)
# Signs the public forms' stateless tokens (reportkit.formtoken).
DEV_INDEPENDENT_FORM_KEY = _dev_key("form").hex()
LOOKOUT_FORM_TOKEN_KEY = os.environ.get("INDEPENDENT_FORM_TOKEN_KEY", DEV_INDEPENDENT_FORM_KEY)
LOOKOUT_FORM_TOKEN_MAX_AGE = int(os.environ.get("INDEPENDENT_FORM_TOKEN_MAX_AGE", str(4 * 60 * 60)))

# The police service: public appeals (fetched on a schedule, shown while young enough) and the
# signed partner channel for forwarded reports, answers and outcomes.
LOOKOUT_POLICE_API_URL = os.environ.get("LOOKOUT_POLICE_API_URL", "http://127.0.0.1:8000")
LOOKOUT_POLICE_PUBLIC_URL = os.environ.get("LOOKOUT_POLICE_PUBLIC_URL", LOOKOUT_POLICE_API_URL)
LOOKOUT_APPEALS_FRESH_SECONDS = int(os.environ.get("LOOKOUT_APPEALS_FRESH_SECONDS", "300"))
# Never show a copy of the police list older than this: past it, the pages say appeals cannot be shown
# right now (an ended appeal cannot linger on an old copy). docs/adr/0030-takedown-to-partners.md.
LOOKOUT_APPEALS_MAX_AGE_SECONDS = int(os.environ.get("LOOKOUT_APPEALS_MAX_AGE_SECONDS", "900"))
LOOKOUT_PARTNER_URL = os.environ.get("LOOKOUT_PARTNER_URL", LOOKOUT_POLICE_API_URL)
LOOKOUT_REWARD_CURRENCY = "GBP"
LOOKOUT_REWARD_MAX = 1000

# What the charity keeps at rest (docs/adr/0031-charity-time-and-sealing.md).
# A Curve25519 private key (base64, 32 bytes): its public half seals the reporter's words, answers and files;
# it opens them only in independent.reveal, which audits every read.
DEV_INDEPENDENT_SEAL_PRIVATE_KEY = base64.b64encode(_dev_key("seal")).decode()
INDEPENDENT_SEAL_PRIVATE_KEY = os.environ.get("INDEPENDENT_SEAL_PRIVATE_KEY", DEV_INDEPENDENT_SEAL_PRIVATE_KEY)
# Days a report not forwarded keeps the reporter's own words before they are erased (independent_retention).
INDEPENDENT_RAW_RETENTION_DAYS = int(os.environ.get("INDEPENDENT_RAW_RETENTION_DAYS", "90"))
# The charity knows the day of anything a reporter does, never the time: audit events carry the day only
# (audit.services honours this), stored files are stamped with the day, log lines carry the day only.
AUDIT_TIME_PRECISION = "day"
# Nor does the sequencer run on a report's commit: a queued task's row would carry the exact time of the report.
# `audit_seal --every N` seals the charity's events on a schedule (docs/adr/0037-audit-sequencer.md).
AUDIT_SEAL_ON_COMMIT = False
STORAGES = common.storages(files="independent.storage.DayStampedStorage")
LOGGING = common.logging_config(datefmt="%Y-%m-%d")
# Operators sign in as police staff do (ADR 0033): lock-out (LOOKOUT_LOGIN_*) and the idle time-out
# (LOOKOUT_STAFF_IDLE_MINUTES) from common, and a TOTP code. These settings are also the demo's, whose printed
# operator log-ins work without an authenticator app; independent_production forces the code on.
LOOKOUT_REQUIRE_2FA = common.env_bool("LOOKOUT_REQUIRE_2FA", default=False)
OTP_TOTP_ISSUER = f"{common.LOOKOUT_CHARITY_NAME} operators"
