"""The intelligence desk's pages: the inbox, one report on the desk (grade, disseminate), recording
information from other routes, actions for units, sharing an appeal, the audit log and the numbers.
Views are thin: a form, one service, a page."""

from typing import Any

from django.contrib import messages
from django.db.models import Prefetch
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST, require_safe

from accounts.decorators import acting_user, staff_passes
from appeals.models import Appeal, AppealStatus
from appeals.permissions import appeal_for
from reporting import services as reporting_services

from .. import enrichment, numbers, permissions, selectors, services
from ..forms import (
    AllocateForm,
    AuditFilterForm,
    CompleteForm,
    DisseminateForm,
    GradingForm,
    InboxFilterForm,
    LinkDecisionForm,
    RecordForm,
    ReferBackForm,
    ReissueForm,
    ResultForm,
    ShareForm,
)
from ..models import Action, ActionStatus, EntityKind, Link, LinkDecision, Mention
from ..rules import RuleViolation


@staff_passes(permissions.can_work_desk)
@require_safe
def inbox(request: HttpRequest) -> HttpResponse:
    form = InboxFilterForm(request.GET or None)
    filters: dict[str, Any] = {}
    if form.is_bound and form.is_valid():
        unit = form.cleaned_data["unit"]
        filters = {
            "appeal_reference": form.cleaned_data["appeal"],
            "unit_id": unit.pk if unit else None,
            "status": form.cleaned_data["status"],
            "entity": form.cleaned_data["mentions"],
            "group_id": form.cleaned_data["group"],
            "collapse": not form.cleaned_data["every"],
        }
    reports = list(
        selectors.inbox(**filters).prefetch_related(
            Prefetch("mentions", queryset=Mention.objects.select_related("entity").order_by("pk"))
        )[: selectors.INBOX_LIMIT]
    )
    timelines = selectors.timelines(reports)
    rows = [
        {
            "report": r,
            "timeline": timelines[r.pk],
            "grading": next(iter(r.gradings.all()), None),
            "entities": [m.entity for m in r.mentions.all() if m.entity.kind != EntityKind.PERSON][:4],
        }
        for r in reports
    ]
    context = {
        "rows": rows,
        "filter_form": form,
        "entity_label": selectors.entity_label(filters["entity"]) if filters.get("entity") else "",
        "group_id": filters.get("group_id"),
    }
    return render(request, "intelligence/staff/inbox.html", context, status=400 if form.errors else 200)


def _desk_report(pk: int) -> Any:
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
        "can_share": report.appeal is not None,
    }
    return render(request, "intelligence/staff/report.html", context, status=status)


@staff_passes(permissions.can_work_desk)
@require_safe
def report_desk(request: HttpRequest, pk: int) -> HttpResponse:
    report = _desk_report(pk)
    reporting_services.report_viewed(report=report, actor=acting_user(request), page="desk")
    return _report_page(request, report)


@staff_passes(permissions.can_work_desk)
@require_POST
def report_grade(request: HttpRequest, pk: int) -> HttpResponse:
    report = _desk_report(pk)
    form = GradingForm(request.POST)
    if form.is_valid():
        try:
            services.grading_add(report=report, actor=acting_user(request), **form.cleaned_data)
        except RuleViolation as exc:
            field = exc.code if exc.code in form.fields else None
            form.add_error(field, exc.message)
        else:
            messages.success(request, "Graded.")
            return redirect("intelligence_staff:report", report.pk)
    return _report_page(request, report, status=400, grading_form=form)


@staff_passes(permissions.can_work_desk)
@require_POST
def report_disseminate(request: HttpRequest, pk: int) -> HttpResponse:
    report = _desk_report(pk)
    form = DisseminateForm(request.POST)
    if form.is_valid():
        try:
            action = services.action_disseminate(
                report=report,
                actor=acting_user(request),
                unit=form.cleaned_data["unit"],
                officer=form.cleaned_data["officer"],
                instruction=form.cleaned_data["instruction"],
                priority=form.cleaned_data["priority"],
                due_at=form.due_at(),
            )
        except RuleViolation as exc:
            form.add_error(exc.code if exc.code in form.fields else None, exc.message)
        else:
            messages.success(request, f"Action {action.pk} sent to {action.unit}.")
            return redirect("intelligence_staff:report", report.pk)
    return _report_page(request, report, status=400, disseminate_form=form)


