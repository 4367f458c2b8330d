"""The desk's inbox (filtered, similar reports collapsed) and information recorded from other routes (phone,
e-mail, in person) through the public's guided questions."""

from typing import Any

from django.db.models import Prefetch
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_safe

from accounts.decorators import acting_user, staff_passes
from reporting import services as reporting_services

from .. import permissions, selectors
from ..forms import InboxFilterForm, RecordForm
from ..models import EntityKind, Mention


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
