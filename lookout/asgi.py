"""ASGI entry point (unused by default; kept for deployments that prefer it)."""

import os

from django.core.asgi import get_asgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lookout.settings.local")
application = get_asgi_application()
