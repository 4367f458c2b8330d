"""Project-wide protections: the client is forgotten on arrival; production refuses unsafe settings."""

import base64
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.http import HttpRequest, HttpResponse
from django.test import RequestFactory

from lookout.middleware import ForgetClientMiddleware
from partner.http_signatures import new_private_key_pem

ROOT = Path(__file__).resolve().parents[2]


def test_client_address_and_device_headers_never_reach_a_view():
    seen: dict[str, object] = {}

    def view(request: HttpRequest) -> HttpResponse:
        seen.update(request.META)
        return HttpResponse("ok")

    request = RequestFactory().get(
        "/",
        REMOTE_ADDR="203.0.113.77",
        HTTP_USER_AGENT="DistinctiveAgent/9.9",
        HTTP_REFERER="https://example.net/from",
        HTTP_X_FORWARDED_FOR="198.51.100.4",
        HTTP_SEC_CH_UA_PLATFORM='"Linux"',
    )
    ForgetClientMiddleware(view)(request)
    flat = repr(seen)
    for secret in ("203.0.113.77", "DistinctiveAgent", "example.net", "198.51.100.4", "Linux"):
        assert secret not in flat


def run_settings(env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    unset = {
        "SECRET_KEY",
        "DEBUG",
        "DATABASE_URL",
        "ALLOWED_HOSTS",
        "LOOKOUT_RECEIPT_KEY",
        "LOOKOUT_CONTACT_PRIVATE_KEY",
        "LOOKOUT_PARTNER_KEY",
        "LOOKOUT_FORM_TOKEN_KEY",
        "LOOKOUT_DISTRIBUTION_SIGNING_KEY",
        "LOOKOUT_PUBLIC_BASE_URL",
    }
    clean = {k: v for k, v in os.environ.items() if k not in unset}
    return subprocess.run(
        [sys.executable, "-c", "import django; django.setup()"],
        env={**clean, "DJANGO_SETTINGS_MODULE": "lookout.settings.production", **env},
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )


GOOD = {
    "SECRET_KEY": "k" * 64,
    "DATABASE_URL": "postgres://postgres@127.0.0.1:5432/test",
    "ALLOWED_HOSTS": "appeals.example.org",
    "LOOKOUT_PARTNER_KEY": "p" * 40,
    "LOOKOUT_RECEIPT_KEY": "r" * 64,
    "LOOKOUT_FORM_TOKEN_KEY": "f" * 64,
    "LOOKOUT_CONTACT_PRIVATE_KEY": base64.b64encode(b"c" * 32).decode(),
    "LOOKOUT_DISTRIBUTION_SIGNING_KEY": new_private_key_pem(),
    "LOOKOUT_PUBLIC_BASE_URL": "https://appeals.example.org",
}


@pytest.mark.parametrize(
    ("env", "message"),
    [
        ({**GOOD, "SECRET_KEY": ""}, "SECRET_KEY"),
        ({**GOOD, "SECRET_KEY": "dev-insecure-lookout-key-do-not-use-in-production"}, "SECRET_KEY"),
        ({**GOOD, "DEBUG": "true"}, "DEBUG"),
        ({k: v for k, v in GOOD.items() if k != "DATABASE_URL"}, "DATABASE_URL"),
        ({**GOOD, "LOOKOUT_PARTNER_KEY": "short"}, "LOOKOUT_PARTNER_KEY"),
        ({k: v for k, v in GOOD.items() if k != "LOOKOUT_RECEIPT_KEY"}, "LOOKOUT_RECEIPT_KEY"),
        ({**GOOD, "LOOKOUT_RECEIPT_KEY": "short"}, "LOOKOUT_RECEIPT_KEY"),
        ({k: v for k, v in GOOD.items() if k != "LOOKOUT_CONTACT_PRIVATE_KEY"}, "LOOKOUT_CONTACT_PRIVATE_KEY"),
        ({**GOOD, "LOOKOUT_CONTACT_PRIVATE_KEY": "bm90LWEta2V5"}, "LOOKOUT_CONTACT_PRIVATE_KEY"),
        (
            {k: v for k, v in GOOD.items() if k != "LOOKOUT_DISTRIBUTION_SIGNING_KEY"},
            "LOOKOUT_DISTRIBUTION_SIGNING_KEY",
        ),
        ({k: v for k, v in GOOD.items() if k != "LOOKOUT_PUBLIC_BASE_URL"}, "LOOKOUT_PUBLIC_BASE_URL"),
    ],
)
def test_production_refuses_unsafe_configuration(env, message):
    result = run_settings(env)
    assert result.returncode != 0
    assert message in result.stderr


def test_production_starts_with_safe_configuration_and_sets_hsts():
    result = subprocess.run(
        [
            sys.executable,
            "-c",
            "import django; django.setup(); from django.conf import settings; "
            "print(settings.SECURE_HSTS_SECONDS, settings.DEBUG, settings.SESSION_COOKIE_SECURE)",
        ],
        env={**os.environ, "DJANGO_SETTINGS_MODULE": "lookout.settings.production", **GOOD},
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["63072000", "False", "True"]
