"""What both services' production settings add on top of their refusals (production.py and
independent_production.py star-import this last): HTTPS everywhere, SMTP, the second factor always, static
files collected, hashed and compressed. Not a settings module of its own."""

import os

from .common import env_bool

DEBUG = False
# Two-factor sign-in is never optional in production (staff and operators alike, ADR 0033).
LOOKOUT_REQUIRE_2FA = True
EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", default=True)
SECURE_HSTS_SECONDS = 63072000
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
WHITENOISE_USE_FINDERS = False
MANIFEST_STATIC_STORAGE = "whitenoise.storage.CompressedManifestStaticFilesStorage"


def with_metrics(middleware: list[str]) -> list[str]:
    """Request metrics by route name (lookout.metrics), right after the middleware that forgets the client."""
    return [middleware[0], "lookout.metrics.RouteMetricsMiddleware", *middleware[1:]]
