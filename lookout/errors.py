"""The server-error handler for both services. A database that cannot be reached (down, cut off, locked) is
not a bug in the page: the answer is 503 with a plain "not sent, please try again" (or "not available" for a
page that was only being read), never a stack trace. The failed request's transaction has already rolled back,
so nothing of a submission is kept; the receipt is shown only once it is committed."""

import sys

from django.db import InterfaceError, OperationalError
from django.http import HttpRequest, HttpResponse, HttpResponseServerError, JsonResponse
from django.template import loader

RETRY_AFTER_SECONDS = "30"


def database_unavailable(error: BaseException | None) -> bool:
    """The database could not be used at all: connection refused or lost, or (SQLite) locked too long."""
    return isinstance(error, OperationalError | InterfaceError)


def server_error(request: HttpRequest) -> HttpResponse:
    """handler500: called while the exception is being handled, so sys.exc_info() names it."""
    if not database_unavailable(sys.exc_info()[1]):
        return HttpResponseServerError(loader.render_to_string("500.html"))
    if request.path.startswith(("/api/", "/partner/")):
        response: HttpResponse = JsonResponse(
            {"error": "unavailable", "message": "The service cannot store or read data just now. Try again."},
            status=503,
        )
    else:
        sent = request.method == "POST"
        html = loader.render_to_string("503.html", {"not_sent": sent}, request=None)
        response = HttpResponse(html, status=503)
    response["Retry-After"] = RETRY_AFTER_SECONDS
    return response
