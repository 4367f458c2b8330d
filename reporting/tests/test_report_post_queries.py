"""One report post does only its own work (issue 12, ADR 0038): one transaction of inserts - the report, its
receipt and its audit event - with no read before it, no row lock, no update and no sweep over other reports.
A repeated post is found by the unique token refusing the insert; the enrichment and the audit sequencer are
queued once per window, after the commit, for every report in it. The appeal comes from the public cache and the
pages from their shells (reportkit.shells), so a surge adds nothing per report beyond these statements."""

import re

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from appeals.tests.factories import published

from .test_views_public import RECEIPT, form_data

pytestmark = pytest.mark.django_db(transaction=True)
TOKEN = re.compile(r'name="token" value="([^"]+)"')


def _statements(queries: CaptureQueriesContext) -> list[str]:
    shapes = [re.sub(r"\s+", " ", q["sql"]).split(" (")[0].split(" WHERE ")[0] for q in queries.captured_queries]
    return ["BEGIN" if s.startswith("BEGIN") else s for s in shapes]  # SQLite's is BEGIN IMMEDIATE


def test_a_report_post_is_one_transaction_of_inserts(client: Client, database_queue):
    appeal = published()
    url = f"/appeals/{appeal.reference}/report/form/"
    client.get(url)
    client.post(url, form_data())  # the first in the windows also queues the sequencer and the enrichment
    with CaptureQueriesContext(connection) as shown:
        page = client.get(url).content.decode()
    with CaptureQueriesContext(connection) as posted:
        response = client.post(url, form_data(token=TOKEN.search(page).group(1)))
    assert RECEIPT.search(response.content.decode())
    assert shown.captured_queries == []  # the blank form: its shell and the appeal come from the cache
    statements = _statements(posted)
    assert statements == [
        "BEGIN",
        'INSERT INTO "reporting_informationreport"',
        'INSERT INTO "reporting_receipt"',
        'INSERT INTO "reporting_contactdetails"',  # sealed: the form_data gives a name, phone and e-mail
        'INSERT INTO "audit_auditevent"',
        "COMMIT",
    ], statements
    assert not [q for q in posted.captured_queries if "FOR UPDATE" in q["sql"].upper()]


def test_a_closed_appeal_s_form_is_not_served_from_its_shell(client: Client, django_capture_on_commit_callbacks):
    from appeals import services as appeal_services
    from appeals.models import Outcome

    appeal = published(subject_name="Shell Person")
    url = f"/appeals/{appeal.reference}/report/form/"
    assert "Shell Person" in client.get(url).content.decode()
    appeal_services.appeal_close(appeal=appeal, actor=appeal.author, outcome=Outcome.ARRESTED, note="")
    response = client.get(url)
    assert response.status_code == 410 and "Shell Person" not in response.content.decode()


def test_every_reader_of_a_shell_gets_their_own_token_and_receipt(client: Client):
    appeal = published()
    url = f"/appeals/{appeal.reference}/report/form/"
    tokens = {TOKEN.search(client.get(url).content.decode()).group(1) for _ in range(3)}
    assert len(tokens) == 3
    receipts = {RECEIPT.search(client.post(url, form_data(token=t)).content.decode()).group(1) for t in tokens}
    assert len(receipts) == 3
    urgent = client.get(url + "?urgent=1").content.decode()
    assert (
        'name="urgent" value="True"' in urgent and 'name="urgent" value="True"' not in client.get(url).content.decode()
    )
