"""Request/response middleware that keeps the public anonymous and the back office uncached."""

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse

# Headers that describe the client's device, software or network path. None of them is needed to serve
# a page, so they are dropped before any view, log handler or error report can see them.
DEVICE_HEADERS = (
    "HTTP_USER_AGENT",
    "HTTP_REFERER",
    "HTTP_X_FORWARDED_FOR",
    "HTTP_X_REAL_IP",
    "HTTP_FORWARDED",
    "HTTP_CF_CONNECTING_IP",
    "HTTP_TRUE_CLIENT_IP",
    "HTTP_X_CLIENT_IP",
    "HTTP_DNT",
    "HTTP_SEC_GPC",
    "REMOTE_HOST",
)
FORGOTTEN_ADDRESS = "0.0.0.0"  # noqa: S104 - a placeholder value, not a bind address


class ForgetClientMiddleware:
    """Remove the client's address and device details from every request, before anything else runs.

    Anonymity is a property of the code's shape: what a view never receives it can never store or log.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        meta = request.META
        meta["REMOTE_ADDR"] = FORGOTTEN_ADDRESS
        for key in DEVICE_HEADERS:
            meta.pop(key, None)
        for key in [k for k in meta if k.startswith("HTTP_SEC_CH_")]:
            meta.pop(key, None)
        return self.get_response(request)


class SecurityHeadersMiddleware:
    """Headers Django does not set itself; staff pages are never stored by a browser or proxy."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        response.setdefault("Permissions-Policy", "camera=(), microphone=(), geolocation=(), interest-cohort=()")
        response.setdefault("Cross-Origin-Resource-Policy", "same-origin")
        user = getattr(request, "user", None)
        if request.path.startswith("/staff/") or (user is not None and user.is_authenticated):
            response["Cache-Control"] = "no-store, max-age=0"
            response["Pragma"] = "no-cache"
        return response
