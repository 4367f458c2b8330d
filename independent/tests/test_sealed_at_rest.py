"""Issue 9, item 16: the charity keeps no reporter's words readable at rest (docs/adr/0031). A stolen
database (every table read raw) and media folder reveal none of what a reporter wrote, answered or sent;
operators read it through one audited function; the raw words go once the report is forwarded (only what
was sent is kept) or after INDEPENDENT_RAW_RETENTION_DAYS; the migration seals what was stored before."""

import datetime as dt
import os
import re
import subprocess
import sys

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.test import Client
from django.utils import timezone

from audit.models import AuditEvent
from independent import services
from independent.models import AnonymousReport, CleanFile, FollowUp, FollowUpAnswer
from independent.sealing import sealed_open_json
from tests.device_probe import media_files, raw_tables

from .helpers import SAME_ORIGIN, form_token, jpeg_with_gps, make_operator, receipt_of, upload

WORDS = [
    "Quillon Marsh",  # details
    "Fenwick Arcade",  # places
    "Larkspur Yard",  # last seen where
    "QX71 ZPL",  # vehicle registration
    "Tamsin the neighbour",  # companions
    "Orchid Lane lockup",  # the text file
    "Calloway Ferry",  # the phone report
    "Marlowe Steps at dusk",  # the follow-up answer
]


def web_report(client: Client, details: str = f"{WORDS[0]} sells from the back") -> str:
    url = "/report/form/"
    data = {
        "form_token": form_token(client, url),
        "crime_category": "drugs",
        "details": details,
        "places": WORDS[1],
        "last_seen_where": WORDS[2],
        "vehicle_registration": WORDS[3],
        "companions": WORDS[4],
        "attachments": [
            upload(jpeg_with_gps()),
            upload(f"Keys kept at {WORDS[5]}".encode(), name="notes.txt", content_type="text/plain"),
        ],
    }
    response = client.post(url, data, **SAME_ORIGIN)
    assert response.status_code == 200
    return receipt_of(response)


@pytest.mark.django_db
def test_a_stolen_database_and_media_folder_reveal_none_of_a_reporters_words(police_api):
    public = Client()
    receipt = web_report(public)
    operator = make_operator()
    console = Client()
    console.force_login(operator)
    page = console.get("/operators/phone/").content.decode()
    token = re.search(r'name="form_token" value="([^"]+)"', page).group(1)  # type: ignore[union-attr]
    console.post("/operators/phone/", {"form_token": token, "details": WORDS[6], "crime_category": "drugs"})
    # A forwarded report with a question, answered by the reporter and not yet sent on.
    report = AnonymousReport.objects.get(channel="web")
    services.report_forward(
        report=report, actor=operator, sanitised={"details": "Sold from a back door"}, urgency="routine",
        forward_files=[f.pk for f in report.files.all()],
    )  # fmt: skip
    services.follow_up_receive(reference=report.reference, question_id="q1", question="Where?")
    page = public.post("/follow-up/", {"receipt": receipt}, **SAME_ORIGIN).content.decode()
    answer = {
        "receipt": receipt,
        "form_token": re.search(r'name="form_token" value="([^"]+)"', page).group(1),  # type: ignore[union-attr]
        "follow_up": str(FollowUp.objects.get().pk),
        "answer": WORDS[7],
    }
    public.post("/follow-up/answer/", answer, **SAME_ORIGIN)
    assert FollowUpAnswer.objects.count() == 1

    stolen, files = raw_tables(), [data for _path, data in media_files()]
    assert len(files) >= CleanFile.objects.count() == 2
    for words in WORDS:
        assert words not in stolen
        assert all(words.encode() not in data for data in files)
    assert all(b"JFIF" not in data and b"\xff\xd8" not in data[:2] for data in files)  # not even a JPEG

    # The operator reads them through the audited read: who, and which page.
    phone = AnonymousReport.objects.get(channel="phone")
    assert WORDS[6] in console.get(f"/operators/{phone.pk}/").content.decode()
    assert WORDS[7] in console.get(f"/operators/{report.pk}/").content.decode()
    reads = AuditEvent.objects.filter(action="anonymous_report.raw_read")
    assert {(e.actor_label, e.detail["page"]) for e in reads} >= {
        ("olu.operator", f"/operators/{phone.pk}/"),
        ("olu.operator", f"/operators/{report.pk}/"),
    }
    text_file = report.files.get(kind="text")
    shown = console.get(f"/operators/{report.pk}/files/{text_file.public_id}/").content.decode()
    assert WORDS[5] in shown
    assert AuditEvent.objects.filter(action="anonymous_report.file_read", actor_label="olu.operator").count() == 1


