"""Local development and the demo: embedded SQLite, files on disk, no other server."""

from .base import *  # noqa: F403

# Off, as everywhere the public can reach: bad input shows our 400/404/500 pages, never a traceback (issue 9).
DEBUG = env_bool("DEBUG", default=False)  # noqa: F405
# Static files are served by WhiteNoise from the app folders, as DEBUG did, without a collectstatic step.
WHITENOISE_USE_FINDERS = True

# The embedded default keeps its database, files, cache and mail under var/ (not in git): make it on first use.
VAR_DIR.mkdir(parents=True, exist_ok=True)  # noqa: F405

# The demo's printed log-ins work without an authenticator app; every other environment requires one.
LOOKOUT_REQUIRE_2FA = env_bool("LOOKOUT_REQUIRE_2FA", default=False)  # noqa: F405
# Demo alerts are written to var/mail like every other demo e-mail.
LOOKOUT_DESK_ALERT_EMAILS = LOOKOUT_DESK_ALERT_EMAILS or ["on-duty-desk@example.org"]  # noqa: F405
