"""The feed views: parse the filter, build the feed, answer 304 if the reader has it already."""

from collections.abc import Callable

from django.http import Http404, HttpRequest, HttpResponse, HttpResponsePermanentRedirect, JsonResponse
from django.urls import reverse
from django.utils.cache import get_conditional_response
from django.utils.http import http_date
from django.views.decorators.http import require_safe

from lookout import http_cache

from ..models import AppealKind
from ..pagination import NoSuchPage
from .entries import Feed, FeedFilter, UnknownKind, build_feed
from .formats import atom_document, json_document

ATOM_TYPE = "application/atom+xml; charset=utf-8"
JSON_FEED_TYPE = "application/feed+json; charset=utf-8"
Writer = Callable[..., bytes]


def _validators(response: HttpResponse, feed: Feed) -> HttpResponse:
    response["ETag"] = feed.etag
    if feed.last_modified:
        response["Last-Modified"] = http_date(feed.last_modified.timestamp())
    # As every public page (lookout.http_cache): browsers revalidate with the ETag, shared caches keep it a second.
    return http_cache.public(response)


def _page_url(request: HttpRequest) -> Callable[[int], str]:
    def page_url(number: int) -> str:
        query = request.GET.copy()
        query.pop("page", None)
        if number > 1:
            query["page"] = str(number)
        return request.build_absolute_uri(request.path + (f"?{query.urlencode()}" if query else ""))

    return page_url


def _serve(request: HttpRequest, fmt: str, write: Writer, content_type: str) -> HttpResponse:
    try:
        feed = build_feed(request, fmt, FeedFilter.from_query(request.GET))
    except NoSuchPage as error:
        raise Http404("There is no such page of this feed.") from error
    last_modified = int(feed.last_modified.timestamp()) if feed.last_modified else None
    not_modified = get_conditional_response(request, etag=feed.etag, last_modified=last_modified)
    if not_modified is not None:
        return _validators(not_modified, feed)
    home_url = request.build_absolute_uri(reverse("appeals:list"))
    body = write(feed, home_url=home_url, feed_url=request.build_absolute_uri(), page_url=_page_url(request))
    return _validators(HttpResponse(body, content_type=content_type), feed)


def _unknown_kind(kind: str) -> str:
    return f"Unknown kind {kind[:20]!r}: use one of {', '.join(AppealKind.values)}, or leave it out."


@require_safe
def atom_feed(request: HttpRequest) -> HttpResponse:
    try:
        return _serve(request, "atom", atom_document, ATOM_TYPE)
    except UnknownKind as error:
        return HttpResponse(_unknown_kind(str(error)), status=400, content_type="text/plain; charset=utf-8")


@require_safe
def json_feed(request: HttpRequest) -> HttpResponse:
    try:
        return _serve(request, "json", json_document, JSON_FEED_TYPE)
    except UnknownKind as error:
        body = {"error": {"code": "unknown_kind", "message": _unknown_kind(str(error)), "allowed": AppealKind.values}}
        return JsonResponse(body, status=400)


@require_safe
def old_feed(request: HttpRequest) -> HttpResponsePermanentRedirect:
    """The feed's first address, kept for readers that have it: 301 to the Atom feed, query string and all."""
    query = request.META.get("QUERY_STRING", "")
    return HttpResponsePermanentRedirect(reverse("appeals:feed_atom") + (f"?{query}" if query else ""))
