"""How both services' APIs refuse a request: one structured error (partner.messages.ErrorOut), never a page
or a traceback. A refused signature is a 401 saying why (unsigned, bad signature, stale, replay); a body that
does not fit its schema is a 422 with the validation errors."""

from typing import Any

from django.http import HttpRequest, HttpResponse
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, ValidationError

from .messages import error


def add_error_handlers(api: NinjaAPI) -> None:
    @api.exception_handler(AuthenticationError)
    def refused(request: HttpRequest, exc: AuthenticationError) -> HttpResponse:
        # partner.auth.PartnerSignature leaves the reason on the request.
        reason = getattr(request, "partner_refusal", None)
        code = getattr(reason, "code", "unsigned")
        message = getattr(reason, "message", "The request is not signed.")
        return api.create_response(request, error(code, message), status=401)

    @api.exception_handler(ValidationError)
    def invalid(request: HttpRequest, exc: ValidationError) -> HttpResponse:
        details: list[Any] = list(exc.errors)
        return api.create_response(request, error("invalid", "The request is not valid.", details=details), status=422)
