"""The police service in production: no default secrets, DEBUG refused, HTTPS everywhere (_production.py)."""

import os

from .base import *  # noqa: F403
from .base import (
    DATABASES,
    DEV_CONTACT_PRIVATE_KEY,
    DEV_DISTRIBUTION_KEY,
    DEV_FORM_TOKEN_KEY,
    DEV_PARTNER_KEY,
    DEV_RECEIPT_KEY,
    DEV_SECRET_KEY,
    MIDDLEWARE,
    STORAGES,
    refuse_debug_and_sqlite,
    require_private_key,
    require_secret,
    require_set,
)

require_secret("SECRET_KEY", refused=DEV_SECRET_KEY, min_length=50)
# Shared with the independent service.
require_secret("LOOKOUT_PARTNER_KEY", refused=DEV_PARTNER_KEY)
require_set("DATABASE_URL")
refuse_debug_and_sqlite(DATABASES, url_variable="DATABASE_URL")
require_set("ALLOWED_HOSTS")
require_secret("LOOKOUT_RECEIPT_KEY", refused=DEV_RECEIPT_KEY)
# Signs the public forms' tokens.
require_secret("LOOKOUT_FORM_TOKEN_KEY", refused=DEV_FORM_TOKEN_KEY)
require_private_key("LOOKOUT_CONTACT_PRIVATE_KEY", refused=DEV_CONTACT_PRIVATE_KEY)
# Signs events to distribution subscribers (Ed25519 PEM; docs/adr/0039) and where the public reaches us.
require_secret("LOOKOUT_DISTRIBUTION_SIGNING_KEY", refused=DEV_DISTRIBUTION_KEY)
require_set("LOOKOUT_PUBLIC_BASE_URL")
if os.environ.get("LOOKOUT_CDN_PURGE_URL"):
    # Proves to the CDN purge adapter that a purge is ours.
    require_secret("LOOKOUT_CDN_PURGE_SECRET")
if os.environ.get("LOOKOUT_DESK_WEBHOOK_URL"):
    # Signs desk alerts.
    require_secret("LOOKOUT_DESK_WEBHOOK_KEY")

# isort: split
# After the refusals: what both services' production settings share.
from ._production import *  # noqa: E402, F403
from ._production import MANIFEST_STATIC_STORAGE, with_metrics  # noqa: E402

STORAGES = {**STORAGES, "staticfiles": {"BACKEND": MANIFEST_STATIC_STORAGE}}
MIDDLEWARE = with_metrics(MIDDLEWARE)
