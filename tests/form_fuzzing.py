"""Hypothesis strategies for posting anything to a form (issue 9, suite: fuzzing): the form's own field names
and a stray one, with text of every kind (NUL, control and astral characters, huge numbers, near-valid
values). Shared by the police and the charity's runs; no models imported."""

import uuid
from typing import Any

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

FORM_FUZZ_SETTINGS = settings(
    max_examples=30,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

NEAR_VALID = [
    "",
    "yes",
    "no",
    "of_them",
    "drugs",
    "violence",
    "phone",
    "on",
    "true",
    "9" * 30,
    "-1",
    "1e9",
    str(uuid.UUID(int=0)),
    "not-a-uuid",
    "0" * 28,
    "7KQ2-XM4P-" * 3,
    "QZ71 XLR",
    "alex@example.org",
    "07700 900982",
]
VALUES = st.one_of(
    st.sampled_from(NEAR_VALID),
    st.text(max_size=200),
    st.text(alphabet=st.characters(codec="utf-8"), max_size=50),
    st.text(alphabet="\x00\x01\x1b\u202e\ufeff\U0001f600 ", max_size=20),
    st.lists(st.sampled_from(NEAR_VALID), max_size=3),
)


def form_data(fields: list[str]) -> st.SearchStrategy[dict[str, Any]]:
    return st.dictionaries(keys=st.sampled_from([*fields, "unexpected"]), values=VALUES, max_size=len(fields) + 1)


def assert_no_server_error(response: Any) -> None:
    text = response.content.decode(errors="replace")
    assert response.status_code < 500, text[:1000]
    assert "Traceback" not in text
