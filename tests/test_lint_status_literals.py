"""The `make lint` check that refuses report and appeal status values written as string literals."""

import importlib.util
import subprocess
import sys
from pathlib import Path

import pytest

SCRIPT = Path(__file__).resolve().parent.parent / ".ci" / "lint_status_literals.py"
_spec = importlib.util.spec_from_file_location("lint_status_literals", SCRIPT)
assert _spec is not None and _spec.loader is not None
lint = importlib.util.module_from_spec(_spec)
sys.modules[_spec.name] = lint  # dataclasses look their module up while the class is made
_spec.loader.exec_module(lint)

BAD = """\
from django.db.models import Q

from appeals.models import Appeal


def f(report, appeal, status="draft"):
    Appeal.objects.filter(status="published")
    Appeal.objects.exclude(Q(appeal__status__in=["closed", "draft"]))
    if report.status == "received":
        report.status = "being_looked_at"
    if appeal.status in ("awaiting_authorisation",):
        pass
    defaults = {"status": "passed_to_team"}
    status: str = "closed"
    return defaults, status
"""

GOOD = """\
from appeals.models import Appeal, AppealStatus


def f(report, kind="closed"):
    Appeal.objects.filter(status=AppealStatus.PUBLISHED, kind="wanted")
    title = "published"
    if report.status == AppealStatus.CLOSED or report.kind == "closed":
        return render(None, "page.html", status=403)
    return title
"""


@pytest.fixture(scope="module")
def values() -> dict[str, tuple[str, ...]]:
    return lint.status_values()


def test_the_values_are_read_from_the_models_textchoices(values):
    assert values["published"] == ("AppealStatus.PUBLISHED",)
    assert values["closed"] == ("ReportStatus.CLOSED", "AppealStatus.CLOSED")
    assert {"received", "being_looked_at", "passed_to_team", "draft", "awaiting_authorisation"} <= set(values)


def test_every_kind_of_status_literal_is_refused_with_file_line_and_the_member_to_use(values):
    found = lint.check_source(BAD, "appeals/bad.py", values)
    assert [(v.line, v.value) for v in found] == [
        (6, "draft"),
        (7, "published"),
        (8, "closed"),
        (8, "draft"),
        (9, "received"),
        (10, "being_looked_at"),
        (11, "awaiting_authorisation"),
        (13, "passed_to_team"),
        (14, "closed"),
    ]
    assert str(found[1]) == (
        "appeals/bad.py:7: status literal 'published': use the TextChoices member (AppealStatus.PUBLISHED)"
    )


def test_members_other_fields_and_other_words_pass(values):
    assert lint.check_source(GOOD, "appeals/good.py", values) == []


def test_a_module_that_imports_no_django_keeps_its_own_values(values):
    pure = 'def link(profile, status: str = "published"):\n    return profile.status == "closed"\n'
    assert lint.check_source(pure, "intelligence/matching/linking.py", values) == []


def test_the_tree_has_no_status_literals():
    result = subprocess.run([sys.executable, str(SCRIPT)], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout


def test_the_script_fails_on_a_bad_file(tmp_path):
    bad = tmp_path / "bad.py"
    bad.write_text(BAD)
    result = subprocess.run([sys.executable, str(SCRIPT), str(bad)], capture_output=True, text=True, check=False)
    assert result.returncode == 1
    assert f"{bad}:7: status literal 'published'" in result.stdout
    assert "9 status literal(s)" in result.stdout
