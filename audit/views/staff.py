"""The audit log viewer of the police back office: every event, filtered by who acted and what was acted on.
Who may read it is the desk's rule (intelligence.permissions.can_read_audit_log); the query is
intelligence.selectors.audit_events. One appeal's own trail is a page of the appeal (appeals/views/staff.py),
drawn with the same rows (audit/_events.html)."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_safe

from accounts.decorators import staff_passes
from appeals.models import Appeal
from intelligence import selectors
from intelligence.permissions import can_read_audit_log

from ..forms import AuditFilterForm


@staff_passes(can_read_audit_log)
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
    return render(request, "audit/staff/log.html", {"form": form, "events": events[:200]})
