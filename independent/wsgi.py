"""WSGI entry point of the independent service (gunicorn independent.wsgi:application)."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lookout.settings.independent")

application = get_wsgi_application()
