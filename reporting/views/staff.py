"""Back office (first part): the inbox of reports, one report with its files and messages, and the audited
reveals of contact details and original files. The intelligence issue turns this into the triage desk."""

from collections.abc import Callable
from typing import Any

from django import forms
from django.contrib import messages
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST, require_safe

from accounts.decorators import View, acting_user, staff_passes

from .. import permissions, services
from ..forms import JustificationForm, OutcomeForm, StaffQuestionForm, StatusForm, TokenMixin
from ..models import Attachment, InformationReport
from ..rules import ReportStatusMoveRefused
from ..selectors import staff_report, staff_reports


def _report(pk: int) -> InformationReport:
    report = staff_report(pk)
    if report is None:
        raise Http404
    return report


def _detail(request: HttpRequest, report: InformationReport, status: int = 200, **extra: Any) -> HttpResponse:
    context = {
        "report": report,
        "question_form": StaffQuestionForm(),
        "status_form": StatusForm(initial={"status": report.status}, current=report.status),
        "reveal_form": JustificationForm(),
        "can_reveal": permissions.can_reveal(acting_user(request)),
        "has_contact": hasattr(report, "contact"),
        "outcome_form": OutcomeForm(initial={"outcome": report.partner_outcome or None}),
        **extra,
    }
    return render(request, "reporting/staff/detail.html", context, status=status)


@staff_passes(permissions.can_read_reports)
@require_safe
def report_list(request: HttpRequest) -> HttpResponse:
    return render(request, "reporting/staff/list.html", {"reports": staff_reports()[:200]})


@staff_passes(permissions.can_read_reports)
@require_safe
def report_detail(request: HttpRequest, pk: int) -> HttpResponse:
    report = _report(pk)
    services.report_viewed(report=report, actor=acting_user(request), page="report")
    return _detail(request, report)


def _report_step(
    form_name: str,
    form_class: type[forms.Form],
    service: Callable[..., object],
    done: str,
    *,
    forwarded_only: bool = False,
) -> View:
    """The POST view of a form on the report's page: valid, the service takes the form's fields and the page
    comes back with `done`; not, the page again with the form's errors (and a fresh token if it has one)."""

    @staff_passes(permissions.can_read_reports)
    @require_POST
    def step(request: HttpRequest, pk: int) -> HttpResponse:
        report = _report(pk)
        if forwarded_only and not report.partner_reference:
            raise Http404
        form = form_class(request.POST)
        if not form.is_valid():
            if isinstance(form, TokenMixin):
                form.fresh_token()
            return _detail(request, report, status=400, **{form_name: form})
        try:
            service(report=report, actor=acting_user(request), **form.cleaned_data)
        except ReportStatusMoveRefused as refused:  # e.g. a page left open while a colleague moved the report
            form.add_error("status" if "status" in form.fields else None, str(refused))
            return _detail(request, _report(pk), status=400, **{form_name: form})
        messages.success(request, done)
        return redirect("reporting_staff:detail", report.pk)

    return step


report_question = _report_step(
    "question_form",
    StaffQuestionForm,
    services.report_question_send,
    "Question sent. The person sees it when they come back with their receipt code.",
)
report_status = _report_step("status_form", StatusForm, services.report_status_set, "Status changed.")
# Outcomes go back only to the independent service, for the reports it forwarded.
report_outcome = _report_step(
    "outcome_form",
    OutcomeForm,
    services.report_outcome_record,
    "Outcome recorded and sent to the independent service.",
    forwarded_only=True,
)


@staff_passes(permissions.can_reveal)
@require_POST
def contact_reveal(request: HttpRequest, pk: int) -> HttpResponse:
    report = _report(pk)
    form = JustificationForm(request.POST)
    if not form.is_valid():
        return _detail(request, report, status=400, reveal_form=form)
    contact = services.contact_reveal(
        report=report, actor=acting_user(request), justification=form.cleaned_data["justification"]
    )
    return _detail(request, report, revealed=contact, revealed_shown=True)


def _attachment(pk: int, public_id: str) -> Attachment:
    return get_object_or_404(Attachment.objects.select_related("report"), report_id=pk, public_id=public_id)


@staff_passes(permissions.can_read_reports)
@require_safe
def attachment_file(request: HttpRequest, pk: int, public_id: str) -> HttpResponseBase:
    """The cleaned copy (no metadata). Text is sent as a download so a browser never renders it as a page."""
    attachment = _attachment(pk, public_id)
    response = FileResponse(attachment.clean_file.open("rb"), content_type=attachment.content_type)
    if attachment.kind != "image":
        response["Content-Disposition"] = f'attachment; filename="report-{pk}-{attachment.public_id}.txt"'
    return response


@staff_passes(permissions.can_reveal)
@require_POST
def attachment_original(request: HttpRequest, pk: int, public_id: str) -> HttpResponseBase:
    attachment = _attachment(pk, public_id)
    form = JustificationForm(request.POST)
    if not form.is_valid():
        messages.error(request, "Say why you need to open the original file.")
        return redirect("reporting_staff:detail", pk)
    data, content_type = services.attachment_original_reveal(
        attachment=attachment, actor=acting_user(request), justification=form.cleaned_data["justification"]
    )
    response = HttpResponse(data, content_type=content_type or "application/octet-stream")
    response["Content-Disposition"] = f'attachment; filename="original-{attachment.public_id}"'
    return response
