"""The public cache policy, in one place (docs/adr/0042-public-caching-and-takedown.md).

Every public surface (pages, images, feeds, the public API) says the same thing to caches: a browser revalidates
each time (max-age=0, cheap with the ETag), a shared cache (the proxy, a CDN) may keep a copy for one second
(s-maxage=1). A takedown is therefore outrun by construction within a second, and the purge on close (appeals
purge task) makes it sooner. No stale-while-revalidate or stale-if-error on anything that shows a person: both
let a cache serve the old copy after its second is up, which is exactly the takedown we promise not to miss.

Surrogate keys (Surrogate-Key for Fastly/Varnish-style CDNs, Cache-Tag for Cloudflare-style ones) name the appeal
a response shows, so a CDN can purge one appeal's every surface by key. They are derived from the path, so a
view (or the API) needs no extra argument to carry them.
"""

import hashlib
import re
from typing import TypeVar

from django.http import HttpRequest
from django.http.response import HttpResponseBase
from django.utils.cache import get_conditional_response
from django.utils.http import parse_http_date_safe

R = TypeVar("R", bound=HttpResponseBase)

# A page that shows a person (or a list of people): browsers revalidate, shared caches keep it one second.
PUBLIC = "public, max-age=0, s-maxage=1"
# "No such appeal" may become an appeal when one is published: as brief as a page.
NOT_FOUND = PUBLIC
# "This appeal has ended" shows no one and never changes back (a closed appeal is never reopened).
GONE = "public, max-age=300, s-maxage=300"
# Forms with tokens, receipts, a reporter's own words: nobody keeps a copy.
NO_STORE = "no-store, max-age=0"

ALL_APPEALS_KEY = "appeals"
# /appeals/<ref>/..., /api/v1/public/appeals/<ref>: the reference is the path segment after "appeals/".
_APPEAL_IN_PATH = re.compile(r"/appeals/(?P<reference>[A-Za-z0-9-]{1,12})(?:/|$)")
_NOT_REFERENCES = {"feed", "feed.atom", "feed.json"}


def appeal_key(reference: str) -> str:
    return f"appeal-{reference}"


def surrogate_keys(path: str) -> list[str]:
    """The keys a CDN may purge this response by: every public response carries "appeals" (the lists and feeds
    change whenever any appeal does), and one appeal's own surfaces carry "appeal-<ref>" too."""
    keys = [ALL_APPEALS_KEY]
    found = _APPEAL_IN_PATH.search(path)
    if found and found["reference"] not in _NOT_REFERENCES:
        keys.append(appeal_key(found["reference"]))
    return keys


def _mark(response: R, policy: str) -> R:
    response["Cache-Control"] = policy
    response.headers.pop("Pragma", None)
    return response


def public(response: R) -> R:
    """A public surface that shows appeals: cacheable for a second by shared caches, revalidated by browsers."""
    return _mark(response, PUBLIC)


def gone(response: R) -> R:
    """An ended appeal's 410: cacheable (it shows no one, and it never becomes public again)."""
    return _mark(response, GONE)


def no_store(response: R) -> R:
    return _mark(response, NO_STORE)


def is_public(response: HttpResponseBase) -> bool:
    return response.get("Cache-Control", "").startswith("public")


def content_etag(content: bytes) -> str:
    return '"' + hashlib.blake2b(content, digest_size=16).hexdigest() + '"'


def finish(request: HttpRequest, response: HttpResponseBase) -> HttpResponseBase:
    """Complete a public response on its way out: a brief public policy for a 404 that has none, the surrogate
    keys, an ETag from the body when the view gave none, and 304 for a conditional GET that matches."""
    if response.status_code == 404 and "Cache-Control" not in response:
        _mark(response, NOT_FOUND)
    if not is_public(response):
        return response
    keys = surrogate_keys(request.path)
    response["Surrogate-Key"] = " ".join(keys)
    response["Cache-Tag"] = ",".join(keys)
    if response.status_code != 200 or request.method not in {"GET", "HEAD"}:
        return response
    answer = _conditional(request, response)
    answer["Surrogate-Key"], answer["Cache-Tag"] = response["Surrogate-Key"], response["Cache-Tag"]
    return answer


def _conditional(request: HttpRequest, response: HttpResponseBase) -> HttpResponseBase:
    if "ETag" not in response and not response.streaming:
        response["ETag"] = content_etag(response.content)  # type: ignore[attr-defined]
    if "ETag" not in response and "Last-Modified" not in response:
        return response
    last_modified = parse_http_date_safe(response["Last-Modified"]) if "Last-Modified" in response else None
    answer = get_conditional_response(
        request,
        etag=response.get("ETag"),
        last_modified=last_modified,
        response=response,  # type: ignore[arg-type] # any response: only its headers and status are read
    )
    stream = getattr(response, "file_to_stream", None)
    if answer is not response and stream is not None:
        stream.close()  # an image answered 304: its file is never sent (close() would signal the request's end)
    return answer if answer is not None else response
