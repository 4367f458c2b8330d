import json
import re
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from typing import get_args

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from openapi_spec_validator import validate

from api.schemas import Ordering
from appeals import services
from appeals.listing import ORDERINGS
from appeals.models import Appeal, AppealKind, Build, OffenceCategory, Outcome, PublicityAssessment, Sex, WantedReason
from appeals.tests.factories import draft, published
from partner.public_api import BuildCode, Kind, OffenceCode, ReasonCode, SexCode

pytestmark = pytest.mark.django_db
LIST = "/api/v1/public/appeals"
WITHDRAWN = "/api/v1/public/appeals/withdrawn"


def released_only(released: list[str], **data) -> Appeal:  # type: ignore[no-untyped-def]
    return published(released=released, **data)


def aware(text: str) -> datetime:
    value = datetime.fromisoformat(text)
    assert value.tzinfo is not None, text
    return value


def test_lists_current_appeals_with_released_fields_only(client: Client):
    appeal = published(subject_name="Api Person", distinguishing_features="unreleased heron tattoo")
    draft(subject_name="Draft Person")
    response = client.get(LIST)
    assert response.status_code == 200
    body = response.json()
    assert [a["reference"] for a in body["items"]] == [appeal.reference]
    item = body["items"][0]
    assert item["title"] == item["name"] == "Api Person"
    assert "heron" not in response.content.decode() and item["distinguishing_features"] is None
    assert item["images"][0]["original"].startswith(f"http://testserver/appeals/{appeal.reference}/images/")


def test_an_appeal_is_typed_fields_with_iso_dates_and_absolute_urls(client: Client):
    appeal = published(
        subject_name="Typed Person",
        aliases="Tipper, T",
        age_min=30,
        age_max=35,
        height_cm=180,
        build="stocky",
        caution_note="He may carry a knife.",
        offence_summary="Robbed a shop in Eastbrook.",
    )
    item = client.get(f"{LIST}/{appeal.reference}").json()
    assert item["kind"] == "wanted" and item["status"] == "current"
    assert item["aliases"] == ["Tipper", "T"]
    assert (item["age_min"], item["age_max"]) == (30, 35)
    # Released by the factory's assessment: name, aliases, age, areas, vehicle, description, reason.
    assert item["height_cm"] is None and item["build"] is None and item["sex"] is None
    assert (item["wanted_reason"], item["offence_category"]) == ("offence", "robbery")
    assert item["offence_summary"] == "Robbed a shop in Eastbrook."
    assert item["caution"] == "He may carry a knife."
    assert item["areas"] == ["Eastbrook", "Millford"]
    # JSON times are to the millisecond.
    assert abs(aware(item["publication"]) - appeal.published_at) < timedelta(milliseconds=1)
    assert aware(item["modified"]) >= appeal.published_at - timedelta(milliseconds=1)  # given to the millisecond
    assert item["url"] == f"http://testserver/appeals/{appeal.reference}/"
    assert item["report_url"] == f"http://testserver/appeals/{appeal.reference}/report/"
    image = item["images"][0]
    assert image["thumb"].endswith("/thumb.jpg") and (image["thumb_width"], image["thumb_height"]) == (480, 600)
    assert image["width"] > 0 and image["caption"] == "Drawn figure"


ISO_TIME = re.compile(r"^\d{4}-\d{2}-\d{2}([T ][\d:.]+)?([+-]\d{2}:\d{2}|Z)?$")


def _leaves(node: object) -> Iterator[object]:
    if isinstance(node, dict):
        for value in node.values():
            yield from _leaves(value)
    elif isinstance(node, list):
        for value in node:
            yield from _leaves(value)
    else:
        yield node


