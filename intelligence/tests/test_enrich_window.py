"""The desk's enrichment of arriving reports in production's shape (DESK_ENRICH_WINDOW_SECONDS above 0, the
database queue): the reports of a window queue one run after their commits, which enriches them all, once; with
the queue down a report is still stored and the periodic `desk_enrich` enriches it (ADR 0038, addendum)."""

from unittest import mock

import pytest
from django.core.management import call_command
from django.test import Client
from django_tasks_db.models import DBTaskResult

from appeals.tests.factories import published
from intelligence import tasks
from intelligence.models import Enrichment
from intelligence.tasks import enrich_arrived
from reporting.models import InformationReport
from reporting.tests.test_report_post_queries import TOKEN
from reporting.tests.test_views_public import RECEIPT, form_data

pytestmark = pytest.mark.django_db(transaction=True)


def test_the_reports_of_a_window_queue_one_enrichment_run_which_enriches_them_all(
    same_origin_client: Client, database_queue
):
    appeal = published()
    url = f"/appeals/{appeal.reference}/report/form/"
    for _ in range(3):
        token = TOKEN.search(same_origin_client.get(url).content.decode()).group(1)
        assert RECEIPT.search(same_origin_client.post(url, form_data(token=token)).content.decode())
    queued = list(DBTaskResult.objects.filter(task_path__endswith="enrich_arrived"))
    assert len(queued) == 1 and queued[0].run_after is not None  # due at the window's end
    assert not DBTaskResult.objects.filter(task_path__endswith="enrich_report").exists()
    assert not Enrichment.objects.exists()
    assert enrich_arrived.call() == 3
    assert Enrichment.objects.count() == InformationReport.objects.count() == 3
    assert enrich_arrived.call() == 0  # enriched once


def test_with_the_queue_down_a_report_is_stored_and_the_periodic_run_enriches_it(
    same_origin_client: Client, database_queue
):
    appeal = published()
    url = f"/appeals/{appeal.reference}/report/form/"
    token = TOKEN.search(same_origin_client.get(url).content.decode()).group(1)
    down = mock.Mock(
        using=mock.Mock(side_effect=ConnectionError("down")), enqueue=mock.Mock(side_effect=ConnectionError)
    )
    with mock.patch.object(tasks, "enrich_arrived", down):
        assert RECEIPT.search(same_origin_client.post(url, form_data(token=token)).content.decode())
    assert down.using.called
    assert InformationReport.objects.count() == 1 and not Enrichment.objects.exists()
    call_command("desk_enrich")
    assert Enrichment.objects.count() == 1
