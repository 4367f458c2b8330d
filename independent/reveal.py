"""The one way to read what a reporter wrote: the operator pages call these, each read is audited with who
read it and on which page (docs/adr/0031-charity-time-and-sealing.md). Nothing else opens a sealed value
except forwarding, which reads the files the operator chose to send."""

from dataclasses import dataclass, field

from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied
from django.db import transaction

from audit.services import audit_record
from reportkit.questions import QUESTION_FIELDS

from .models import AnonymousReport, CleanFile
from .sealing import sealed_open, sealed_open_json
from .services import is_operator


def _require_operator(actor: User) -> None:
    if not is_operator(actor):
        raise PermissionDenied("Only the charity's operators may read a report.")


@dataclass(frozen=True)
class RawReport:
    """The reporter's own answers (empty once erased) and every follow-up answer not yet sent, by id."""

    answers: dict[str, str]
    erased: bool
    follow_up_answers: dict[int, str] = field(default_factory=dict)


def report_reveal(*, report: AnonymousReport, actor: User, page: str) -> RawReport:
    """Open the reporter's words for an operator, audited (who, and which page asked)."""
    _require_operator(actor)
    with transaction.atomic():
        answers = dict.fromkeys(QUESTION_FIELDS, "")
        if report.sealed_answers is not None:
            answers.update(sealed_open_json(report.sealed_answers))
        follow_up_answers = {
            row.pk: sealed_open(row.sealed_answer).decode()
            for follow_up in report.follow_ups.all()
            for row in follow_up.answers.all()
            if row.sealed_answer is not None
        }
        audit_record(
            actor=actor,
            action="anonymous_report.raw_read",
            target=report,
            detail={"page": page, "answers": len(follow_up_answers)},
        )
    return RawReport(answers=answers, erased=report.sealed_answers is None, follow_up_answers=follow_up_answers)


def file_reveal(*, record: CleanFile, actor: User) -> bytes:
    """Open one cleaned file for an operator, audited."""
    _require_operator(actor)
    with transaction.atomic():
        with record.clean_file.open("rb") as handle:
            data = sealed_open(handle.read())
        audit_record(
            actor=actor,
            action="anonymous_report.file_read",
            target=record.report,
            detail={"file": str(record.public_id)},
        )
    return data
