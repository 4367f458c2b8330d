"""Form fields for numbers that name database rows: bounded before they reach the database.

A number too large for a 64-bit column (`?group=99999999999999999999`) makes SQLite raise OverflowError and
PostgreSQL a DataError, which Django's own IntegerField and ModelChoiceField let through as a server error.
Every form field that takes a row's id is one of these, so the bound lives in one place (issue 9, item 8).
"""

from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.db import models

DATABASE_ID_MAX = 2**63 - 1  # the largest value of a BigAutoField on PostgreSQL and SQLite


def database_id(value: object) -> int | None:
    """The row id a value names, or None when it cannot name one: only whole numbers from 1 to 2**63 - 1."""
    text = str(value).strip()
    if not text.isdigit() or not text.isascii() or len(text) > len(str(DATABASE_ID_MAX)):
        return None
    number = int(text)
    return number if 1 <= number <= DATABASE_ID_MAX else None


def _integer_keyed(field: forms.ModelChoiceField) -> bool:
    key = field.queryset.model._meta.pk if field.to_field_name is None else None  # type: ignore[union-attr]
    return isinstance(key, models.AutoField | models.BigAutoField | models.IntegerField)


class DatabaseIdField(forms.IntegerField):
    """An integer that must fit the database: from 1 to 2**63 - 1."""

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("min_value", 1)
        kwargs.setdefault("max_value", DATABASE_ID_MAX)
        super().__init__(**kwargs)


class BoundedModelChoiceField(forms.ModelChoiceField):
    """A ModelChoiceField whose value is checked to be a possible id before the database is asked."""

    def to_python(self, value: Any) -> Any:
        if value not in self.empty_values and _integer_keyed(self) and database_id(value) is None:
            raise ValidationError(self.error_messages["invalid_choice"], code="invalid_choice")
        return super().to_python(value)


class BoundedModelMultipleChoiceField(forms.ModelMultipleChoiceField):
    """The same check for each value of a multiple choice."""

    def _check_values(self, value: Any) -> Any:
        if _integer_keyed(self):
            for item in value if isinstance(value, list | tuple | set | frozenset) else [value]:
                if database_id(item) is None:
                    raise ValidationError(
                        self.error_messages["invalid_choice"], code="invalid_choice", params={"value": item}
                    )
        return super()._check_values(value)  # type: ignore[misc]  # Django has it; the stubs do not
