"""ForgetClientMiddleware keeps an allow-list of request headers: whatever a client (or a proxy in front)
adds that the apps do not need never reaches a view, a log handler or an error report."""

import socket

from django.http import HttpRequest, HttpResponse
from django.test import RequestFactory

from lookout.middleware import ForgetClientMiddleware
from partner import signing


def _seen_by_view(**meta: object) -> dict[str, object]:
    seen: dict[str, object] = {}

    def view(request: HttpRequest) -> HttpResponse:
        seen.update(request.META)
        return HttpResponse("ok")

    ForgetClientMiddleware(view)(RequestFactory().get("/", **meta))
    return seen


def test_a_made_up_header_never_reaches_a_view() -> None:
    seen = _seen_by_view(
        HTTP_X_MADE_UP_PROBE="MadeUpValue7",
        HTTP_X_CLIENT_FINGERPRINT="fp-123",
        HTTP_ACCEPT_LANGUAGE="cy-GB,cy;q=0.9",
        HTTP_X_ORIGINATING_IP="203.0.113.5",
        HTTP_X_CLUSTER_CLIENT_IP="203.0.113.6",
        HTTP_FASTLY_CLIENT_IP="203.0.113.7",
        HTTP_VIA="1.1 proxy.example.net",
        REMOTE_PORT="53211",
        REMOTE_HOST="client.example.net",
    )
    flat = repr(seen)
    for needle in ("MadeUpValue7", "fp-123", "cy-GB", "203.0.113.", "proxy.example.net", "53211", "client.example"):
        assert needle not in flat
    assert seen["REMOTE_ADDR"] == "0.0.0.0"  # noqa: S104 - the placeholder Django expects to find


def test_the_server_socket_is_not_handed_to_the_app() -> None:
    with socket.socket() as sock:
        seen = _seen_by_view(**{"gunicorn.socket": sock})
    assert "gunicorn.socket" not in seen


def test_headers_the_apps_need_are_kept() -> None:
    kept = {
        "HTTP_HOST": "testserver",
        "HTTP_ACCEPT": "text/html",
        "HTTP_ACCEPT_ENCODING": "gzip, br",
        "HTTP_COOKIE": "sessionid=abc",
        "HTTP_ORIGIN": "null",
        "HTTP_SEC_FETCH_SITE": "same-origin",
        "HTTP_X_CSRFTOKEN": "t",
        "HTTP_IF_NONE_MATCH": '"etag"',
        "HTTP_X_FORWARDED_PROTO": "https",
        **{
            "HTTP_" + name.upper().replace("-", "_"): "v"
            for name in signing.sign(key=b"k", key_id="k1", method="POST", path="/", body=b"")
        },
    }
    seen = _seen_by_view(**kept)
    assert {key: seen.get(key) for key in kept} == kept
    assert seen["PATH_INFO"] == "/" and seen["REQUEST_METHOD"] == "GET"
