"""The ledger panel on the staff appeal page (appeals/staff/detail.html). A template tag rather than an import,
because appeals sits below distribution in the layers (pyproject.toml): the page composes, the apps do not."""

from typing import Any

from django import template

from appeals.models import Appeal

from .. import permissions, selectors

register = template.Library()


@register.inclusion_tag("distribution/_ledger.html", takes_context=True)
def distribution_ledger(context: dict[str, Any], appeal: Appeal) -> dict[str, Any]:
    user = context["request"].user
    if not appeal.was_public or not permissions.can_see_ledger(user, appeal):
        return {"ledger": None, "appeal": appeal}
    return {
        "ledger": selectors.ledger_for(appeal),
        "appeal": appeal,
        "can_record_copy": permissions.can_record_copy(user, appeal),
    }