@pytest.mark.django_db
def test_forwarding_keeps_only_what_was_sent(police_api, django_capture_on_commit_callbacks):
    web_report(Client())
    report = AnonymousReport.objects.get()
    photo, text_file = report.files.get(kind="image"), report.files.get(kind="text")
    operator = make_operator()
    with_file = {"details": "Sold from a back door"}
    with django_capture_on_commit_callbacks(execute=True):
        services.report_forward(
            report=report, actor=operator, sanitised=with_file, urgency="routine", forward_files=[photo.pk]
        )
    report.refresh_from_db()
    assert report.sealed_answers is None and report.raw_erased_on == report.forwarded_on
    assert list(report.files.all()) == [photo] and not default_storage.exists(text_file.clean_file.name)
    assert default_storage.exists(photo.clean_file.name)
    assert report.sanitised["details"] == "Sold from a back door"
    erased = AuditEvent.objects.get(action="anonymous_report.raw_erased")
    assert erased.detail == {"reason": "forwarded", "files": 1}
    console = Client()
    console.force_login(operator)
    page = console.get(f"/operators/{report.pk}/").content.decode()
    assert "we keep only what was sent" in page and WORDS[0] not in page


@pytest.mark.django_db
def test_words_never_forwarded_are_erased_after_the_retention_period(
    police_api, settings, django_capture_on_commit_callbacks
):
    settings.INDEPENDENT_RAW_RETENTION_DAYS = 30
    client = Client()
    web_report(client)
    web_report(client, details="A newer report")
    old, new = AnonymousReport.objects.order_by("pk")
    services.report_hold(report=old, actor=make_operator(), reason="Cannot be made safe")
    today = timezone.localdate()
    AnonymousReport.objects.filter(pk=old.pk).update(received_on=today - dt.timedelta(days=30))
    AnonymousReport.objects.filter(pk=new.pk).update(received_on=today - dt.timedelta(days=29))
    old_files = [f.clean_file.name for f in old.files.all()]
    with django_capture_on_commit_callbacks(execute=True):
        call_command("independent_retention")
    old.refresh_from_db()
    new.refresh_from_db()
    assert old.sealed_answers is None and not old.files.exists()
    assert not any(default_storage.exists(name) for name in old_files)
    assert sealed_open_json(new.sealed_answers)["details"] == "A newer report" and new.files.count() == 2
    events = AuditEvent.objects.filter(action="anonymous_report.raw_erased")
    assert [(e.target_id, e.detail) for e in events] == [(str(old.pk), {"reason": "retention", "files": 2})]
    call_command("independent_retention")  # nothing more to do
    assert AuditEvent.objects.filter(action="anonymous_report.raw_erased").count() == 1


@pytest.mark.django_db(transaction=True)
def test_the_migration_seals_what_was_stored_in_plain_text():
    executor = MigrationExecutor(connection)
    executor.migrate([("independent", "0001_initial")])
    old_apps = executor.loader.project_state([("independent", "0001_initial")]).apps
    old_report = old_apps.get_model("independent", "AnonymousReport")
    old_report.objects.create(
        received_on=dt.date(2026, 11, 2),
        details=WORDS[0],
        places=WORDS[1],
        receipt_hash="a" * 64,
        form_nonce="b" * 32,
    )
    name = default_storage.save("independent/clean/legacy", ContentFile(WORDS[5].encode()))
    old_apps.get_model("independent", "CleanFile").objects.create(
        report_id=old_report.objects.get().pk, kind="text", clean_file=name, content_type="text/plain", size=10
    )
    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())
    report = AnonymousReport.objects.get()
    assert WORDS[0] not in raw_tables() and WORDS[1] not in raw_tables()
    assert sealed_open_json(report.sealed_answers)["places"] == WORDS[1]
    assert WORDS[5].encode() not in default_storage.open(CleanFile.objects.get().clean_file.name).read()


def test_production_refuses_to_start_without_a_sealing_key():
    env = {k: v for k, v in os.environ.items() if not k.startswith(("INDEPENDENT_", "LOOKOUT_", "DJANGO_", "DATABASE"))}
    env.update(
        INDEPENDENT_SECRET_KEY="s" * 60,
        INDEPENDENT_RECEIPT_KEY="r" * 40,
        INDEPENDENT_FORM_TOKEN_KEY="f" * 40,
        LOOKOUT_PARTNER_KEY="p" * 40,
        INDEPENDENT_DATABASE_URL="postgres://x@127.0.0.1/independent",
        INDEPENDENT_ALLOWED_HOSTS="charity.example",
        LOOKOUT_POLICE_API_URL="https://police.example",
    )
    code = "import lookout.settings.independent_production"
    result = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=False)  # noqa: S603
    assert result.returncode != 0 and "INDEPENDENT_SEAL_PRIVATE_KEY" in result.stderr
    env["INDEPENDENT_SEAL_PRIVATE_KEY"] = "u8LqKk3Ab1jvSa9w3mD5l0f0Q6y0Z0W7Yt8c5p2o1xE="
    result = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=False)  # noqa: S603
    assert result.returncode == 0, result.stderr
