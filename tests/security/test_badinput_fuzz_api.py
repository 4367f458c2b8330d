"""Schemathesis over the police API's whole OpenAPI document (public, and partner with signed requests):
no generated request gets a 5xx or a traceback (issue 9, suite). 40 cases an operation (tests/api_fuzzing.py)."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from api.urls import api
from appeals.tests.factories import published
from tests.api_fuzzing import FUZZ_SETTINGS, assert_clean_answer, load, operations, send

pytestmark = pytest.mark.django_db

DOCUMENT = api.get_openapi_schema()
SCHEMA = load(DOCUMENT)


@pytest.fixture
def appeal():  # type: ignore[no-untyped-def]
    return published()


@pytest.mark.parametrize(("path", "method"), operations(DOCUMENT))
@FUZZ_SETTINGS
@given(data=st.data())
def test_no_generated_request_gets_a_server_error(path, method, data, appeal):
    case = data.draw(SCHEMA[path][method].as_strategy())
    assert_clean_answer(send(case, signed="/partner/" in path))
