"""Schemathesis cases over a django-ninja OpenAPI document, sent in-process through Django's test client,
signed with partner.signing where the path is a partner one (issue 9, suite: fuzzing). Shared by the police
and the charity's test runs; no models imported."""

import json
import urllib.parse
from typing import Any

import schemathesis
from django.conf import settings
from django.test import Client
from hypothesis import HealthCheck
from hypothesis import settings as hypothesis_settings
from schemathesis.core import NOT_SET

from partner import signing

# Bounded so the whole fuzzing run stays well under a minute on the 2-core machine.
FUZZ_SETTINGS = hypothesis_settings(
    max_examples=40,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow, HealthCheck.filter_too_much],
)


def load(document: dict[str, Any]) -> Any:
    return schemathesis.openapi.from_dict(document)


def operations(document: dict[str, Any]) -> list[tuple[str, str]]:
    return [(path, method.upper()) for path, ops in document["paths"].items() for method in ops]


def send(case: Any, *, signed: bool) -> Any:
    """Send one generated case; partner paths are signed over the exact bytes sent."""
    body = b"" if case.body is NOT_SET else json.dumps(case.body).encode()
    path = case.formatted_path
    query = {} if case.query is NOT_SET or not case.query else case.query
    headers: dict[str, str] = {}
    if signed:
        key_id, key = next(iter(settings.LOOKOUT_PARTNER_KEYS.items()))
        headers = signing.sign(key=key.encode(), key_id=key_id, method=case.method, path=path, body=body)
    client = Client(raise_request_exception=False)
    target = path + ("?" + urllib.parse.urlencode(query, doseq=True) if query else "")
    if case.method == "GET":
        return client.get(target, headers=headers)
    return client.generic(case.method, target, body, content_type="application/json", headers=headers)


def assert_clean_answer(response: Any) -> None:
    """Never a server error; an error is JSON saying what was wrong, never a traceback."""
    text = response.content.decode(errors="replace")
    assert response.status_code < 500, text[:1000]
    assert "Traceback" not in text
    if response.status_code >= 400 and response.get("Content-Type", "").startswith("application/json"):
        assert "error" in response.json() or "detail" in response.json(), text[:500]
