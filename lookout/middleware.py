"""Request/response middleware that keeps the public anonymous and the back office uncached."""

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse

# The request headers the apps need; every other header is dropped. An allow-list, because the headers that
# identify a device or a network path (User-Agent, Referer, X-Forwarded-For, client hints, a CDN's own
# "True-Client-IP"...) are an open set. Kept: routing (Host; X-Forwarded-Proto behind the TLS proxy), content
# negotiation and conditional/range requests for static files (whitenoise), the staff session and CSRF
# (Cookie, X-CSRFToken), the same-origin check of the cookie-less public forms (Origin, Sec-Fetch-Site/Mode,
# docs/adr/0006) and the partner channel's signature (partner.signing).
KEPT_HEADERS = frozenset(
    {
        "HTTP_HOST",
        "HTTP_X_FORWARDED_PROTO",
        "HTTP_ACCEPT",
        "HTTP_ACCEPT_ENCODING",
        "HTTP_IF_MODIFIED_SINCE",
        "HTTP_IF_NONE_MATCH",
        "HTTP_IF_MATCH",
        "HTTP_IF_UNMODIFIED_SINCE",
        "HTTP_RANGE",
        "HTTP_IF_RANGE",
        "HTTP_COOKIE",
        "HTTP_X_CSRFTOKEN",
        "HTTP_ORIGIN",
        "HTTP_SEC_FETCH_SITE",
        "HTTP_SEC_FETCH_MODE",
        "HTTP_X_LOOKOUT_KEY_ID",
        "HTTP_X_LOOKOUT_TIMESTAMP",
        "HTTP_X_LOOKOUT_NONCE",
        "HTTP_X_LOOKOUT_SIGNATURE",
    }
)
# Keys of the WSGI environ (not headers) that say who or where the client is: its port and host name, and
# the server's socket (whose peer is the client).
CLIENT_ENVIRON = ("REMOTE_PORT", "REMOTE_HOST", "gunicorn.socket")
FORGOTTEN_ADDRESS = "0.0.0.0"  # noqa: S104 - a placeholder value, not a bind address


class ForgetClientMiddleware:
    """Remove the client's address and every request header the apps do not need, before anything else runs.

    Anonymity is a property of the code's shape: what a view never receives it can never store or log.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        meta = request.META
        meta["REMOTE_ADDR"] = FORGOTTEN_ADDRESS
        for key in [k for k in meta if (k.startswith("HTTP_") and k not in KEPT_HEADERS) or k in CLIENT_ENVIRON]:
            del meta[key]
        request.__dict__.pop("headers", None)  # request.headers is cached from META on first use
        return self.get_response(request)


class SecurityHeadersMiddleware:
    """Headers Django does not set itself; the signed-in area's pages, and any page for someone signed in, are
    never stored by a browser or proxy. Each service names its own area (independent.middleware)."""

    private_area = "/staff/"

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        response.setdefault("Permissions-Policy", "camera=(), microphone=(), geolocation=(), interest-cohort=()")
        response.setdefault("Cross-Origin-Resource-Policy", "same-origin")
        user = getattr(request, "user", None)
        if request.path.startswith(self.private_area) or (user is not None and user.is_authenticated):
            response["Cache-Control"] = "no-store, max-age=0"
            response["Pragma"] = "no-cache"
        return response
