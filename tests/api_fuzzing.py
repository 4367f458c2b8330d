"""Schemathesis cases over a django-ninja OpenAPI document, sent in-process through Django's test client,
signed with partner.signing where the path is a partner one (issue 9, suite: fuzzing). Shared by the police
and the charity's test runs; no models imported."""

import json
import urllib.parse
from typing import Any

import requests
import schemathesis
from django.conf import settings
from django.test import Client
from hypothesis import HealthCheck
from hypothesis import settings as hypothesis_settings
from schemathesis.core import NOT_SET
from schemathesis.core.transport import Response
from schemathesis.specs.openapi.checks import ignored_auth, positive_data_acceptance

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
    """Send one generated case; partner paths are signed over the exact bytes sent. The answer keeps the
    target it was sent to (`sent_to`), for assert_conforms."""
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
        response = client.get(target, headers=headers)
    else:
        response = client.generic(case.method, target, body, content_type="application/json", headers=headers)
    response.sent_to = target
    return response


def assert_conforms(case: Any, response: Any) -> None:
    """Schemathesis's own checks on the answer: a status the document lists, its content type, a body that
    fits the schema it gives for that status, and no server error. Not "schema-valid data is accepted": some
    requests that fit the schema are refused by a rule, as they should be (an answer to a question we never
    asked is a 400; a time past the year 9999 once in UTC is a 422). Nor "auth is not ignored": partner
    requests are signed over their bytes by `send`, which the check cannot see (partner/tests test refusals)."""
    sent = requests.Request(case.method, f"http://testserver{response.sent_to}").prepare()
    headers = {name: [value] for name, value in response.items()}
    answer = Response(response.status_code, headers, response.content, request=sent, elapsed=0.0, verify=False)
    case.validate_response(answer, excluded_checks=[positive_data_acceptance, ignored_auth])


def assert_clean_answer(response: Any) -> None:
    """Never a server error; an error is JSON saying what was wrong, never a traceback."""
    text = response.content.decode(errors="replace")
    assert response.status_code < 500, text[:1000]
    assert "Traceback" not in text
    if response.status_code >= 400 and response.get("Content-Type", "").startswith("application/json"):
        assert "error" in response.json() or "detail" in response.json(), text[:500]
