"""Importing the invented FBI and Interpol files: drafts only, every skip with its reason, twice makes nothing
more, units, dates, HTML and ids handled, images only from the allowed origins and reported when missing."""

import io
import json
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from django.core.exceptions import PermissionDenied
from PIL import Image

from accounts.roles import Role
from accounts.tests.factories import make_staff
from appeals import services as appeal_services
from appeals.models import Appeal, AppealImage, AppealKind, AppealStatus, PublicityAssessment
from appeals.tests.factories import add_image, assess
from audit.models import AuditEvent
from imports.formats import FormatError
from imports.models import ImportedRecord
from imports.services import CREATED, SKIPPED, UPDATED, ImportReport, appeals_import

pytestmark = pytest.mark.django_db

FILES = Path(__file__).parent / "files"
FBI = (FILES / "fbi_wanted.json").read_bytes()
INTERPOL = (FILES / "interpol_notices.json").read_bytes()
IMAGE_PORT = 9123  # this worktree's port range


@pytest.fixture
def author():
    return make_staff(Role.AUTHOR)


def by_id(report: ImportReport) -> dict[str, object]:
    return {item.external_id: item for item in report.items}


def reasons(report: ImportReport) -> dict[int, str]:
    return {item.position: item.reason for item in report.items if item.outcome == SKIPPED}


def test_the_fbi_file_makes_drafts_only_and_reports_every_skip(author):
    report = appeals_import(actor=author, source="fbi", content=FBI)
    assert [i.outcome for i in report.items] == [CREATED, CREATED, CREATED, *[SKIPPED] * 5]
    assert reasons(report) == {
        4: "no uid: cannot tell it from other records",
        5: "status at source is 'captured': no longer sought",
        6: "not a record (expected an object)",
        7: "the same record as item 1 (ids are compared without / or -)",
        8: "no title: the person's name is missing",
    }
    assert Appeal.objects.count() == 3
    assert set(Appeal.objects.values_list("status", flat=True)) == {AppealStatus.DRAFT}
    assert not Appeal.objects.public().exists()
    assert not PublicityAssessment.objects.exists()
    assert report.summary == "8 records: 3 created as drafts, 0 updated, 5 skipped."


def test_fbi_values_are_converted_and_html_stripped(author):
    report = appeals_import(actor=author, source="fbi", content=FBI)
    casey = Appeal.objects.get(reference=report.items[0].reference)
    assert casey.kind == AppealKind.WANTED and casey.subject_name == "Casey Inventedson"
    assert casey.aliases == "Case, C. Invented"
    assert (casey.age_min, casey.age_max, casey.sex, casey.height_cm) == (30, 35, "male", 180)  # 71 in
    assert "Weight: about 84 kg." in casey.distinguishing_features  # 185 lb
    assert (casey.hair, casey.eyes) == ("brown", "blue")
    assert "Hair" not in casey.distinguishing_features  # in its own field, released on its own
    assert "anchor on the left forearm" in casey.distinguishing_features
    assert casey.offence_summary.startswith("Conspiracy to Commit Fictional Fraud\n\nCasey Inventedson allegedly")
    assert "three years" in casey.offence_summary
    for text in (casey.offence_summary, casey.description):
        assert "<" not in text and "alert" not in text
    assert casey.description == "Casey Inventedson is wanted for an invented scheme.\n\nOften seen at harbours."
    assert casey.reward_text == "A reward of up to $10,000 is offered for information."
    assert casey.caution_note == "SHOULD BE CONSIDERED ARMED AND DANGEROUS"
    assert casey.owning_unit == author.profile.unit and casey.author == author

    jamie = Appeal.objects.get(reference=report.items[1].reference)
    assert jamie.kind == AppealKind.MISSING
    assert jamie.height_cm is None  # zero heights are unknown
    assert jamie.age_min is not None and jamie.age_min >= 36  # from "1990/05/03"
    assert jamie.description == "Missing from Fictionville since 2026"
    assert jamie.vulnerability_summary == "Jamie needs daily medication."

    robin = Appeal.objects.get(reference=report.items[2].reference)  # nulls everywhere
    assert (robin.aliases, robin.sex, robin.height_cm, robin.age_min, robin.description) == ("", "", None, None, "")


