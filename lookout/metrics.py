"""Prometheus metrics of both services' requests, labelled by route name, method and status only: never a path
(a receipt code or a reference could be in it), a query string, an address or a user agent. The labels come
from the URL configuration and a fixed list, so a client cannot make up new ones.

Under gunicorn's several worker processes the values go to files in PROMETHEUS_MULTIPROC_DIR, and
deploy/metrics_server.py serves them on an internal loopback address only (deploy/README.md); the public
proxy never routes /metrics.
"""

import time
from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from prometheus_client import Counter, Histogram

METHODS = frozenset({"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"})

REQUESTS = Counter(
    "lookout_http_requests", "Requests answered, by route name, method and status.", ["route", "method", "status"]
)
DURATION = Histogram(
    "lookout_http_request_duration_seconds",
    "Time to answer, by route name and method.",
    ["route", "method"],
    buckets=(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0),
)


def route_label(request: HttpRequest) -> str:
    """The matched route's name ("appeals:detail"), or "unmatched" for a 404 or a request refused earlier."""
    match = getattr(request, "resolver_match", None)
    return (match.view_name or "unnamed") if match is not None else "unmatched"


def method_label(method: str | None) -> str:
    return method if method in METHODS else "other"


class RouteMetricsMiddleware:
    """Counts and times each answer, except those of the routes in LOOKOUT_METRICS_SKIP_NAMESPACES: the charity
    skips its public journey, since a counter that moves shows to the scrape interval when someone reported,
    and the charity knows the day of what a reporter does, never the time (docs/adr/0031)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response
        self.skipped = tuple(getattr(settings, "LOOKOUT_METRICS_SKIP_NAMESPACES", ()))

    def __call__(self, request: HttpRequest) -> HttpResponse:
        started = time.perf_counter()
        response = self.get_response(request)
        match = getattr(request, "resolver_match", None)
        if match is not None and match.namespace in self.skipped:
            return response
        route, method = route_label(request), method_label(request.method)
        DURATION.labels(route, method).observe(time.perf_counter() - started)
        REQUESTS.labels(route, method, str(response.status_code)).inc()
        return response
