"""Hypothesis over every public form of the charity, through the test client and with a valid signed token
and same-origin headers, so the posts reach the forms' own checks: never a 5xx (issue 9, suite). 30 posts a
form."""

import re

import pytest
from django.test import Client
from hypothesis import given
from hypothesis import strategies as st

from independent.forms import AnonymousReportForm, AnswerForm, ClaimForm, ReceiptForm
from tests.form_fuzzing import FORM_FUZZ_SETTINGS, assert_no_server_error, form_data

from .helpers import SAME_ORIGIN, form_token, receipt_of

pytestmark = pytest.mark.django_db

REPORT_FIELDS = list(AnonymousReportForm(general=True).fields)
FORMS = [
    ("GET", "/report/", ["now"], None),
    ("POST", "/report/form/", REPORT_FIELDS, "/report/form/"),
    ("POST", "/appeals/W-7KQ2/form/", REPORT_FIELDS, "/appeals/W-7KQ2/form/"),
    ("POST", "/follow-up/", list(ReceiptForm().fields), None),
    ("POST", "/follow-up/answer/", list(AnswerForm().fields), None),
    ("POST", "/follow-up/claim/", list(ClaimForm().fields), None),
]


@pytest.fixture
def receipt(police_api):  # type: ignore[no-untyped-def]
    client = Client()
    data = {"form_token": form_token(client, "/report/form/"), "details": "x", "crime_category": "violence"}
    return receipt_of(client.post("/report/form/", data, **SAME_ORIGIN))


@pytest.mark.parametrize(("method", "url", "fields", "token_page"), FORMS, ids=[f"{f[0]} {f[1]}" for f in FORMS])
@FORM_FUZZ_SETTINGS
@given(data=st.data())
def test_no_post_to_a_public_form_gets_a_server_error(method, url, fields, token_page, data, receipt):
    client = Client(raise_request_exception=False)
    values = data.draw(form_data(fields))
    if token_page and data.draw(st.booleans()):
        values["form_token"] = form_token(client, token_page)
    if "receipt" in fields and data.draw(st.booleans()):
        values["receipt"] = receipt
        if "form_token" in fields:
            page = client.post("/follow-up/", {"receipt": receipt}, **SAME_ORIGIN).content.decode()
            found = re.search(r'name="form_token" value="([^"]+)"', page)
            if found:
                values["form_token"] = found.group(1)
    response = client.get(url, values) if method == "GET" else client.post(url, values, **SAME_ORIGIN)
    assert_no_server_error(response)
