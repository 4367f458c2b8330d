"""Hostile uploads on the police forms (issue 9, suite): every file of the generated corpus is refused with a
clear message or stored only as a clean re-encoded copy without metadata; the site answers normally after."""

import io

import pytest
from django.test import Client

from appeals.tests.factories import published
from reporting.models import Attachment, InformationReport
from reportkit.formtoken import form_token_new
from tests.hostile_corpus import CLEANED, Hostile, assert_clean_copy, assert_refused_or_taken, corpus

# The public forms take posts from our own pages only (reportkit.views.same_origin).
SAME_ORIGIN = {"HTTP_SEC_FETCH_SITE": "same-origin"}

pytestmark = pytest.mark.django_db

CORPUS = corpus()


def _file(item: Hostile) -> io.BytesIO:
    buffer = io.BytesIO(item.data)
    buffer.name = item.name
    return buffer


def _form(files: list[io.BytesIO]) -> dict[str, object]:
    return {
        "token": form_token_new("report"),
        "details": "He drives a green van",
        "acquaintance": "of_them",
        "attachments": files,
    }


@pytest.mark.parametrize("item", CORPUS, ids=[item.label for item in CORPUS])
def test_each_hostile_file_is_refused_clearly_or_kept_only_clean(item: Hostile):
    appeal = published()
    client = Client(raise_request_exception=False, **SAME_ORIGIN)
    response = client.post(f"/appeals/{appeal.reference}/report/form/", _form([_file(item)]))
    if not assert_refused_or_taken(item, response):
        assert not InformationReport.objects.exists()
        return
    with Attachment.objects.get().clean_file.open("rb") as handle:
        assert_clean_copy(handle.read())


def test_six_files_at_once_are_refused_and_the_site_still_answers():
    appeal = published()
    client = Client(raise_request_exception=False, **SAME_ORIGIN)
    photos = [item for item in CORPUS if item.expect == CLEANED]
    html = client.post(
        f"/appeals/{appeal.reference}/report/form/", _form([_file(photos[i % len(photos)]) for i in range(6)])
    ).content.decode()
    assert "Choose 5 files or fewer" in html and not InformationReport.objects.exists()
    assert client.get(f"/appeals/{appeal.reference}/").status_code == 200
