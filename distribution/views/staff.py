"""The back office of the ledger: recording a copy made by hand, ticking it as removed, the officer's desk."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST, require_safe

from accounts.decorators import acting_user, staff_required
from appeals.permissions import appeal_for

from .. import permissions, selectors, services
from ..forms import ManualCopyForm
from ..models import ManualCopy


@staff_required()
def copy_record(request: HttpRequest, reference: str) -> HttpResponse:
    appeal = appeal_for(acting_user(request), reference)
    if not permissions.can_record_copy(acting_user(request), appeal):
        raise PermissionDenied(permissions.REFUSE_RECORD)
    form = ManualCopyForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.manual_copy_record(appeal=appeal, actor=acting_user(request), **form.cleaned_data)
        messages.success(request, "Copy recorded. When the appeal closes it will be on your desk to take down.")
        return redirect("appeals_staff:detail", appeal.reference)
    return render(request, "distribution/staff/copy_record.html", {"appeal": appeal, "form": form})


@staff_required()
@require_POST
def copy_removed(request: HttpRequest, copy_id: int) -> HttpResponse:
    user = acting_user(request)
    copy = get_object_or_404(ManualCopy.objects.select_related("appeal"), pk=copy_id)
    appeal_for(user, copy.appeal.reference)  # 404 for an appeal they cannot see
    services.manual_copy_remove(copy=copy, actor=user)
    messages.success(request, "Ticked as removed.")
    return redirect("distribution_staff:desk")


@staff_required()
@require_safe
def desk(request: HttpRequest) -> HttpResponse:
    user = acting_user(request)
    if not permissions.can_use_desk(user):
        raise PermissionDenied("Your role does not record copies of appeals.")
    return render(request, "distribution/staff/desk.html", {"tasks": selectors.desk_tasks(user)})
