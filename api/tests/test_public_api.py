import pytest
from django.test import Client

from appeals import services
from appeals.models import Outcome
from appeals.tests.factories import draft, published

pytestmark = pytest.mark.django_db


def test_lists_current_appeals_with_released_fields_only(client: Client):
    appeal = published(subject_name="Api Person", distinguishing_features="unreleased heron tattoo")
    draft(subject_name="Draft Person")
    response = client.get("/api/v1/public/appeals")
    assert response.status_code == 200
    body = response.json()
    assert [a["reference"] for a in body] == [appeal.reference]
    assert body[0]["title"] == "Api Person"
    assert "heron" not in response.content.decode()
    assert body[0]["images"][0]["url"].startswith(f"/appeals/{appeal.reference}/images/")


def test_one_appeal_then_gone_after_closing(client: Client, django_capture_on_commit_callbacks):
    appeal = published()
    assert client.get(f"/api/v1/public/appeals/{appeal.reference}").status_code == 200
    with django_capture_on_commit_callbacks(execute=True):  # the close's commit purges the kept answers
        services.appeal_close(appeal=appeal, actor=appeal.author, outcome=Outcome.ARRESTED)
    gone = client.get(f"/api/v1/public/appeals/{appeal.reference}")
    assert gone.status_code == 410
    assert gone.json() == {"error": {"code": "ended", "message": "This appeal has ended."}}
    missing = client.get("/api/v1/public/appeals/W-ZZZZ")
    assert missing.status_code == 404 and missing.json()["error"]["code"] == "not_found"


def test_drafts_are_404_in_the_api(client: Client):
    appeal = draft()
    assert client.get(f"/api/v1/public/appeals/{appeal.reference}").status_code == 404


def test_openapi_schema_is_served_and_no_docs_page_loads_a_cdn(client: Client):
    schema = client.get("/api/v1/openapi.json")
    assert schema.status_code == 200 and "/api/v1/public/appeals" in schema.json()["paths"]
    assert client.get("/api/v1/docs").status_code == 404


def test_every_public_api_answer_says_how_it_may_be_cached(client: Client, django_capture_on_commit_callbacks):
    """The same rule as the public pages: browsers check with us first, shared caches keep an answer a second."""
    appeal = published()
    answers = [
        client.get("/api/v1/public/appeals"),
        client.get(f"/api/v1/public/appeals/{appeal.reference}"),
        client.get("/api/v1/public/appeals/W-ZZZZ"),
    ]
    with django_capture_on_commit_callbacks(execute=True):
        services.appeal_close(appeal=appeal, actor=appeal.author, outcome=Outcome.ARRESTED)
    answers.append(client.get(f"/api/v1/public/appeals/{appeal.reference}"))
    assert [a.status_code for a in answers] == [200, 200, 404, 410]
    assert [a.get("Cache-Control") for a in answers] == ["public, max-age=0, s-maxage=1"] * 4
    assert client.get("/").get("Cache-Control") == "public, max-age=0, s-maxage=1"  # what the public pages send
    assert answers[1]["Surrogate-Key"] == f"appeals appeal-{appeal.reference}"
    assert answers[0]["Surrogate-Key"] == "appeals" and answers[0]["ETag"]
