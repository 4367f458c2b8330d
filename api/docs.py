"""The API's documentation as a plain page made from its own OpenAPI document, on our own host: no scripts, no
CDN, the same layout and accessibility as every public page. (django-ninja's bundled Swagger UI would need
JavaScript, and Redoc inline styles the Content-Security-Policy refuses.)"""

import json
import re
from dataclasses import dataclass, field
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from ninja import NinjaAPI
from ninja.openapi.docs import DocsBase


@dataclass(frozen=True)
class Field:
    name: str
    type: str
    required: bool
    description: str
    where: str = ""


@dataclass(frozen=True)
class Operation:
    method: str
    path: str
    summary: str
    description: str
    parameters: list[Field]
    responses: list[tuple[str, str, str]]  # status, description, schema name

    @property
    def path_parts(self) -> list[str]:
        """The path between its slashes, so the page can let a narrow screen break it there."""
        return self.path.split("/")


@dataclass(frozen=True)
class Shape:
    name: str
    description: str
    fields: list[Field] = field(default_factory=list)


def type_text(schema: dict[str, Any]) -> str:
    """How a JSON Schema reads in a table: `string (date-time)`, `list of Image`, `wanted or missing`."""
    if "$ref" in schema:
        return str(schema["$ref"]).rsplit("/", 1)[-1]
    if "enum" in schema:
        return " or ".join(str(v) for v in schema["enum"])
    if "const" in schema:
        return str(schema["const"])
    for key in ("anyOf", "oneOf", "allOf"):
        if key in schema:
            parts = [type_text(s) for s in schema[key] if s.get("type") != "null"]
            nullable = any(s.get("type") == "null" for s in schema[key])
            return " or ".join(parts) + (" (or null)" if nullable else "")
    kind = schema.get("type", "any")
    if kind == "array":
        return f"list of {type_text(schema.get('items', {}))}"
    if "format" in schema:
        return f"{kind} ({schema['format']})"
    return str(kind)


def _fields(schema: dict[str, Any]) -> list[Field]:
    required = set(schema.get("required", []))
    return [
        Field(name=name, type=type_text(prop), required=name in required, description=prop.get("description", ""))
        for name, prop in schema.get("properties", {}).items()
    ]


def _schema_name(content: dict[str, Any]) -> str:
    schema = content.get("application/json", {}).get("schema", {})
    return type_text(schema) if schema else ""


def operations(document: dict[str, Any]) -> list[Operation]:
    found = []
    for path, methods in document["paths"].items():
        for method, op in methods.items():
            parameters = [
                Field(
                    name=p["name"],
                    type=type_text(p.get("schema", {})),
                    required=bool(p.get("required")),
                    description=p.get("description", "") or p.get("schema", {}).get("description", ""),
                    where=p["in"],
                )
                for p in op.get("parameters", [])
            ]
            responses = [
                (status, answer.get("description", ""), _schema_name(answer.get("content", {})))
                for status, answer in op.get("responses", {}).items()
            ]
            found.append(
                Operation(
                    method=method.upper(),
                    path=path,
                    summary=op.get("summary", ""),
                    description=op.get("description", ""),
                    parameters=parameters,
                    responses=responses,
                )
            )
    return found


def _refs(value: Any) -> set[str]:
    return set(re.findall(r"#/components/schemas/([\w.-]+)", json.dumps(value)))


def shapes(document: dict[str, Any], paths_prefix: str) -> list[Shape]:
    """The schemas the operations under paths_prefix use, directly or through another schema."""
    schemas = document.get("components", {}).get("schemas", {})
    wanted = _refs({p: ops for p, ops in document["paths"].items() if p.startswith(paths_prefix)})
    while more := _refs([schemas[name] for name in wanted if name in schemas]) - wanted:
        wanted |= more
    return [
        Shape(name=name, description=schema.get("description", ""), fields=_fields(schema))
        for name, schema in schemas.items()
        if name in wanted
    ]


class SchemaPage(DocsBase):
    """django-ninja's docs hook (NinjaAPI(docs=...)), answering with our own page instead of Swagger UI."""

    def __init__(self, paths_prefix: str) -> None:
        # Only the operations under this prefix are documented (the partner channel is not for the public).
        self.paths_prefix = paths_prefix

    def render_page(self, request: HttpRequest, api: NinjaAPI, **kwargs: Any) -> HttpResponse:
        document = api.get_openapi_schema()
        public = [op for op in operations(document) if op.path.startswith(self.paths_prefix)]
        context = {
            "api_title": document["info"]["title"],
            "api_version": document["info"]["version"],
            "openapi_url": self.get_openapi_url(api, kwargs),
            "operations": public,
            "shapes": shapes(document, self.paths_prefix),
        }
        return render(request, "api/docs.html", context)
