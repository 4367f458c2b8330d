"""Schemathesis over the police API's whole OpenAPI document (public, and partner with signed requests):
no generated request gets a 5xx or a traceback (issue 9, suite), and every answer conforms to the document
(status, content type, body schema: issue 13). 40 cases an operation (tests/api_fuzzing.py), with a current
and a withdrawn appeal so the lists have something in them."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from api.urls import api
from appeals import services
from appeals.models import Outcome
from appeals.tests.factories import published
from tests.api_fuzzing import FUZZ_SETTINGS, assert_clean_answer, assert_conforms, load, operations, send

pytestmark = pytest.mark.django_db

DOCUMENT = api.get_openapi_schema()
SCHEMA = load(DOCUMENT)


@pytest.fixture
def appeal():  # type: ignore[no-untyped-def]
    ended = published(kind="missing")
    services.appeal_close(appeal=ended, actor=ended.author, outcome=Outcome.FOUND_SAFE)
    return published()


@pytest.mark.parametrize(("path", "method"), operations(DOCUMENT))
@FUZZ_SETTINGS
@given(data=st.data())
def test_no_generated_request_gets_a_server_error(path, method, data, appeal):
    case = data.draw(SCHEMA[path][method].as_strategy())
    response = send(case, signed="/partner/" in path)
    assert_clean_answer(response)
    assert_conforms(case, response)