def test_importing_twice_makes_and_changes_nothing_more(author):
    first = appeals_import(actor=author, source="fbi", content=FBI)
    before = {a.pk: a.updated_at for a in Appeal.objects.all()}
    events = AuditEvent.objects.filter(action__startswith="appeal.").count()
    second = appeals_import(actor=author, source="fbi", content=FBI)
    assert second.count(CREATED) == second.count(UPDATED) == 0
    assert {a.pk: a.updated_at for a in Appeal.objects.all()} == before
    assert AuditEvent.objects.filter(action__startswith="appeal.").count() == events
    assert reasons(second)[1] == f"already imported as {first.items[0].reference}, unchanged since"
    assert ImportedRecord.objects.count() == 3


def test_a_record_changed_at_source_updates_its_draft_once(author):
    appeals_import(actor=author, source="fbi", content=FBI)
    document = json.loads(FBI)
    document["items"][0]["reward_text"] = "A reward of up to $20,000 is offered."
    changed = json.dumps(document).encode()
    report = appeals_import(actor=author, source="fbi", content=changed)
    assert report.items[0].outcome == UPDATED and report.count(CREATED) == 0
    assert (
        Appeal.objects.get(reference=report.items[0].reference).reward_text == "A reward of up to $20,000 is offered."
    )
    again = appeals_import(actor=author, source="fbi", content=changed)
    assert again.count(UPDATED) == 0


def test_a_change_at_source_never_touches_an_appeal_past_draft(author):
    report = appeals_import(actor=author, source="fbi", content=FBI)
    appeal = Appeal.objects.get(reference=report.items[0].reference)
    add_image(appeal)
    assess(appeal, released=["name", "age", "description"])
    appeal_services.appeal_submit(appeal=appeal, actor=author)
    document = json.loads(FBI)
    document["items"][0]["reward_text"] = "Changed."
    again = appeals_import(actor=author, source="fbi", content=json.dumps(document).encode())
    assert reasons(again)[1] == f"changed at source, but {appeal.reference} is no longer a draft: not changed"
    appeal.refresh_from_db()
    assert appeal.status == AppealStatus.AWAITING_AUTHORISATION and "Changed." not in appeal.description


def test_another_authors_import_of_the_same_record_changes_nothing(author):
    appeals_import(actor=author, source="fbi", content=FBI)
    document = json.loads(FBI)
    document["items"][0]["reward_text"] = "Changed."
    other = make_staff(Role.AUTHOR)
    report = appeals_import(actor=other, source="fbi", content=json.dumps(document).encode())
    assert "is another author's draft: not changed" in reasons(report)[1]
    assert report.count(CREATED) == 0


def test_the_interpol_file_treats_dashed_and_undashed_ids_as_one_record(author):
    report = appeals_import(actor=author, source="interpol", content=INTERPOL)
    assert [i.outcome for i in report.items] == [CREATED, SKIPPED, CREATED, SKIPPED, SKIPPED]
    assert reasons(report) == {
        2: "the same record as item 1 (ids are compared without / or -)",
        4: "no entity_id: cannot tell it from other notices",
        5: "no forename or name",
    }
    assert set(ImportedRecord.objects.values_list("external_id", flat=True)) == {"2021-12345", "2022-00077"}
    alex = Appeal.objects.get(reference=report.items[0].reference)
    assert (alex.subject_name, alex.kind, alex.sex, alex.height_cm) == ("Alex Fictionalski", "wanted", "male", 180)
    assert (alex.hair, alex.eyes) == ("black, grey", "brown")
    assert alex.distinguishing_features == "Weight: about 75 kg. Distinguishing marks: Scar on the right eyebrow"
    assert alex.offence_summary == "Invented fraud & forgery (warrant issued by XX)"
    assert alex.age_min is not None and 40 <= alex.age_min <= 42
    sam = Appeal.objects.get(reference=report.items[2].reference)
    assert (sam.kind, sam.height_cm, sam.age_min) == (AppealKind.MISSING, None, None)  # zero height, null dob
    assert str(sam.last_seen_on) == "2026-10-01" and sam.last_seen_place == "Fictionville harbour"
    assert "Weight" not in sam.distinguishing_features  # zero weight is unknown
    # An id written the other way in a later file is the same record: nothing more is made.
    document = json.loads(INTERPOL)
    document["_embedded"]["notices"][0]["entity_id"] = "2021-12345"
    again = appeals_import(actor=author, source="interpol", content=json.dumps(document).encode())
    assert again.count(CREATED) == again.count(UPDATED) == 0
    assert Appeal.objects.count() == 2


