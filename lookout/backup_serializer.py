"""Django's JSON serialisation, with datetimes and times kept to the microsecond (DjangoJSONEncoder cuts them
to milliseconds, which would change restored rows and break the audit chain, whose hashes cover them), and
many-to-many links left to their own through tables' rows (lookout.backup dumps those too, ids included), so a
restore gives back every row as it was."""

import datetime
from typing import Any

from django.core.serializers.json import Deserializer as JSONDeserializer
from django.core.serializers.json import Serializer as JSONSerializer
from django.db.models import Field, Model

Deserializer = JSONDeserializer


class Serializer(JSONSerializer):
    def handle_field(self, obj: Model, field: Field[Any, Any]) -> None:
        value = field.value_from_object(obj)
        if isinstance(value, datetime.datetime | datetime.time):
            self._current[field.name] = value.isoformat()  # type: ignore[attr-defined]
        else:
            super().handle_field(obj, field)

    def handle_m2m_field(self, obj: Model, field: Any) -> None:
        return None  # the through table's rows are dumped as rows of their own
