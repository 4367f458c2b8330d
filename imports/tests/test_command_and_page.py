"""`manage.py appeals_import` and the staff page: the same import, every skip shown with its reason, clear
errors for a file that cannot be read, and only appeal authors allowed."""

import io
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.core.management.base import CommandError
from django.test import Client

from accounts.roles import Role
from accounts.tests.factories import PASSWORD, UnitFactory, make_staff
from appeals.models import Appeal, AppealStatus

pytestmark = pytest.mark.django_db

FILES = Path(__file__).parent / "files"


def run(*args: str) -> str:
    out = io.StringIO()
    call_command("appeals_import", *args, stdout=out)
    return out.getvalue()


def test_the_command_imports_and_reports_every_item():
    author = make_staff(Role.AUTHOR)
    output = run("--format", "fbi", str(FILES / "fbi_wanted.json"), "--author", author.username)
    lines = output.splitlines()
    first = Appeal.objects.get(author=author, subject_name="Casey Inventedson")
    assert lines[0] == f"Created: item 1 (F1C7E0A2B3D44E5F8A9B0C1D2E3F4A5B) -> {first.reference}"
    assert "Skipped: item 4: no uid: cannot tell it from other records" in lines
    assert (
        "Skipped: item 5 (1234ABCD1234ABCD1234ABCD1234ABCD): status at source is 'captured': no longer sought" in lines
    )
    assert "    note: image skipped: the record has none" in lines
    assert lines[-1] == "8 records: 3 created as drafts, 0 updated, 5 skipped."
    again = run("--format", "fbi", str(FILES / "fbi_wanted.json"), "--author", author.username)
    assert again.splitlines()[-1] == "8 records: 0 created as drafts, 0 updated, 8 skipped."
    assert f"already imported as {first.reference}, unchanged since" in again
    assert Appeal.objects.count() == 3


def test_a_dry_run_changes_nothing_and_says_so():
    author = make_staff(Role.AUTHOR)
    unit = UnitFactory(code="fugitives")
    output = run(
        "--format",
        "interpol",
        str(FILES / "interpol_notices.json"),
        "--author",
        author.username,
        "--unit",
        "fugitives",
        "--dry-run",
    )
    assert (
        output.splitlines()[-1]
        == "Dry run, nothing changed. 5 records: 2 would be created as drafts, 0 would be updated, 3 skipped."
    )
    assert not Appeal.objects.exists()
    run(
        "--format", "interpol", str(FILES / "interpol_notices.json"), "--author", author.username, "--unit", "fugitives"
    )
    assert set(Appeal.objects.values_list("owning_unit", flat=True)) == {unit.pk}


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--format", "interpol", str(FILES / "fbi_wanted.json")], "use --format fbi"),
        (["--format", "fbi", str(FILES / "interpol_notices.json")], "use --format interpol"),
        (["--format", "fbi", str(FILES / "missing.json")], "Cannot read"),
        (["--format", "fbi", str(FILES / "fbi_wanted.json"), "--unit", "nope"], "No unit with code 'nope'"),
    ],
)
def test_the_command_fails_with_a_clear_message(args, message):
    author = make_staff(Role.AUTHOR)
    with pytest.raises(CommandError, match=message):
        run(*args, "--author", author.username)
    assert not Appeal.objects.exists()


def test_the_command_refuses_malformed_json_and_a_wrong_format_flag(tmp_path):
    author = make_staff(Role.AUTHOR)
    broken = tmp_path / "broken.json"
    broken.write_text('{"items": [')
    with pytest.raises(CommandError, match=r"The file is not valid JSON \(Expecting value at line 1, column 12\)"):
        run("--format", "fbi", str(broken), "--author", author.username)
    with pytest.raises(CommandError, match="invalid choice: 'cia'"):
        run("--format", "cia", str(broken), "--author", author.username)


def test_the_command_refuses_a_user_who_may_not_create_appeals():
    analyst = make_staff(Role.ANALYST)
    with pytest.raises(CommandError, match="may not import appeals"):
        run("--format", "fbi", str(FILES / "fbi_wanted.json"), "--author", analyst.username)
    with pytest.raises(CommandError, match="No staff account 'ghost'"):
        run("--format", "fbi", str(FILES / "fbi_wanted.json"), "--author", "ghost")


def signed_in(user) -> Client:
    client = Client()
    assert client.login(username=user.username, password=PASSWORD)
    return client


def upload(client: Client, name: str, source: str, **extra: object):
    content = (FILES / name).read_bytes() if (FILES / name).exists() else name.encode()
    data = {"source": source, "file": SimpleUploadedFile("export.json", content), **extra}
    return client.post("/staff/imports/", data)


def test_an_author_imports_on_the_staff_page_and_sees_each_item():
    author = make_staff(Role.AUTHOR)
    client = signed_in(author)
    page = client.get("/staff/imports/")
    assert page.status_code == 200 and "Import appeals from another agency" in page.content.decode()
    response = upload(client, "interpol_notices.json", "interpol", unit=author.profile.unit.pk)
    html = response.content.decode()
    assert response.status_code == 200
    assert "5 records: 2 created as drafts, 0 updated, 3 skipped." in html
    assert "no entity_id: cannot tell it from other notices" in html
    assert "the same record as item 1 (ids are compared without / or -)" in html
    assert "image 1 skipped: its address is not on the allowed list" in html
    for appeal in Appeal.objects.all():
        assert appeal.status == AppealStatus.DRAFT
        assert f'href="/staff/appeals/{appeal.reference}/"' in html
    again = upload(client, "interpol_notices.json", "interpol", unit=author.profile.unit.pk).content.decode()
    assert "5 records: 0 created as drafts, 0 updated, 5 skipped." in again
    assert Appeal.objects.count() == 2


def test_the_staff_page_dry_run_changes_nothing():
    author = make_staff(Role.AUTHOR)
    html = upload(signed_in(author), "fbi_wanted.json", "fbi", unit=author.profile.unit.pk, dry_run="on")
    assert "Nothing was changed. 8 records: 3 would be created as drafts" in html.content.decode()
    assert not Appeal.objects.exists()


@pytest.mark.parametrize(
    ("name", "source", "message"),
    [
        ('{"items": [', "fbi", "The file is not valid JSON"),
        ("fbi_wanted.json", "interpol", "use --format fbi"),
        ("interpol_notices.json", "fbi", "use --format interpol"),
        ("interpol_notices.json", "cia", "Select a valid choice"),
    ],
)
def test_the_staff_page_shows_a_file_it_cannot_read_as_an_error(name, source, message):
    author = make_staff(Role.AUTHOR)
    response = upload(signed_in(author), name, source, unit=author.profile.unit.pk)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not Appeal.objects.exists()


def test_only_authors_may_use_the_staff_page():
    for role in (Role.AUTHORISER, Role.ANALYST, Role.ADMINISTRATOR, Role.AUDITOR, Role.UNIT_OFFICER):
        client = signed_in(make_staff(role))
        assert client.get("/staff/imports/").status_code == 403
        assert upload(client, "fbi_wanted.json", "fbi").status_code == 403
    assert Client().get("/staff/imports/").status_code == 302
    assert not Appeal.objects.exists()
