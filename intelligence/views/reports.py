"""One report on the desk: what enrichment found, grading, dissemination to a unit, and deciding the
suggested links to appeals."""

from collections.abc import Callable
from typing import Any

from django import forms
from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST, require_safe

from accounts.decorators import acting_user, staff_passes
from reporting import services as reporting_services
from reporting.models import InformationReport

from .. import permissions, selectors, services
from ..enrichment import decisions
from ..forms import DisseminateForm, GradingForm, GroupSplitForm, LinkDecisionForm
from ..models import Link, LinkDecision
from .forms import form_apply


def _desk_report(pk: int) -> InformationReport:
    report = selectors.desk_report(pk)
    if report is None:
        raise Http404
    return report


def _link_prefix(link: Link) -> str:
    return f"link-{link.pk}"


def _link_form(link: Link, data: Any = None) -> LinkDecisionForm:
    """Each suggestion has its own form on the page, so each needs its own field names and ids."""
    return LinkDecisionForm(data, prefix=_link_prefix(link))


def _report_page(request: HttpRequest, report: Any, status: int = 200, **forms_: Any) -> HttpResponse:
    found = selectors.desk_enrichment(report)
    bound = forms_.get("link_form")
    context = {
        "report": report,
        "enrichment": found,
        "link_form": bound,
        "link_rows": [
            (link, bound if bound is not None and bound.prefix == _link_prefix(link) else _link_form(link))
            for link in found.links
        ],
        "timeline": selectors.timelines([report])[report.pk],
        "grading": next(iter(report.gradings.all()), None),
        "grading_form": forms_.get("grading_form") or GradingForm(),
        "disseminate_form": forms_.get("disseminate_form") or DisseminateForm(),
        "split_form": forms_.get("split_form") or GroupSplitForm(),
        "can_share": report.appeal is not None,
    }
    return render(request, "intelligence/staff/report.html", context, status=status)


def _report_post(
    request: HttpRequest,
    pk: int,
    form_name: str,
    form: forms.Form,
    call: Callable[[InformationReport, dict[str, Any]], Any],
    done: Callable[[Any], str],
) -> HttpResponse:
    """A form on the report's page: on success a message and back to the page, else the page with the form."""
    report = _desk_report(pk)
    ok, result = form_apply(form, lambda data: call(report, data))
    if ok:
        messages.success(request, done(result))
        return redirect("intelligence_staff:report", report.pk)
    return _report_page(request, report, status=400, **{form_name: form})


@staff_passes(permissions.can_work_desk)
@require_safe
def report_desk(request: HttpRequest, pk: int) -> HttpResponse:
    report = _desk_report(pk)
    reporting_services.report_viewed(report=report, actor=acting_user(request), page="desk")
    return _report_page(request, report)


@staff_passes(permissions.can_work_desk)
@require_POST
def report_grade(request: HttpRequest, pk: int) -> HttpResponse:
    user = acting_user(request)
    return _report_post(
        request,
        pk,
        "grading_form",
        GradingForm(request.POST),
        lambda report, data: services.grading_add(report=report, actor=user, **data),
        lambda _grading: "Graded.",
    )


@staff_passes(permissions.can_work_desk)
@require_POST
def report_split(request: HttpRequest, pk: int) -> HttpResponse:
    """ "Not the same": take the report out of its group of similar reports."""
    user = acting_user(request)
    return _report_post(
        request,
        pk,
        "split_form",
        GroupSplitForm(request.POST),
        lambda report, data: decisions.group_split(report=report, actor=user, note=data["note"]),
        lambda split: f"Report {split.report_id} taken out of the group: it is not the same.",
    )


@staff_passes(permissions.can_work_desk)
@require_POST
def report_disseminate(request: HttpRequest, pk: int) -> HttpResponse:
    user = acting_user(request)
    form = DisseminateForm(request.POST)
    return _report_post(
        request,
        pk,
        "disseminate_form",
        form,
        lambda report, data: services.action_disseminate(
            report=report,
            actor=user,
            unit=data["unit"],
            officer=data["officer"],
            instruction=data["instruction"],
            priority=data["priority"],
            due_at=form.due_at(),
        ),
        lambda action: f"Action {action.pk} sent to {action.unit}.",
    )


@staff_passes(permissions.can_work_desk)
@require_POST
def link_decide(request: HttpRequest, pk: int, link_pk: int) -> HttpResponse:
    """Confirm or reject a suggestion that the report is about an appeal."""
    report = _desk_report(pk)
    link = get_object_or_404(Link, pk=link_pk, report=report)
    form = _link_form(link, request.POST)
    if form.is_valid():
        decisions.link_decide(
            link=link,
            actor=acting_user(request),
            decision=form.cleaned_data["decision"],
            note=form.cleaned_data["note"],
        )
        word = "confirmed" if form.cleaned_data["decision"] == LinkDecision.CONFIRMED else "rejected"
        messages.success(request, f"Link to appeal {link.appeal.reference} {word}.")
        return redirect("intelligence_staff:report", report.pk)
    return _report_page(request, report, status=400, link_form=form)
