"""The police service's settings, shared by its every environment (local.py, test.py, production.py build on
this; tests/reliability runs it as it is): what both services share (common.py) plus the police apps and keys.
Values come from the environment with safe development defaults; production.py removes the defaults for
anything secret (see docs/adr/0001-configuration.md)."""

import base64
import os
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.serialization import Encoding, NoEncryption, PrivateFormat

from . import common
from .common import *  # noqa: F403

# A development-only key: production.py refuses to start with it.
DEV_SECRET_KEY = "dev-insecure-lookout-key-do-not-use-in-production"  # noqa: S105
SECRET_KEY = os.environ.get("SECRET_KEY", DEV_SECRET_KEY)
ALLOWED_HOSTS = common.env_list("ALLOWED_HOSTS", "127.0.0.1,localhost,testserver")

INSTALLED_APPS = [
    *common.FRAMEWORK_APPS,
    "django.contrib.admin",
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
    "distribution",
    "imports",
    "demo",
]
# Staff sessions: idle time-out, and the second factor on every /staff/ page (docs/adr/0020).
MIDDLEWARE = common.middleware(
    sessions="accounts.middleware.StaffSessionMiddleware",
    headers="lookout.middleware.SecurityHeadersMiddleware",
    public_pages=("lookout.page_cache.PublicPageCacheMiddleware",),
)
ROOT_URLCONF = "lookout.urls"
WSGI_APPLICATION = "lookout.wsgi.application"
TEMPLATES = common.templates("lookout.context_processors.site")

DATABASES = {"default": common.database("DATABASE_URL", "lookout.sqlite3")}
REDIS_URL = os.environ.get("REDIS_URL", "")
CACHES = {"default": common.cache(REDIS_URL, "cache")}
MEDIA_ROOT = Path(os.environ.get("LOOKOUT_MEDIA_ROOT", common.VAR_DIR / "media"))
STORAGES = common.storages()
EMAIL_FILE_PATH = common.VAR_DIR / "mail"
LOGGING = common.logging_config()

LOGIN_URL = "staff:login"
LOGIN_REDIRECT_URL = "staff:home"
LOGOUT_REDIRECT_URL = "staff:login"
# Our pages send "Referrer-Policy: no-referrer", so browsers send "Origin: null" with form posts
# (Fetch standard). The CSRF token is still checked on every post. See docs/adr/0003-csrf-and-no-referrer.md.
SECURE_REFERRER_POLICY = "no-referrer"
CSRF_TRUSTED_ORIGINS = ["null"]
SILENCED_SYSTEM_CHECKS = ["4_0.E001"]

# Partner sites that may show our appeals in a frame (/embed/appeals/): its Content-Security-Policy
# frame-ancestors is this list, every other page stays unframable. Empty: nobody may frame it.
LOOKOUT_EMBED_FRAME_ANCESTORS = common.env_origins("LOOKOUT_EMBED_FRAME_ANCESTORS")
# Imports from other agencies (`manage.py appeals_import`): the only origins images may be fetched from, and
# how long to wait for one. Empty: imported items keep no images (each is reported as skipped).
LOOKOUT_IMPORT_IMAGE_ORIGINS = common.env_origins("LOOKOUT_IMPORT_IMAGE_ORIGINS")
LOOKOUT_IMPORT_IMAGE_TIMEOUT = 5

LOOKOUT_REVIEW_GRACE_DAYS = int(os.environ.get("LOOKOUT_REVIEW_GRACE_DAYS", "3"))
LOOKOUT_STAFF_BASE_URL = os.environ.get("LOOKOUT_STAFF_BASE_URL", "http://127.0.0.1:8000")
# Share cards and posters (appeals/share/): the TTF fonts they are drawn in (Debian's fonts-dejavu-core), and how
# long a rendered copy is kept. The cache key names the appeal's last change, so an edit is never served stale,
# and every request checks the appeal is still public before a cached copy is sent.
LOOKOUT_SHARE_FONT_DIR = os.environ.get("LOOKOUT_SHARE_FONT_DIR", "/usr/share/fonts/truetype/dejavu")
LOOKOUT_SHARE_CACHE_SECONDS = int(os.environ.get("LOOKOUT_SHARE_CACHE_SECONDS", str(24 * 60 * 60)))
# Our public site as the public reaches it (through any proxy or CDN in front): the takedown check fetches every
# surface from here (docs/adr/0039-distribution-ledger.md), and events and CAP messages link to it.
LOOKOUT_PUBLIC_BASE_URL = os.environ.get("LOOKOUT_PUBLIC_BASE_URL", "http://127.0.0.1:8000")
# Who CAP messages say they are from (CAP 1.2 <sender>).
LOOKOUT_CAP_SENDER = os.environ.get("LOOKOUT_CAP_SENDER", "lookout@police.example")
# Ed25519 keys (PEM, PKCS#8) events to subscribers are signed with: LOOKOUT_DISTRIBUTION_KEY_ID names the
# current one. Development derives one from SECRET_KEY; production.py requires it.
LOOKOUT_DISTRIBUTION_KEY_ID = os.environ.get("LOOKOUT_DISTRIBUTION_KEY_ID", "lookout-d1")
DEV_DISTRIBUTION_KEY = (
    Ed25519PrivateKey.from_private_bytes(common.dev_derived(SECRET_KEY, "distribution"))
    .private_bytes(Encoding.PEM, PrivateFormat.PKCS8, NoEncryption())
    .decode()
)
LOOKOUT_DISTRIBUTION_SIGNING_KEYS = {
    LOOKOUT_DISTRIBUTION_KEY_ID: os.environ.get("LOOKOUT_DISTRIBUTION_SIGNING_KEY", DEV_DISTRIBUTION_KEY)
}
# The independent service, at the other end of the signed partner channel.
LOOKOUT_PARTNER_URL = os.environ.get("LOOKOUT_INDEPENDENT_URL", "http://127.0.0.1:8001")