@staff_passes(permissions.can_work_desk)
@require_POST
def link_decide(request: HttpRequest, pk: int, link_pk: int) -> HttpResponse:
    """Confirm or reject a suggestion that the report is about an appeal."""
    report = _desk_report(pk)
    link = get_object_or_404(Link, pk=link_pk, report=report)
    form = _link_form(link, request.POST)
    if form.is_valid():
        enrichment.link_decide(
            link=link,
            actor=acting_user(request),
            decision=form.cleaned_data["decision"],
            note=form.cleaned_data["note"],
        )
        word = "confirmed" if form.cleaned_data["decision"] == LinkDecision.CONFIRMED else "rejected"
        messages.success(request, f"Link to appeal {link.appeal.reference} {word}.")
        return redirect("intelligence_staff:report", report.pk)
    return _report_page(request, report, status=400, link_form=form)


@staff_passes(permissions.can_work_desk)
def report_record(request: HttpRequest) -> HttpResponse:
    """Information received by phone, e-mail or in person, through the same guided questions as the web."""
    form = RecordForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        submitted = reporting_services.report_submit(
            token=form.cleaned_data["token"],
            appeal=form.cleaned_data["appeal"],
            answers=form.question_answers(),
            crime_category="" if form.cleaned_data["appeal"] else "other",
            urgent=form.cleaned_data["urgent"],
            contact=form.contact(),
            channel=form.cleaned_data["channel"],
            recorded_by=acting_user(request),
        )
        return render(
            request,
            "intelligence/staff/recorded.html",
            {"report": submitted.report, "receipt_code": submitted.receipt_code},
        )
    form.fresh_token()
    return render(
        request,
        "intelligence/staff/record.html",
        {"form": form, "token": form["token"].value()},
        status=400 if form.is_bound else 200,
    )


@staff_passes(permissions.can_see_actions)
@require_safe
def action_list(request: HttpRequest) -> HttpResponse:
    user = acting_user(request)
    actions = selectors.actions_visible_to(user).order_by("due_at", "pk")
    show = request.GET.get("show", "open")
    if show != "all":
        actions = actions.exclude(status=ActionStatus.FILED)
    return render(
        request,
        "intelligence/staff/actions.html",
        {"actions": actions[:200], "show": show, "is_desk": permissions.can_work_desk(user)},
    )


def _visible_action(request: HttpRequest, pk: int) -> Action:
    return get_object_or_404(selectors.actions_visible_to(acting_user(request)), pk=pk)


def _action_page(request: HttpRequest, action: Action, status: int = 200, **forms_: Any) -> HttpResponse:
    user = acting_user(request)
    context = {
        "action": action,
        "can_work": permissions.can_work_action(user, action),
        "is_desk": permissions.can_work_desk(user),
        "allocate_form": forms_.get("allocate_form")
        or AllocateForm(unit_id=action.unit_id, initial={"officer": user.pk}),
        "complete_form": forms_.get("complete_form") or CompleteForm(),
        "result_form": forms_.get("result_form") or ResultForm(),
        "refer_form": forms_.get("refer_form") or ReferBackForm(),
        "reissue_form": forms_.get("reissue_form") or ReissueForm(initial={"unit": action.unit_id}),
        "can_close_appeal": action.appeal is not None and action.appeal.status == AppealStatus.PUBLISHED,
    }
    return render(request, "intelligence/staff/action.html", context, status=status)


@staff_passes(permissions.can_see_actions)
@require_safe
def action_detail(request: HttpRequest, pk: int) -> HttpResponse:
    return _action_page(request, _visible_action(request, pk))


def _action_post(request: HttpRequest, pk: int, form_name: str, form: Any, call: Any, done: str) -> HttpResponse:
    action = _visible_action(request, pk)
    if form.is_valid():
        try:
            call(action, form.cleaned_data)
        except RuleViolation as exc:
            form.add_error(exc.code if exc.code in form.fields else None, exc.message)
        else:
            messages.success(request, done)
            return redirect("intelligence_staff:action", pk)
    return _action_page(request, action, status=400, **{form_name: form})