def test_only_red_and_yellow_notices_are_imported(author):
    blue = {
        "entity_id": "2024/1",
        "name": "Bluenotice",
        "_links": {"self": {"href": "https://x/notices/v1/blue/2024-1"}},
    }
    report = appeals_import(
        actor=author, source="interpol", content=json.dumps({"_embedded": {"notices": [blue]}}).encode()
    )
    assert reasons(report) == {1: "a blue notice: only red (wanted) and yellow (missing) are imported"}


def test_a_dry_run_reports_and_changes_nothing(author):
    report = appeals_import(actor=author, source="interpol", content=INTERPOL, dry_run=True)
    assert report.count(CREATED) == 2 and report.summary.startswith("5 records: 2 would be created")
    assert not Appeal.objects.exists() and not ImportedRecord.objects.exists()
    assert not AuditEvent.objects.filter(action="appeals.imported").exists()
    assert "image 1 skipped: images are not fetched in a dry run" in report.items[0].notes


def test_each_import_is_audited(author):
    appeals_import(actor=author, source="interpol", content=INTERPOL)
    event = AuditEvent.objects.get(action="appeals.imported")
    assert event.actor == author
    assert event.detail == {"source": "interpol", "dry_run": False, "created": 2, "updated": 0, "skipped": 3}
    assert AuditEvent.objects.filter(action="appeal.imported").count() == 2
    assert AuditEvent.objects.filter(action="appeal.created").count() == 2


@pytest.mark.parametrize(
    ("source", "content", "message"),
    [
        ("fbi", b'{"items": [1, 2,', "The file is not valid JSON (Expecting value at line 1, column 17)."),
        ("fbi", b"\xff\xfe\x00garbage", "The file is not text in UTF-8"),
        ("fbi", INTERPOL, "(an Interpol file? use --format interpol)"),
        ("interpol", FBI, "(an FBI file? use --format fbi)"),
        ("interpol", b"[]", "found a JSON array"),
        (
            "fbi",
            b'{"items": {"not": "a list"}}',
            '"items" (a list), found an object with items',
        ),
    ],
)
def test_a_file_that_cannot_be_read_is_a_clear_error_and_changes_nothing(author, source, content, message):
    with pytest.raises(FormatError) as error:
        appeals_import(actor=author, source=source, content=content)
    assert message in str(error.value)
    assert not Appeal.objects.exists()


def test_an_unknown_format_is_a_clear_error(author):
    with pytest.raises(FormatError, match="Unknown format 'cia': choose fbi or interpol."):
        appeals_import(actor=author, source="cia", content=FBI)


def test_only_appeal_authors_may_import():
    for role in (Role.AUTHORISER, Role.ANALYST, Role.ADMINISTRATOR, Role.AUDITOR):
        with pytest.raises(PermissionDenied):
            appeals_import(actor=make_staff(role), source="fbi", content=FBI)
    assert not Appeal.objects.exists()


def test_unknown_fields_are_ignored(author):
    document = {"total": 1, "items": [{"uid": "x1", "title": "Kim Futurefield", "brand_new": [{"deep": None}]}]}
    report = appeals_import(actor=author, source="fbi", content=json.dumps(document).encode())
    assert report.count(CREATED) == 1


def test_a_long_value_is_cut_to_fit_and_noted(author):
    document = {"items": [{"uid": "x2", "title": "Lee Longalias", "aliases": ["A" * 200, "B" * 200]}]}
    report = appeals_import(actor=author, source="fbi", content=json.dumps(document).encode())
    assert Appeal.objects.get().aliases.endswith("…") and len(Appeal.objects.get().aliases) == 300
    assert "aliases cut to 300 characters" in report.items[0].notes


