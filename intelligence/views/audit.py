"""The audit log viewer of the police back office: every event, filtered by who acted and what was acted on.
Its filter and pages are the audit app's (audit/forms.py, audit/templates/audit/); the view is here, on the
police side, because the audit app is shared with the charity's service and imports no police app (the kits'
import contract). Who may read the log: permissions.can_read_audit_log."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_safe

from accounts.decorators import staff_passes
from appeals.models import Appeal
from audit.forms import AuditFilterForm

from .. import permissions, selectors


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
    return render(request, "audit/staff/log.html", {"form": form, "events": events[:200]})
