"""For mypy (django-stubs) only: the police test settings plus the independent app and its settings, so every
model and setting of both services is typed in one pass. Never used to serve or test anything."""

from .independent import (  # noqa: F401 - read by django-stubs
    INDEPENDENT_RAW_RETENTION_DAYS,
    INDEPENDENT_SEAL_PRIVATE_KEY,
    LOOKOUT_APPEALS_FRESH_SECONDS,
    LOOKOUT_APPEALS_MAX_AGE_SECONDS,
    LOOKOUT_FORM_TOKEN_KEY,
    LOOKOUT_FORM_TOKEN_MAX_AGE,
    LOOKOUT_POLICE_API_URL,
    LOOKOUT_POLICE_PUBLIC_URL,
    LOOKOUT_REWARD_CURRENCY,
    LOOKOUT_REWARD_MAX,
)
from .test import *  # noqa: F403
from .test import INSTALLED_APPS

INSTALLED_APPS = [*INSTALLED_APPS, "independent"]
