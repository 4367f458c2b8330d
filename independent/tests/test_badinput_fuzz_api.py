"""Schemathesis over the charity's partner API (signed requests): no generated request gets a 5xx or a
traceback (issue 9, suite). 40 cases an operation (tests/api_fuzzing.py)."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from independent.api import api
from tests.api_fuzzing import FUZZ_SETTINGS, assert_clean_answer, load, operations, send

pytestmark = pytest.mark.django_db

DOCUMENT = api.get_openapi_schema(path_prefix="/partner/v1")
SCHEMA = load(DOCUMENT)


@pytest.mark.parametrize(("path", "method"), operations(DOCUMENT))
@FUZZ_SETTINGS
@given(data=st.data())
def test_no_generated_request_gets_a_server_error(path, method, data):
    case = data.draw(SCHEMA[path][method].as_strategy())
    assert_clean_answer(send(case, signed=True))