# Reporting (docs/adr/0004-receipts-idempotency-encryption.md). Development derives the keys from SECRET_KEY so
# the demo needs no setup; production.py requires them from the environment and refuses the derived values.
DEV_RECEIPT_KEY = common.dev_derived(SECRET_KEY, "receipt").hex()
DEV_CONTACT_PRIVATE_KEY = base64.b64encode(common.dev_derived(SECRET_KEY, "contact")).decode()
# Keys the receipt hash (HMAC-SHA256) and the short-lived replay of a receipt for a repeated post.
LOOKOUT_RECEIPT_KEY = os.environ.get("LOOKOUT_RECEIPT_KEY", DEV_RECEIPT_KEY)
# A Curve25519 private key (base64, 32 bytes) for sealed boxes: contact details and original uploads.
LOOKOUT_CONTACT_PRIVATE_KEY = os.environ.get("LOOKOUT_CONTACT_PRIVATE_KEY", DEV_CONTACT_PRIVATE_KEY)
# Signs the public forms' stateless tokens (reportkit.formtoken): the public pages set no CSRF cookie.
DEV_FORM_TOKEN_KEY = common.dev_derived(SECRET_KEY, "form").hex()
LOOKOUT_FORM_TOKEN_KEY = os.environ.get("LOOKOUT_FORM_TOKEN_KEY", DEV_FORM_TOKEN_KEY)
LOOKOUT_FORM_TOKEN_MAX_AGE = int(os.environ.get("LOOKOUT_FORM_TOKEN_MAX_AGE", str(4 * 60 * 60)))

# Staff accounts (docs/adr/0020-intelligence-desk.md). Two-factor (TOTP) sign-in is required on every /staff/
# page; the demo and local development turn it off (local.py) so the printed demo log-ins work as they are.
LOOKOUT_REQUIRE_2FA = common.env_bool("LOOKOUT_REQUIRE_2FA", default=True)
OTP_TOTP_ISSUER = f"{common.LOOKOUT_FORCE_NAME} Lookout"

# Urgent alerts to the on-duty intelligence desk: e-mail to these addresses and a signed webhook (either may
# be empty to turn that channel off). The webhook is signed as partner requests are (partner.signing).
LOOKOUT_DESK_ALERT_EMAILS = common.env_list("LOOKOUT_DESK_ALERT_EMAILS")
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

# Public caching and takedown (docs/adr/0042-public-caching-and-takedown.md). Rendered public pages are kept in
# the shared cache this long (0 turns the page cache off); any change to what the public may see drops them all.
LOOKOUT_PAGE_CACHE_SECONDS = int(os.environ.get("LOOKOUT_PAGE_CACHE_SECONDS", "300"))
# The proxy's purge location (nginx cache_purge on an internal listener): `GET {this}{path}` drops that path.
LOOKOUT_PROXY_PURGE_URL = os.environ.get("LOOKOUT_PROXY_PURGE_URL", "")
# A CDN's purge by surrogate key: a dotted path to `hook(keys: list[str]) -> None` (raises on failure). The
# default posts {"keys": [...]} to LOOKOUT_CDN_PURGE_URL with LOOKOUT_CDN_PURGE_SECRET; no URL, no purge.
LOOKOUT_CDN_PURGE_HOOK = os.environ.get("LOOKOUT_CDN_PURGE_HOOK", "lookout.purge.webhook_purge")
LOOKOUT_CDN_PURGE_URL = os.environ.get("LOOKOUT_CDN_PURGE_URL", "")
LOOKOUT_CDN_PURGE_SECRET = os.environ.get("LOOKOUT_CDN_PURGE_SECRET", "")
# Each purge request: this timeout, this many tries, waiting this long times the try number between them.
LOOKOUT_PURGE_TIMEOUT_SECONDS = float(os.environ.get("LOOKOUT_PURGE_TIMEOUT_SECONDS", "2"))
LOOKOUT_PURGE_ATTEMPTS = int(os.environ.get("LOOKOUT_PURGE_ATTEMPTS", "3"))
LOOKOUT_PURGE_RETRY_SECONDS = float(os.environ.get("LOOKOUT_PURGE_RETRY_SECONDS", "0.2"))
