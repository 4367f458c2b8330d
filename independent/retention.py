"""How long the charity keeps a reporter's own words (docs/adr/0031-charity-time-and-sealing.md).

Once a report is forwarded, only what was sent is kept: the sanitised version and the files the operator
forwarded. A report that is never forwarded (waiting, or held) keeps the reporter's words, sealed, for
INDEPENDENT_RAW_RETENTION_DAYS after the day it arrived; then they and its files are erased. The same for a
follow-up answer that was never sent. Each erasure is audited with the reason only.
"""

import datetime as dt

from django.conf import settings
from django.db import transaction
from django.db.models import Q

from audit.services import audit_record
from reportkit.storage import files_delete_on_commit

from .clock import charity_today
from .models import AnonymousReport, CleanFile, FollowUpAnswer, ReportState


def raw_retention_cutoff(today: dt.date | None = None) -> dt.date:
    """Rule: raw words received on or before this day, and never forwarded or sent, are erased today."""
    return (today or charity_today()) - dt.timedelta(days=settings.INDEPENDENT_RAW_RETENTION_DAYS)


def _delete_files(records: list[CleanFile]) -> None:
    names = [record.clean_file.name for record in records]
    CleanFile.objects.filter(pk__in=[record.pk for record in records]).delete()
    files_delete_on_commit(names)


def report_raw_erase(*, report: AnonymousReport, reason: str, files: list[CleanFile] | None = None) -> bool:
    """Erase the reporter's own words and the given files (those never sent). Audited with the reason and
    counts only. False when there was nothing left to erase."""
    with transaction.atomic():
        erased = AnonymousReport.objects.filter(pk=report.pk, sealed_answers__isnull=False).update(
            sealed_answers=None, raw_erased_on=charity_today()
        )
        if files:
            _delete_files(files)
        if erased or files:
            audit_record(
                actor=None,
                action="anonymous_report.raw_erased",
                target=report,
                detail={"reason": reason, "files": len(files or [])},
            )
    return bool(erased or files)


def raw_retention_sweep(*, today: dt.date | None = None) -> tuple[int, int]:
    """Erase what is past INDEPENDENT_RAW_RETENTION_DAYS: the words and files of reports never forwarded,
    and follow-up answers never sent. Returns (reports, answers) erased."""
    cutoff = raw_retention_cutoff(today)
    reports = 0
    due = (
        AnonymousReport.objects.exclude(state=ReportState.FORWARDED)
        .filter(received_on__lte=cutoff)
        .filter(Q(sealed_answers__isnull=False) | Q(files__isnull=False))
        .distinct()
    )
    for report in due:
        reports += report_raw_erase(report=report, reason="retention", files=list(report.files.all()))
    answers = 0
    for answer in FollowUpAnswer.objects.filter(
        sent_on__isnull=True, sealed_answer__isnull=False, answered_on__lte=cutoff
    ).select_related("follow_up__report"):
        with transaction.atomic():
            answers += FollowUpAnswer.objects.filter(pk=answer.pk, sent_on__isnull=True).update(sealed_answer=None)
            audit_record(
                actor=None,
                action="follow_up.answer_erased",
                target=answer.follow_up.report,
                detail={"reason": "retention", "id": answer.follow_up_id},
            )
    return reports, answers
