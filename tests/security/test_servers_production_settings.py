"""Production settings of both services refuse the repository's development partner key and an SQLite
database (each in a subprocess, as Django is configured once per process)."""

import base64
import os
import subprocess
import sys
from pathlib import Path

import pytest

from partner.http_signatures import new_private_key_pem

ROOT = Path(__file__).resolve().parents[2]
DEV_PARTNER_KEY = "dev-partner-key-not-for-production"  # the value in lookout/settings/base.py

POLICE = {
    "DJANGO_SETTINGS_MODULE": "lookout.settings.production",
    "SECRET_KEY": "k" * 64,
    "DATABASE_URL": "postgres://postgres@127.0.0.1:5432/lookout",
    "ALLOWED_HOSTS": "appeals.example.org",
    "LOOKOUT_PARTNER_KEY": "p" * 40,
    "LOOKOUT_RECEIPT_KEY": "r" * 64,
    "LOOKOUT_FORM_TOKEN_KEY": "f" * 64,
    "LOOKOUT_CONTACT_PRIVATE_KEY": base64.b64encode(b"c" * 32).decode(),
    "LOOKOUT_DISTRIBUTION_SIGNING_KEY": new_private_key_pem(),
    "LOOKOUT_PUBLIC_BASE_URL": "https://appeals.example.org",
}
INDEPENDENT = {
    "DJANGO_SETTINGS_MODULE": "lookout.settings.independent_production",
    "INDEPENDENT_SECRET_KEY": "i" * 64,
    "INDEPENDENT_DATABASE_URL": "postgres://postgres@127.0.0.1:5432/speakup",
    "INDEPENDENT_ALLOWED_HOSTS": "speakup.example.org",
    "INDEPENDENT_RECEIPT_KEY": "r" * 64,
    "INDEPENDENT_FORM_TOKEN_KEY": "f" * 64,
    "INDEPENDENT_SEAL_PRIVATE_KEY": "u8LqKk3Ab1jvSa9w3mD5l0f0Q6y0Z0W7Yt8c5p2o1xE=",
    "LOOKOUT_PARTNER_KEY": "p" * 40,
    "LOOKOUT_POLICE_API_URL": "https://appeals.example.org",
}
SETTINGS_VARIABLES = {*POLICE, *INDEPENDENT, "DEBUG", "REDIS_URL", "INDEPENDENT_REDIS_URL"}


def start(env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    clean = {k: v for k, v in os.environ.items() if k not in SETTINGS_VARIABLES}
    return subprocess.run(
        [sys.executable, "-c", "import django; django.setup()"],
        env={**clean, **env},
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )


@pytest.mark.parametrize("good", [POLICE, INDEPENDENT], ids=["police", "independent"])
def test_production_starts_with_safe_configuration(good):
    result = start(good)
    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize(
    ("good", "change", "message"),
    [
        (POLICE, {"LOOKOUT_PARTNER_KEY": DEV_PARTNER_KEY}, "LOOKOUT_PARTNER_KEY"),
        (INDEPENDENT, {"LOOKOUT_PARTNER_KEY": DEV_PARTNER_KEY}, "LOOKOUT_PARTNER_KEY"),
        (POLICE, {"DATABASE_URL": "sqlite:////srv/lookout.sqlite3"}, "SQLite"),
        (INDEPENDENT, {"INDEPENDENT_DATABASE_URL": "sqlite:////srv/speakup.sqlite3"}, "SQLite"),
        (POLICE, {"DATABASE_URL": "sqlite://:memory:"}, "SQLite"),
    ],
    ids=["police-dev-partner-key", "independent-dev-partner-key", "police-sqlite", "independent-sqlite", "memory"],
)
def test_production_refuses_the_development_partner_key_and_sqlite(good, change, message):
    result = start({**good, **change})
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr and message in result.stderr
