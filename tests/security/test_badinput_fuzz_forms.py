"""Hypothesis over every public form of the police service, through the test client: whatever is posted, the
answer is a page (errors shown as messages), never a 5xx (issue 9, suite). 30 posts a form; and over entity
extraction: no text makes it raise."""

import pytest
from django.test import Client
from hypothesis import given, settings
from hypothesis import strategies as st

from appeals.tests.factories import published
from intelligence.matching import extraction
from reporting.forms import FollowUpLookupForm, FollowUpReplyForm, ReportForm
from reporting.tests.factories import submit
from reportkit.forms import WhereNowForm
from tests.form_fuzzing import FORM_FUZZ_SETTINGS, assert_no_server_error, form_data

# The public forms take posts from our own pages only (reportkit.views.same_origin).
SAME_ORIGIN = {"HTTP_SEC_FETCH_SITE": "same-origin"}

pytestmark = pytest.mark.django_db

REPORT_FIELDS = list(ReportForm(general=True).fields)
FORMS = [
    ("GET", "/report/", list(WhereNowForm(label="x").fields)),
    ("GET", "/appeals/{ref}/report/", list(WhereNowForm(label="x").fields)),
    ("POST", "/report/form/", REPORT_FIELDS),
    ("POST", "/appeals/{ref}/report/form/", REPORT_FIELDS),
    ("POST", "/follow-up/", list(FollowUpLookupForm().fields)),
    ("POST", "/follow-up/reply/", list(FollowUpReplyForm().fields)),
]


@pytest.fixture
def context():  # type: ignore[no-untyped-def]
    appeal = published()
    return {"ref": appeal.reference, "receipt": submit(appeal).receipt_code}


@pytest.mark.parametrize(("method", "url", "fields"), FORMS, ids=[f"{m} {u}" for m, u, _ in FORMS])
@FORM_FUZZ_SETTINGS
@given(data=st.data())
def test_no_post_to_a_public_form_gets_a_server_error(method, url, fields, data, context):
    values = data.draw(form_data(fields))
    if "receipt" in values and data.draw(st.booleans()):
        values["receipt"] = context["receipt"]  # reach the reply form behind a right code too
    client = Client(raise_request_exception=False, **SAME_ORIGIN)
    target = url.format(ref=context["ref"])
    response = client.get(target, values) if method == "GET" else client.post(target, values)
    assert_no_server_error(response)


EXTRACTORS = [
    extraction.extract,
    extraction.extract_emails,
    extraction.extract_handles,
    extraction.extract_phones,
    extraction.extract_postcodes,
    extraction.extract_vrms,
    extraction.extract_places,
    extraction.extract_people,
    extraction.tokens,
]


@pytest.mark.parametrize("extractor", EXTRACTORS, ids=[f.__name__ for f in EXTRACTORS])
@settings(max_examples=150, deadline=None, derandomize=True, database=None)
@given(
    text=st.one_of(
        st.text(max_size=400),
        st.lists(
            st.sampled_from(
                ["QZ71 XLR", "07700 900982", "M1 1AA", "@robbo", "a@b.c", "Mill Street", "Robin", " ", "\n", "-", "."]
            ),
            max_size=30,
        ).map("".join),
    )
)
def test_extraction_never_raises(extractor, text):
    extractor(text)
