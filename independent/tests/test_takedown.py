"""Takedown at the charity (issue 9, items 1 and 4; ADR 0030): a signed "withdrawn" message takes an appeal
off every page at once and for good; no copy of the police list older than the bound is ever shown; and no
member of the public's request ever calls the police API (the list is fetched on a schedule)."""

import time

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.test import Client

from independent.models import AnonymousReport, WithdrawnAppeal
from independent.police_api import CACHE_KEY, appeals_refresh, appeals_store, police_appeals
from independent.sealing import sealed_open_json
from partner import paths
from partner.models import ReceivedMessage

from .helpers import APPEALS, SAME_ORIGIN, FakePoliceApi, form_token, receipt_of
from .test_operators import signed

pytestmark = pytest.mark.django_db
PAGES = ["/", "/appeals/W-7KQ2/", "/appeals/W-7KQ2/form/", "/appeals/W-7KQ2/?now=yes", "/report/form/"]
WITHDRAWN = {"message_id": "withdrawn:W-7KQ2", "reference": "W-7KQ2"}


def shows(page: str) -> bool:
    """Anything that names the appeal or describes its subject."""
    return any(text in page for text in ("Darren Kellow", "Armed robbery", "Do not approach him"))


def test_requests_with_a_cold_cache_never_call_the_police(settings):
    police = FakePoliceApi()  # a real HTTP server standing in for the police API, counting requests
    try:
        settings.LOOKOUT_POLICE_API_URL = settings.LOOKOUT_POLICE_PUBLIC_URL = police.url
        client = Client()
        for path in [*PAGES, "/follow-up/"]:
            assert client.get(path).status_code in {200, 404}
        assert police.hits == 0  # the visits told the police nothing
        assert "We cannot show the police appeals just now" in client.get("/").content.decode()
        assert 'name="form_token"' in client.get("/report/form/").content.decode()  # reports still taken

        call_command("independent_appeals_refresh")  # the schedule, not a visitor, calls the police
        assert police.hits == 1
        for path in PAGES:
            client.get(path)
        assert police.hits == 1
        assert "Darren Kellow" in client.get("/").content.decode()
    finally:
        police.stop()


def test_a_withdrawn_appeal_leaves_every_page_at_once_and_for_good(police_api, django_capture_on_commit_callbacks):
    client = Client()
    assert shows(client.get("/").content.decode())
    url = "/appeals/W-7KQ2/form/"
    report = {"form_token": form_token(client, url), "details": "He drinks at the Crown."}
    received = client.post(url, report, **SAME_ORIGIN)
    assert receipt_of(received)

    with django_capture_on_commit_callbacks(execute=True):
        response = signed(Client(), paths.INDEPENDENT_WITHDRAWN, WITHDRAWN)
    assert response.status_code == 200 and response.json() == {"reference": "W-7KQ2", "received": True}

    for path in PAGES:
        page = client.get(path)
        assert not shows(page.content.decode()), path
    for path in ("/appeals/W-7KQ2/", "/appeals/W-7KQ2/form/"):
        ended = client.get(path)
        assert ended.status_code == 410 and "This appeal has ended" in ended.content.decode()
        assert 'href="/report/"' in ended.content.decode()  # the general report is still offered
    late = client.post(url, {"form_token": form_token(client, "/report/form/"), "details": "x"}, **SAME_ORIGIN)
    assert late.status_code == 200 and receipt_of(late) and not shows(late.content.decode())  # kept, unlinked
    assert "Jodie Pryce" in client.get("/").content.decode()  # other appeals stay

    # The kept copy was cleaned at once; a list fetched before the withdrawal cannot bring it back.
    assert all(item["reference"] != "W-7KQ2" for item in cache.get(CACHE_KEY)["appeals"])
    appeals_store(list(APPEALS), fetched_at=time.time())
    assert appeals_refresh() and police_appeals().find("W-7KQ2") is None
    assert not shows(client.get("/").content.decode())

    # A retried message changes nothing; the report already received stays.
    assert signed(Client(), paths.INDEPENDENT_WITHDRAWN, WITHDRAWN).json() == response.json()
    assert WithdrawnAppeal.objects.count() == 1 and ReceivedMessage.objects.filter(kind="withdrawn").count() == 1
    assert AnonymousReport.objects.filter(appeal_reference="W-7KQ2").count() == 1


def test_withdrawn_messages_must_be_signed(police_api):
    unsigned = Client().post(paths.INDEPENDENT_WITHDRAWN, WITHDRAWN, content_type="application/json")
    assert unsigned.status_code == 401 and unsigned.json()["error"]["code"] == "unsigned"
    assert WithdrawnAppeal.objects.count() == 0 and "Darren Kellow" in Client().get("/").content.decode()


