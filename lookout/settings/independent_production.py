"""The independent service in production: no default secrets, DEBUG refused, HTTPS everywhere (_production.py)."""

import os

from django.core.exceptions import ImproperlyConfigured

from .independent import *  # noqa: F403
from .independent import (
    DATABASES,
    DEV_INDEPENDENT_FORM_KEY,
    DEV_INDEPENDENT_RECEIPT_KEY,
    DEV_INDEPENDENT_SEAL_PRIVATE_KEY,
    DEV_INDEPENDENT_SECRET_KEY,
    DEV_PARTNER_KEY,
    MIDDLEWARE,
    STORAGES,
    refuse_debug_and_sqlite,
    require_private_key,
    require_secret,
    require_set,
)

require_secret("INDEPENDENT_SECRET_KEY", refused=DEV_INDEPENDENT_SECRET_KEY, min_length=50)
refuse_debug_and_sqlite(DATABASES, url_variable="INDEPENDENT_DATABASE_URL")
require_secret("INDEPENDENT_RECEIPT_KEY", refused=DEV_INDEPENDENT_RECEIPT_KEY)
require_secret("INDEPENDENT_FORM_TOKEN_KEY", refused=DEV_INDEPENDENT_FORM_KEY)
require_secret("LOOKOUT_PARTNER_KEY", refused=DEV_PARTNER_KEY)
require_private_key("INDEPENDENT_SEAL_PRIVATE_KEY", refused=DEV_INDEPENDENT_SEAL_PRIVATE_KEY)
require_set("INDEPENDENT_DATABASE_URL", "INDEPENDENT_ALLOWED_HOSTS", "LOOKOUT_POLICE_API_URL")
if os.environ.get("INDEPENDENT_DATABASE_URL") == os.environ.get("DATABASE_URL"):
    raise ImproperlyConfigured("The independent service must not share the police service's database.")

# isort: split
# After the refusals: what both services' production settings share.
from ._production import *  # noqa: E402, F403
from ._production import MANIFEST_STATIC_STORAGE, with_metrics  # noqa: E402

STORAGES = {**STORAGES, "staticfiles": {"BACKEND": MANIFEST_STATIC_STORAGE}}
MIDDLEWARE = with_metrics(MIDDLEWARE)
# The public journey's requests are not counted: a moving counter would time a report (lookout.metrics).
LOOKOUT_METRICS_SKIP_NAMESPACES = ("independent",)