def test_nothing_unreleased_is_ever_given(client: Client):
    appeal = released_only(
        ["description"],
        subject_name="Secret Name",
        aliases="Hidden Alias",
        age_min=41,
        sex="female",
        height_cm=171,
        build="slim",
        distinguishing_features="a secret scar",
        areas="Secretville",
        vehicle="Secret van",
        offence_summary="Secret offence words",
    )
    text = client.get(f"{LIST}/{appeal.reference}").content.decode()
    listed = client.get(LIST).content.decode()
    for secret in ["Secret Name", "Hidden Alias", "female", "slim", "scar", "Secretville", "van"]:
        assert secret not in text and secret not in listed, secret
    # The age and height as values: digits alone also occur inside image ids and times.
    for body in (text, listed):
        values = list(_leaves(json.loads(body)))
        assert 41 not in values and 171 not in values
        words = [v for v in values if isinstance(v, str) and not v.startswith("http") and not ISO_TIME.match(v)]
        assert not [w for w in words if re.search(r"\b(41|171)\b", w)], words
    assert "Secret offence" not in text and '"robbery"' not in text
    item = client.get(f"{LIST}/{appeal.reference}").json()
    assert item["name"] is None and item["title"] == "Do you recognise this person?"
    assert client.get(LIST, {"area": "Secretville"}).json()["total"] == 0


def test_hair_eyes_and_reward_are_given_only_when_released(client: Client):
    words = {"hair": "Short ginger curls", "eyes": "Green", "reward_text": "Up to 5,000 pounds for information."}
    shown = released_only(["hair", "eyes", "reward"], **words)
    item = client.get(f"{LIST}/{shown.reference}").json()
    assert (item["hair"], item["eyes"], item["reward_text"]) == tuple(words.values())
    page = client.get(f"/appeals/{shown.reference}/").content.decode()
    assert all(value in page for value in words.values()) and "Reward" in page
    welsh = client.get(f"/cy/appeals/{shown.reference}/").content.decode()
    assert "Gwallt" in welsh and "Gwobr" in welsh
    assert '<dd class="govuk-summary-list__value" lang="en">Short ginger curls</dd>' in welsh

    hidden = released_only(["description"], hair="Long violet plaits", eyes="Hazel", reward_text="Secret reward")
    item = client.get(f"{LIST}/{hidden.reference}").json()
    assert (item["hair"], item["eyes"], item["reward_text"]) == (None, None, None)
    everywhere = [
        client.get(path).content.decode()
        for path in (f"/appeals/{hidden.reference}/", "/appeals/", "/appeals/feed.atom", "/appeals/feed.json", LIST)
    ]
    for secret in ("violet", "Hazel", "Secret reward"):
        assert not [body for body in everywhere if secret in body], secret
    assert client.get("/appeals/", {"q": "violet"}).content.decode().count(hidden.reference) == 0


def test_missing_person_fields(client: Client):
    appeal = published(AppealKind.MISSING, last_seen_on=timezone.localdate() - timedelta(days=2))
    item = client.get(f"{LIST}/{appeal.reference}").json()
    assert item["kind"] == "missing" and item["caution"] is None and item["wanted_reason"] is None
    assert item["last_seen_on"] == (timezone.localdate() - timedelta(days=2)).isoformat()
    assert item["last_seen_place"] == "Millford station"


def test_the_codes_partners_see_are_the_models_choices():
    def values(choices) -> set[str]:  # type: ignore[no-untyped-def]
        return {v for v in choices.values if v}

    assert set(get_args(Kind)) == values(AppealKind)
    assert set(get_args(SexCode)) == values(Sex)
    assert set(get_args(BuildCode)) == values(Build)
    assert set(get_args(ReasonCode)) == values(WantedReason)
    assert set(get_args(OffenceCode)) == values(OffenceCategory)
    assert set(get_args(Ordering)) == set(ORDERINGS)


def test_pages_with_total_and_absolute_next_and_previous_links(client: Client):
    made = {published().reference for _ in range(7)}
    first = client.get(LIST, {"page_size": 3, "kind": "wanted"}).json()
    assert (first["total"], first["page"], first["page_size"], first["previous"]) == (7, 1, 3, None)
    assert first["next"] == "http://testserver/api/v1/public/appeals?page_size=3&kind=wanted&page=2"
    seen, page = [], first
    while True:
        seen += [a["reference"] for a in page["items"]]
        if page["next"] is None:
            break
        page = client.get(page["next"]).json()
    assert len(seen) == 7 and set(seen) == made
    assert page["page"] == 3 and len(page["items"]) == 1
    assert page["previous"] == "http://testserver/api/v1/public/appeals?page_size=3&kind=wanted&page=2"
    beyond = client.get(LIST, {"page": 9}).json()
    assert beyond["items"] == [] and beyond["total"] == 7 and beyond["next"] is None