def test_no_copy_older_than_the_maximum_age_is_shown(police_api, settings):
    settings.LOOKOUT_APPEALS_FRESH_SECONDS, settings.LOOKOUT_APPEALS_MAX_AGE_SECONDS = 300, 900
    police_api.stop()
    assert appeals_refresh() is False  # the police are down: our copy is kept...

    appeals_store(list(APPEALS), fetched_at=time.time() - 400)
    page = Client().get("/").content.decode()
    assert "Darren Kellow" in page and "may be out of date" in page  # ...marked once it is not fresh...

    appeals_store(list(APPEALS), fetched_at=time.time() - 800)
    cache.set(CACHE_KEY, {**cache.get(CACHE_KEY), "fetched_at": time.time() - 901})  # ...and never past the bound
    client = Client()
    page = client.get("/").content.decode()
    assert not shows(page) and "We cannot show the police appeals just now" in page
    assert client.get("/appeals/W-7KQ2/").status_code == 404
    assert not shows(client.get("/appeals/W-7KQ2/form/").content.decode())
    assert 'name="form_token"' in client.get("/report/form/").content.decode()  # reports are still taken


def test_the_scheduled_refresh_retries_sooner_while_the_police_are_down(police_api):
    from independent.management.commands.independent_appeals_refresh import RETRY_SECONDS, Command

    command = Command()
    command.run_once(repeating=True)
    assert command.fetched and command.wait_seconds(60) == 60
    police_api.stop()
    command.run_once(repeating=True)
    assert not command.fetched and command.wait_seconds(60) == RETRY_SECONDS
    assert "Darren Kellow" in Client().get("/").content.decode()  # our copy is kept meanwhile


def _withdraw(reference: str, django_capture_on_commit_callbacks) -> None:  # type: ignore[no-untyped-def]
    payload = {"message_id": f"withdrawn:{reference}", "reference": reference}
    with django_capture_on_commit_callbacks(execute=True):
        assert signed(Client(), paths.INDEPENDENT_WITHDRAWN, payload).status_code == 200


def test_a_report_sent_after_the_appeal_ended_is_kept_as_general_information(
    police_api, django_capture_on_commit_callbacks
):
    client = Client()
    url = "/appeals/W-7KQ2/form/"
    report = {"form_token": form_token(client, url), "details": "He is at the car wash on Mill Lane."}
    assert "Darren Kellow" in client.get(url).content.decode()  # the form was shown, with the name
    _withdraw("W-7KQ2", django_capture_on_commit_callbacks)

    first = client.post(url, report, **SAME_ORIGIN)
    page = first.content.decode()
    assert first.status_code == 200 and receipt_of(first)
    assert "has ended" in page and "received your information" in page and not shows(page)
    again = client.post(url, report, **SAME_ORIGIN)  # a double click, or a retry
    assert again.status_code == 200 and not shows(again.content.decode())
    assert receipt_of(again) == receipt_of(first)
    stored = AnonymousReport.objects.get()
    assert stored.appeal_reference == "" and stored.appeal_title == ""
    assert sealed_open_json(stored.sealed_answers)["details"] == "He is at the car wash on Mill Lane."
    ended = client.get(url)
    assert ended.status_code == 410 and not shows(ended.content.decode())


def test_an_invalid_post_after_the_appeal_ended_shows_the_errors_without_the_name(
    police_api, django_capture_on_commit_callbacks
):
    client = Client()
    url = "/appeals/W-7KQ2/form/"
    token = form_token(client, url)
    _withdraw("W-7KQ2", django_capture_on_commit_callbacks)
    response = client.post(url, {"form_token": token, "details": ""}, **SAME_ORIGIN)
    page = response.content.decode()
    assert response.status_code == 200 and "govuk-error-summary" in page and not shows(page)
    assert AnonymousReport.objects.count() == 0


def test_a_post_for_an_ended_missing_person_appeal_still_points_to_the_police(
    police_api, django_capture_on_commit_callbacks
):
    client = Client()
    token = form_token(client, "/report/form/")
    _withdraw("M-3XPD", django_capture_on_commit_callbacks)
    response = client.post("/appeals/M-3XPD/form/", {"form_token": token, "details": "x"}, **SAME_ORIGIN)
    page = response.content.decode()
    assert "tell the police directly" in page and "Jodie Pryce" not in page
    # The reference stays only in the page's own address (its language links); the page itself never names it.
    main = page[page.index("<main") : page.index("</main>")]
    assert "M-3XPD" not in main
    assert AnonymousReport.objects.count() == 0
