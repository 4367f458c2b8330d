"""What the desk's POST views share: a valid form runs one service, and a rule the service refuses is shown
on the form, on the field it names when the form has one."""

from collections.abc import Callable
from typing import Any

from django import forms

from ..rules import RuleViolation


def form_apply(form: forms.Form, call: Callable[[dict[str, Any]], Any]) -> tuple[bool, Any]:
    """(True, what the service returned) when the form is valid and the service accepts it, else (False, None)
    with the refusal added to the form."""
    if not form.is_valid():
        return False, None
    try:
        return True, call(form.cleaned_data)
    except RuleViolation as exc:
        form.add_error(exc.code if exc.code in form.fields else None, exc.message)
        return False, None
