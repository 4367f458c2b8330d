"""Actions for units: the list, one action's page, and each step that moves an action on (allocate, complete,
result, refer back, reissue, file)."""

from collections.abc import Callable
from typing import Any

from django import forms
from django.contrib import messages
from django.http import HttpRequest, HttpResponse, QueryDict
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST, require_safe

from accounts.decorators import View, acting_user, staff_passes
from accounts.roles import AnyUser

from .. import permissions, selectors, services
from ..forms import AllocateForm, CompleteForm, ReferBackForm, ReissueForm, ResultForm
from ..models import Action, ActionStatus
from ..rules import RuleViolation
from .forms import form_apply


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
        "can_close_appeal": action.appeal is not None and action.appeal.is_public,
    }
    return render(request, "intelligence/staff/action.html", context, status=status)


@staff_passes(permissions.can_see_actions)
@require_safe
def action_detail(request: HttpRequest, pk: int) -> HttpResponse:
    return _action_page(request, _visible_action(request, pk))


def _action_step(
    form_name: str,
    bind: Callable[[QueryDict, Action], forms.Form],
    service: Callable[..., Action],
    done: str,
    *,
    allowed: Callable[[AnyUser], bool] = permissions.can_work_actions,
) -> View:
    """The POST view of one step on an action's page: its form (bound to the posted data), the service that
    takes the form's fields, and the message shown when it is done; the page again with the form if not."""

    @staff_passes(allowed)
    @require_POST
    def step(request: HttpRequest, pk: int) -> HttpResponse:
        user = acting_user(request)
        action = _visible_action(request, pk)
        form = bind(request.POST, action)
        ok, _ = form_apply(form, lambda data: service(action=action, actor=user, **data))
        if ok:
            messages.success(request, done)
            return redirect("intelligence_staff:action", pk)
        return _action_page(request, action, status=400, **{form_name: form})

    return step


def _form_of(form_class: type[forms.Form]) -> Callable[[QueryDict, Action], forms.Form]:
    return lambda data, _action: form_class(data)


def _allocate_form(data: QueryDict, action: Action) -> forms.Form:
    """Allocation offers the officers of the action's unit."""
    return AllocateForm(data, unit_id=action.unit_id)


action_allocate = _action_step("allocate_form", _allocate_form, services.action_allocate, "Allocated.")
action_complete = _action_step(
    "complete_form", _form_of(CompleteForm), services.action_complete, "Marked as completed."
)
action_result = _action_step("result_form", _form_of(ResultForm), services.action_result, "Result recorded.")
action_refer_back = _action_step(
    "refer_form", _form_of(ReferBackForm), services.action_refer_back, "Referred back to the desk."
)
# The desk, not the unit, sends a referred-back action out again.
action_reissue = _action_step(
    "reissue_form", _form_of(ReissueForm), services.action_reissue, "Sent out again.", allowed=permissions.can_work_desk
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
