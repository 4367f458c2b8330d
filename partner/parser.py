"""The JSON parser of both services' APIs: a body is refused (400, "Cannot parse request body") unless every
string in it can be stored. A lone surrogate cannot be encoded as UTF-8 and PostgreSQL refuses a NUL
character; either would otherwise reach the database and come back as a server error (issue 9, item 8)."""

import json
from typing import Any

from django.http import HttpRequest
from ninja.parser import Parser


class UnstorableText(ValueError):
    """A string in the body that no database column can hold."""


def storable(value: Any) -> None:
    """Raise UnstorableText if any string (key or value) anywhere in the parsed JSON has a NUL or a lone
    surrogate."""
    if isinstance(value, str):
        if "\x00" in value:
            raise UnstorableText("NUL character")
        try:
            value.encode("utf-8")
        except UnicodeEncodeError as exc:
            raise UnstorableText("lone surrogate") from exc
    elif isinstance(value, dict):
        for key, item in value.items():
            storable(key)
            storable(item)
    elif isinstance(value, list):
        for item in value:
            storable(item)


class StorableJsonParser(Parser):
    def parse_body(self, request: HttpRequest) -> Any:
        data = json.loads(request.body)
        storable(data)
        return data
