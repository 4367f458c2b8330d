"""Back office (first part): the inbox of reports, one report with its files and messages, and the audited
reveals of contact details and original files. The intelligence issue turns this into the triage desk."""

from typing import Any

from django.contrib import messages
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST, require_safe

from accounts.decorators import acting_user, staff_passes

from .. import permissions, services
from ..forms import JustificationForm, OutcomeForm, StaffQuestionForm, StatusForm
from ..models import Attachment, InformationReport
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
        "status_form": StatusForm(initial={"status": report.status}),
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


@staff_passes(permissions.can_read_reports)
@require_POST
def report_question(request: HttpRequest, pk: int) -> HttpResponse:
    report = _report(pk)
    form = StaffQuestionForm(request.POST)
    if not form.is_valid():
        form.fresh_token()
        return _detail(request, report, status=400, question_form=form)
    services.report_question_send(
        report=report, actor=acting_user(request), body=form.cleaned_data["body"], token=form.cleaned_data["token"]
    )
    messages.success(request, "Question sent. The person sees it when they come back with their receipt code.")
    return redirect("reporting_staff:detail", report.pk)


@staff_passes(permissions.can_read_reports)
@require_POST
def report_status(request: HttpRequest, pk: int) -> HttpResponse:
    report = _report(pk)
    form = StatusForm(request.POST)
    if not form.is_valid():
        return _detail(request, report, status=400, status_form=form)
    services.report_status_set(report=report, actor=acting_user(request), status=form.cleaned_data["status"])
    messages.success(request, "Status changed.")
    return redirect("reporting_staff:detail", report.pk)


@staff_passes(permissions.can_read_reports)
@require_POST
def report_outcome(request: HttpRequest, pk: int) -> HttpResponse:
    report = _report(pk)
    form = OutcomeForm(request.POST)
    if not report.partner_reference:
        raise Http404
    if not form.is_valid():
        return _detail(request, report, status=400, outcome_form=form)
    services.report_outcome_record(report=report, actor=acting_user(request), outcome=form.cleaned_data["outcome"])
    messages.success(request, "Outcome recorded and sent to the independent service.")
    return redirect("reporting_staff:detail", report.pk)


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
