"""Request metrics are labelled by route name and a fixed set of methods: never a path, a query or a client."""

from django.test import RequestFactory
from prometheus_client import REGISTRY, generate_latest

from lookout.metrics import RouteMetricsMiddleware, method_label, route_label
from lookout.settings._production import with_metrics


def test_labels_come_from_the_url_configuration(client, db, settings):
    settings.MIDDLEWARE = with_metrics(settings.MIDDLEWARE)  # as production has it
    client.get("/appeals/?q=Somebody+Private", HTTP_USER_AGENT="MetricsProbeAgent/1")
    client.get("/no/such/page/W-SECRET/")
    text = generate_latest(REGISTRY).decode()
    assert 'route="appeals:list"' in text
    assert 'route="unmatched"' in text
    for leaked in ("Somebody", "Private", "MetricsProbeAgent", "W-SECRET", "/appeals/", "127.0.0.1"):
        assert leaked not in text


def test_a_client_cannot_invent_labels():
    assert method_label("BREW") == "other"
    assert method_label("GET") == "GET"
    assert route_label(RequestFactory().get("/anything/")) == "unmatched"


def test_the_middleware_counts_what_it_answers(rf):
    from django.http import HttpResponse

    middleware = RouteMetricsMiddleware(lambda request: HttpResponse(status=418))
    before = REGISTRY.get_sample_value(
        "lookout_http_requests_total", {"route": "unmatched", "method": "other", "status": "418"}
    )
    middleware(rf.generic("BREW", "/pot/"))
    after = REGISTRY.get_sample_value(
        "lookout_http_requests_total", {"route": "unmatched", "method": "other", "status": "418"}
    )
    assert (after or 0) == (before or 0) + 1


def test_skipped_namespaces_are_not_counted(client, db, settings):
    settings.MIDDLEWARE = with_metrics(settings.MIDDLEWARE)
    settings.LOOKOUT_METRICS_SKIP_NAMESPACES = ("appeals",)
    labels = {"route": "appeals:how_to_help", "method": "GET", "status": "200"}
    before = REGISTRY.get_sample_value("lookout_http_requests_total", labels)
    assert client.get("/how-to-help/").status_code == 200
    assert REGISTRY.get_sample_value("lookout_http_requests_total", labels) == before
