from typing import Any

from django.http import HttpRequest, HttpResponse
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, HttpError, ValidationError

from partner.parser import StorableJsonParser

from .partner import router as partner_router
from .public import router as public_router

# No interactive docs page: it would load scripts from a CDN. The OpenAPI schema is at /api/v1/openapi.json.
api = NinjaAPI(title="Lookout API", version="1", docs_url=None, urls_namespace="api", parser=StorableJsonParser())
api.add_router("/public", public_router)
# Signed service-to-service endpoints for the independent service (partner.auth.PartnerSignature).
api.add_router("/partner", partner_router)


@api.exception_handler(AuthenticationError)
def partner_refused(request: HttpRequest, exc: AuthenticationError) -> HttpResponse:
    """Why a partner request was refused (unsigned, bad signature, stale, replay), as a structured error."""
    reason = getattr(request, "partner_refusal", None)
    code = getattr(reason, "code", "unsigned")
    message = getattr(reason, "message", "The request is not signed.")
    return api.create_response(request, {"error": {"code": code, "message": message}}, status=401)


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