def _queries_for_a_page(client: Client) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(LIST, {"page_size": 100})
    assert response.status_code == 200
    return len(queries)


def test_a_page_costs_the_same_queries_however_many_appeals(client: Client):
    published()
    few = _queries_for_a_page(client)
    for _ in range(24):
        published()  # each with a released image, so images are in the count too
    many = _queries_for_a_page(client)
    assert client.get(LIST, {"page_size": 100}).json()["total"] == 25
    assert many == few <= 3


def test_filters_by_kind_and_released_area(client: Client):
    wanted = published(areas="Eastbrook")
    missing = published(AppealKind.MISSING, areas="Westford")
    hidden_area = released_only(["name", "description"], areas="Westford")

    def refs(**query) -> list[str]:  # type: ignore[no-untyped-def]
        return [a["reference"] for a in client.get(LIST, query).json()["items"]]

    assert refs(kind="missing") == [missing.reference]
    assert set(refs(kind="wanted")) == {wanted.reference, hidden_area.reference}
    assert refs(area="westford") == [missing.reference]


def test_filter_modified_since(client: Client):
    old, new = published(), published()
    long_ago = timezone.now() - timedelta(days=30)
    Appeal.objects.filter(pk=old.pk).update(updated_at=long_ago)
    PublicityAssessment.objects.filter(appeal=old).update(updated_at=long_ago)
    since = (timezone.now() - timedelta(days=1)).astimezone(UTC).isoformat()
    assert [a["reference"] for a in client.get(LIST, {"modified_since": since}).json()["items"]] == [new.reference]
    everything = client.get(LIST, {"modified_since": "2000-01-01T00:00:00+01:00", "ordering": "modified"}).json()
    assert [a["reference"] for a in everything["items"]] == [old.reference, new.reference]


@pytest.mark.parametrize(
    "query",
    [
        {"modified_since": "yesterday"},
        {"modified_since": "1733000000"},
        {"modified_since": "2026-12-01T09:00:00"},  # no timezone
        {"modified_since": "2026-13-01T09:00:00Z"},
        {"modified_since": "9999-12-31T23:59:59-23:59"},  # past the year 9999 in UTC
        {"ordering": "subject_name"},
        {"kind": "both"},
        {"page": 0},
        {"page": 10**30},
        {"page_size": 101},
        {"page_size": "ten"},
    ],
)
def test_a_bad_parameter_is_a_structured_422(client: Client, query):
    response = client.get(LIST, query)
    assert response.status_code == 422
    error = response.json()["error"]
    assert error["code"] == "invalid" and error["details"][0]["loc"][0] == "query"


def test_ordering_by_reference(client: Client):
    refs = sorted(published().reference for _ in range(3))
    assert [a["reference"] for a in client.get(LIST, {"ordering": "reference"}).json()["items"]] == refs
    assert [a["reference"] for a in client.get(LIST, {"ordering": "-reference"}).json()["items"]] == refs[::-1]


def test_one_appeal_then_gone_after_closing(client: Client, django_capture_on_commit_callbacks):
    appeal = published()
    assert client.get(f"{LIST}/{appeal.reference}").status_code == 200
    with django_capture_on_commit_callbacks(execute=True):  # the close's commit purges the kept answers
        services.appeal_close(appeal=appeal, actor=appeal.author, outcome=Outcome.ARRESTED)
    gone = client.get(f"{LIST}/{appeal.reference}")
    assert gone.status_code == 410
    assert gone.json() == {"error": {"code": "ended", "message": "This appeal has ended."}}
    missing = client.get(f"{LIST}/W-ZZZZ")
    assert missing.status_code == 404 and missing.json()["error"]["code"] == "not_found"


def test_drafts_are_404_in_the_api(client: Client):
    appeal = draft()
    assert client.get(f"{LIST}/{appeal.reference}").status_code == 404
    assert client.get(LIST).json()["total"] == 0


