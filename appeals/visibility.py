"""A rule about which appeals qualify (public, ended, ever public), written once as lookups on the appeal's own
fields, with everything else derived from it: the filter on appeals, the same filter through a relation (an image
is public because its appeal is, as Read the Docs' RelatedProjectQuerySetBase.public() does it), and the check on
one appeal already loaded. The rules themselves are in appeals.models; appeals/tests/test_visibility.py checks
that the query and the check agree for every status."""

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from django.db.models import Model, Q

# The lookups an instance can be checked against without a query.
_CHECKABLE = {"exact", "isnull"}


@dataclass(frozen=True)
class AppealRule:
    """Field lookups on an appeal (exact values, or `<field>__isnull`) that all hold."""

    lookups: Mapping[str, Any]

    def __post_init__(self) -> None:
        for lookup in self.lookups:
            field, _, kind = lookup.partition("__")
            if "__" in kind or (kind or "exact") not in _CHECKABLE:
                raise ValueError(f"{lookup}: a rule uses only exact or isnull lookups, so one appeal can be checked")

    def q(self, via: str = "") -> Q:
        """The rule as a filter on appeals or, through `via` (e.g. "appeal"), on the rows that belong to one."""
        prefix = f"{via}__" if via else ""
        return Q(**{f"{prefix}{lookup}": value for lookup, value in self.lookups.items()})

    def holds_for(self, appeal: Model) -> bool:
        """The same rule on one appeal already loaded, without a query."""
        return all(_holds(appeal, lookup, value) for lookup, value in self.lookups.items())


def _holds(appeal: Model, lookup: str, value: Any) -> bool:
    field, _, kind = lookup.partition("__")
    current = getattr(appeal, field)
    if kind == "isnull":
        return (current is None) is bool(value)
    return bool(current == value)
