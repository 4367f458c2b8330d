"""A bare Django project: one form view, one table, the same PostgreSQL server and gunicorn as the report form."""

import os

import dj_database_url

SECRET_KEY = os.environ["BARE_SECRET_KEY"]
DEBUG = False
ALLOWED_HOSTS = ["127.0.0.1"]
INSTALLED_APPS: list[str] = []
MIDDLEWARE = ["django.middleware.common.CommonMiddleware"]
ROOT_URLCONF = "bench.bareform.views"
DATABASES = {"default": dj_database_url.parse(os.environ["DATABASE_URL"], conn_max_age=600)}
TEMPLATES: list[dict[str, object]] = []
USE_TZ = True