@staff_passes(permissions.can_work_actions)
@require_POST
def action_allocate(request: HttpRequest, pk: int) -> HttpResponse:
    user = acting_user(request)
    action = _visible_action(request, pk)
    form = AllocateForm(request.POST, unit_id=action.unit_id)
    return _action_post(
        request,
        pk,
        "allocate_form",
        form,
        lambda a, data: services.action_allocate(action=a, actor=user, officer=data["officer"]),
        "Allocated.",
    )


@staff_passes(permissions.can_work_actions)
@require_POST
def action_complete(request: HttpRequest, pk: int) -> HttpResponse:
    user = acting_user(request)
    return _action_post(
        request,
        pk,
        "complete_form",
        CompleteForm(request.POST),
        lambda a, data: services.action_complete(action=a, actor=user, note=data["note"]),
        "Marked as completed.",
    )


@staff_passes(permissions.can_work_actions)
@require_POST
def action_result(request: HttpRequest, pk: int) -> HttpResponse:
    user = acting_user(request)
    return _action_post(
        request,
        pk,
        "result_form",
        ResultForm(request.POST),
        lambda a, data: services.action_result(
            action=a, actor=user, result=data["result"], appeal_outcome=data["appeal_outcome"]
        ),
        "Result recorded.",
    )


@staff_passes(permissions.can_work_actions)
@require_POST
def action_refer_back(request: HttpRequest, pk: int) -> HttpResponse:
    user = acting_user(request)
    return _action_post(
        request,
        pk,
        "refer_form",
        ReferBackForm(request.POST),
        lambda a, data: services.action_refer_back(action=a, actor=user, reason=data["reason"]),
        "Referred back to the desk.",
    )


@staff_passes(permissions.can_work_desk)
@require_POST
def action_reissue(request: HttpRequest, pk: int) -> HttpResponse:
    user = acting_user(request)
    return _action_post(
        request,
        pk,
        "reissue_form",
        ReissueForm(request.POST),
        lambda a, data: services.action_reissue(action=a, actor=user, unit=data["unit"]),
        "Sent out again.",
    )


@staff_passes(permissions.can_work_desk)
@require_POST
def action_file(request: HttpRequest, pk: int) -> HttpResponse:
    action = _visible_action(request, pk)
    try:
        services.action_file(action=action, actor=acting_user(request))
    except RuleViolation as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, "Filed.")
    return redirect("intelligence_staff:action", pk)


@staff_passes(permissions.can_share)
def appeal_share(request: HttpRequest, reference: str) -> HttpResponse:
    appeal = appeal_for(acting_user(request), reference)
    form = ShareForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.appeal_unit_share(appeal=appeal, actor=acting_user(request), **form.cleaned_data)
        except RuleViolation as exc:
            form.add_error(None, exc.message)
        else:
            messages.success(request, "Done. The unit can now see the appeal's information in the inbox.")
            return redirect("appeals_staff:detail", appeal.reference)
    return render(
        request,
        "intelligence/staff/share.html",
        {"appeal": appeal, "form": form, "shares": appeal.unit_shares.select_related("unit", "by")},
        status=400 if form.is_bound else 200,
    )


@staff_passes(permissions.can_read_audit_log)
@require_safe
def audit_log(request: HttpRequest) -> HttpResponse:
    form = AuditFilterForm(request.GET or None)
    events = selectors.audit_events()
    if form.is_bound and form.is_valid():
        record_type = form.cleaned_data["record_type"]
        record_id = form.cleaned_data["record_id"].strip()
        if record_type == "appeals.appeal" and record_id and not record_id.isdigit():
            appeal = Appeal.objects.filter(reference=record_id.upper()).first()
            record_id = str(appeal.pk) if appeal else "-"
        events = selectors.audit_events(
            person=form.cleaned_data["person"], target_type=record_type, target_id=record_id
        )
    return render(request, "intelligence/staff/audit.html", {"form": form, "events": events[:200]})


@staff_passes(permissions.can_see_numbers)
@require_safe
def force_numbers(request: HttpRequest) -> HttpResponse:
    return render(request, "intelligence/staff/numbers.html", {"numbers": numbers.force_numbers()})


@staff_passes(permissions.can_see_numbers)
@require_safe
def appeal_numbers(request: HttpRequest, reference: str) -> HttpResponse:
    appeal = appeal_for(acting_user(request), reference)
    return render(
        request, "intelligence/staff/appeal_numbers.html", {"appeal": appeal, "numbers": numbers.appeal_numbers(appeal)}
    )
