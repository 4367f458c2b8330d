"""Transferring or sharing an appeal with a specialist unit."""

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from accounts.decorators import acting_user, staff_passes
from appeals.permissions import appeal_for

from .. import permissions, services
from ..forms import ShareForm
from ..rules import RuleViolation


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