@pytest.fixture
def image_server() -> Iterator[str]:
    drawn = io.BytesIO()
    Image.new("RGB", (240, 300), (90, 120, 160)).save(drawn, format="PNG")  # a generated image, not a photo
    png = drawn.getvalue()

    class Images(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 - the name http.server calls
            if self.path == "/casey.png":
                self.send_response(200)
                self.send_header("Content-Type", "image/png")
                self.end_headers()
                self.wfile.write(png)
            elif self.path == "/moved.png":
                self.send_response(302)
                self.send_header("Location", "/casey.png")
                self.end_headers()
            else:
                self.send_error(404)

        def log_message(self, format: str, *args: object) -> None:  # noqa: A002
            pass

    server = ThreadingHTTPServer(("127.0.0.1", IMAGE_PORT), Images)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{IMAGE_PORT}"
    server.shutdown()
    server.server_close()


def test_images_come_only_from_allowed_origins_and_a_missing_one_is_a_note(author, settings, image_server):
    settings.LOOKOUT_IMPORT_IMAGE_ORIGINS = [image_server]
    document = json.loads(FBI)
    document["items"][2]["images"] = [{"original": f"{image_server}/gone.png"}, {"large": f"{image_server}/moved.png"}]
    report = appeals_import(actor=author, source="fbi", content=json.dumps(document).encode())
    casey, jamie, robin = (Appeal.objects.get(reference=report.items[n].reference) for n in range(3))
    image = AppealImage.objects.get(appeal=casey)
    assert image.image.read()[:3] == b"\xff\xd8\xff"  # re-encoded by the image pipeline as JPEG
    assert report.items[0].notes == []
    assert report.items[1].notes == ["image skipped: the record has none"]
    assert report.items[2].notes == [
        "image 1 skipped: the server answered 404",
        "image 2 skipped: the server answered 302",
    ]
    assert not AppealImage.objects.filter(appeal__in=[jamie, robin]).exists()


def test_an_image_from_an_origin_not_listed_is_never_fetched(author, settings):
    settings.LOOKOUT_IMPORT_IMAGE_ORIGINS = []
    report = appeals_import(actor=author, source="interpol", content=INTERPOL)
    assert report.items[0].notes == [
        "image 1 skipped: its address is not on the allowed list (LOOKOUT_IMPORT_IMAGE_ORIGINS)"
    ]
    assert report.items[0].outcome == CREATED
    assert not AppealImage.objects.exists()


HOSTILE_VALUES = [None, 0, -5, True, [], {}, [None], {"a": None}, "x" * 5000, "<p><b>unclosed", 1e308, "0"]
FBI_KEYS = [
    "uid", "title", "description", "details", "caution", "warning_message", "reward_text", "aliases", "images",
    "sex", "hair", "eyes", "height_min", "height_max", "weight", "weight_min", "weight_max", "age_range",
    "age_min", "age_max", "dates_of_birth_used", "scars_and_marks", "subjects", "poster_classification", "status",
]  # fmt: skip
INTERPOL_KEYS = [
    "entity_id", "forename", "name", "date_of_birth", "nationalities", "sex_id", "height", "weight",
    "eyes_colors_id", "hairs_id", "distinguishing_marks", "arrest_warrants", "date_of_event",
    "place_of_disappearance", "_links",
]  # fmt: skip


@pytest.mark.parametrize("value", HOSTILE_VALUES, ids=repr)
def test_any_value_in_any_field_is_imported_or_skipped_never_a_crash(author, value):
    fbi = {"items": [{"uid": f"u{n}", "title": "Val Oddvalue", key: value} for n, key in enumerate(FBI_KEYS)]}
    notices = [{"entity_id": f"e{n}", "name": "Oddvalue", key: value} for n, key in enumerate(INTERPOL_KEYS)]
    for source, document in (("fbi", fbi), ("interpol", {"_embedded": {"notices": notices}})):
        report = appeals_import(actor=author, source=source, content=json.dumps(document).encode())
        assert all(item.outcome in {CREATED, SKIPPED} for item in report.items)
        assert all(item.reason for item in report.items if item.outcome == SKIPPED)
    assert set(Appeal.objects.values_list("status", flat=True)) <= {AppealStatus.DRAFT}


def test_a_deeply_nested_file_is_a_clear_error(author):
    with pytest.raises(FormatError, match="nested too deeply"):
        appeals_import(actor=author, source="fbi", content=b"[" * 200_000)
