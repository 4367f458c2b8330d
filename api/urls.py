from typing import Any

from django.http import HttpRequest, HttpResponse
from ninja import NinjaAPI
from ninja.errors import HttpError, ValidationError

from .public import router as public_router

# No interactive docs page: it would load scripts from a CDN. The OpenAPI schema is at /api/v1/openapi.json.
api = NinjaAPI(title="Lookout API", version="1", docs_url=None, urls_namespace="api")
api.add_router("/public", public_router)


@api.exception_handler(ValidationError)
def validation_error(request: HttpRequest, exc: ValidationError) -> HttpResponse:
    details: list[Any] = list(exc.errors)
    return api.create_response(
        request,
        {"error": {"code": "invalid", "message": "The request is not valid.", "details": details}},
        status=422,
    )


@api.exception_handler(HttpError)
def http_error(request: HttpRequest, exc: HttpError) -> HttpResponse:
    return api.create_response(request, {"error": {"code": "http_error", "message": str(exc)}}, status=exc.status_code)