def test_withdrawn_lists_the_reference_and_time_only(client: Client):
    current, first, second = published(), published(), published(subject_name="Withdrawn Person")
    never_public = draft()
    start = timezone.now()
    services.appeal_close(appeal=first, actor=first.author, outcome=Outcome.ARRESTED)
    services.appeal_close(appeal=second, actor=second.author, outcome=Outcome.FOUND_SAFE)
    body = client.get(WITHDRAWN).json()
    assert [w["reference"] for w in body["items"]] == [first.reference, second.reference]
    assert body["total"] == 2 and current.reference not in str(body) and never_public.reference not in str(body)
    assert all(set(w) == {"reference", "withdrawn_at"} for w in body["items"])
    assert aware(body["items"][0]["withdrawn_at"]) >= start
    text = client.get(WITHDRAWN).content.decode()
    for hidden in ["Withdrawn Person", "arrested", "found_safe", "Robbo", "Millford"]:
        assert hidden not in text
    later = timezone.now().astimezone(UTC).isoformat()
    assert client.get(WITHDRAWN, {"since": later}).json() == {
        "total": 0, "page": 1, "page_size": 20, "next": None, "previous": None, "items": []
    }  # fmt: skip
    paged = client.get(WITHDRAWN, {"since": start.isoformat(), "page_size": 1}).json()
    assert paged["total"] == 2 and paged["next"] and [w["reference"] for w in paged["items"]] == [first.reference]
    bad = client.get(WITHDRAWN, {"since": "last week"})
    assert bad.status_code == 422 and bad.json()["error"]["details"][0]["loc"] == ["query", "since"]


def test_every_public_api_answer_says_how_it_may_be_cached(client: Client, django_capture_on_commit_callbacks):
    """The same rule as the public pages: browsers check with us first, shared caches keep an answer a second."""
    appeal = published()
    answers = [
        client.get(LIST),
        client.get(f"{LIST}/{appeal.reference}"),
        client.get(f"{LIST}/W-ZZZZ"),
        client.get(WITHDRAWN),
    ]
    with django_capture_on_commit_callbacks(execute=True):
        services.appeal_close(appeal=appeal, actor=appeal.author, outcome=Outcome.ARRESTED)
    answers.append(client.get(f"{LIST}/{appeal.reference}"))
    assert [a.status_code for a in answers] == [200, 200, 404, 200, 410]
    assert [a.get("Cache-Control") for a in answers] == ["public, max-age=0, s-maxage=1"] * 5
    assert client.get("/").get("Cache-Control") == "public, max-age=0, s-maxage=1"  # what the public pages send
    assert answers[1]["Surrogate-Key"] == f"appeals appeal-{appeal.reference}"
    assert answers[0]["Surrogate-Key"] == "appeals" and answers[0]["ETag"]


def test_the_openapi_document_validates_and_describes_the_public_api(client: Client):
    document = client.get("/api/v1/openapi.json").json()
    validate(document)  # OpenAPI 3.x, by openapi-spec-validator
    assert document["openapi"].startswith("3.")
    assert {f"{LIST}", f"{LIST}/{{reference}}", WITHDRAWN} <= set(document["paths"])
    names = {p["name"] for p in document["paths"][LIST]["get"]["parameters"]}
    assert names == {"page", "page_size", "kind", "area", "modified_since", "ordering"}


def test_the_docs_page_is_ours_with_no_script_and_nothing_from_another_site(client: Client):
    response = client.get("/api/v1/docs")
    assert response.status_code == 200 and response["Content-Type"].startswith("text/html")
    html = response.content.decode()
    for path in [LIST, f"{LIST}/{{reference}}", WITHDRAWN]:
        assert f"GET {path}</code>" in html.replace("<wbr>", "")
    assert "modified_since" in html and "AppealOut" in html and "withdrawn_at" in html
    assert "/api/v1/partner/" not in html and "ForwardedReport" not in html
    # Only the site layout's own scripts (progressive enhancement), from our static files: the page needs none.
    assert all(src.startswith("/static/lookout/") for src in re.findall(r'<script[^>]* src="([^"]+)"', html))
    assert "<script>" not in html
    assert not re.findall(r'(?:src|href)="(?:https?:)?//', html)
    assert "'self'" in response["Content-Security-Policy"]
