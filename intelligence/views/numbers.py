"""The force's numbers and one appeal's numbers."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_safe

from accounts.decorators import acting_user, staff_passes
from appeals.permissions import appeal_for

from .. import numbers, permissions


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
