"""The independent service is a separate deployment: it installs no police app and never imports a police
model, even with every one of its URLs, views and APIs loaded."""

import json
import os
import subprocess
import sys
from pathlib import Path

from django.conf import settings

POLICE_APPS = {"accounts", "appeals", "reporting", "api", "intelligence", "demo"}
ROOT = Path(__file__).resolve().parents[2]


def test_no_police_app_is_installed():
    assert not POLICE_APPS & set(settings.INSTALLED_APPS)
    assert settings.ROOT_URLCONF == "independent.urls"


def test_loading_the_whole_service_imports_no_police_model():
    script = (
        "import django, json, sys; django.setup();"
        "from django.urls import get_resolver; get_resolver().url_patterns;"
        "import independent.views.public, independent.views.operators, independent.api, independent.services;"
        "from django.apps import apps; apps.get_models();"
        "print(json.dumps(sorted(m for m in sys.modules if m.endswith('.models'))))"
    )
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "lookout.settings.independent"}
    out = subprocess.run([sys.executable, "-c", script], cwd=ROOT, env=env, capture_output=True, text=True, check=True)
    loaded = json.loads(out.stdout.strip().splitlines()[-1])
    police = [m for m in loaded if m.split(".")[0] in POLICE_APPS]
    assert police == [], police
    assert "independent.models" in loaded


def test_own_database_keys_and_cache():
    from lookout.settings import base

    assert settings.SECRET_KEY != base.DEV_SECRET_KEY
    assert settings.LOOKOUT_RECEIPT_KEY != base.DEV_RECEIPT_KEY
    assert settings.SECURE_REFERRER_POLICY == "same-origin"
