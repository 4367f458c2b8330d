"""The public page cache: a kept page is served without its view, a bump of the public version is seen by every
process on its very next request, and only what the policy allows is ever kept. On Redis (as in production) when
REDIS_URL is set, as two processes would share it; otherwise on the test cache."""

import os
from collections.abc import Iterator

import pytest
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse
from django.test import RequestFactory, override_settings

from lookout import http_cache
from lookout.cache_version import PUBLIC_VERSION_KEY, bump
from lookout.page_cache import PublicPageCacheMiddleware

REDIS_URL = os.environ.get("REDIS_URL", "")


@pytest.fixture(params=["test-cache", "redis"])
def shared_cache(request: pytest.FixtureRequest) -> Iterator[None]:
    if request.param == "redis" and not REDIS_URL:
        pytest.skip("REDIS_URL is not set (CI sets it)")
    backend = {"BACKEND": "lookout.redis_cache.KeptClientRedisCache", "LOCATION": REDIS_URL}
    caches = {"default": {**backend, "KEY_PREFIX": "lookout-test-pages"}} if request.param == "redis" else None
    if caches is None:
        yield
        return
    with override_settings(CACHES=caches):
        cache.clear()
        yield
        cache.clear()


class View:
    """A public page that counts how often it is rendered and shows which rendering it is."""

    def __init__(self, policy=http_cache.public, cookie: bool = False) -> None:
        self.renders = 0
        self.policy = policy
        self.cookie = cookie

    def __call__(self, request: HttpRequest) -> HttpResponse:
        self.renders += 1
        response = self.policy(HttpResponse(f"rendering {self.renders}"))
        if self.cookie:
            response.set_cookie("x", "1")
        return response


def get(middleware: PublicPageCacheMiddleware, path: str = "/appeals/W-AB12/", **extra: str) -> HttpResponse:
    return middleware(RequestFactory().get(path, **extra))  # type: ignore[return-value]


def test_a_bump_in_one_process_is_seen_by_another_on_its_next_request(shared_cache: None):
    view = View()
    web_a, web_b = PublicPageCacheMiddleware(view), PublicPageCacheMiddleware(view)  # two processes' copies
    assert get(web_a).content == b"rendering 1"
    assert get(web_b).content == b"rendering 1" and view.renders == 1  # from the shared cache
    assert get(web_a).content == b"rendering 1" and view.renders == 1  # from A's own memory
    bump(PUBLIC_VERSION_KEY)  # a third process closes an appeal
    assert get(web_a).content == b"rendering 2"  # A's memory is of the old version: rendered afresh
    assert get(web_b).content == b"rendering 2" and view.renders == 2


def test_only_public_pages_without_cookies_are_kept(shared_cache: None):
    for view in [View(policy=http_cache.no_store), View(policy=lambda r: r), View(cookie=True)]:
        middleware = PublicPageCacheMiddleware(view)
        get(middleware)
        get(middleware)
        assert view.renders == 2


def test_a_request_with_a_cookie_or_an_unknown_parameter_is_rendered(shared_cache: None):
    view = View()
    middleware = PublicPageCacheMiddleware(view)
    get(middleware)
    get(middleware, HTTP_COOKIE="sessionid=abc")
    get(middleware, "/appeals/W-AB12/?utm_source=tv")
    assert view.renders == 3
    get(middleware, "/appeals/W-AB12/?page=1")
    get(middleware, "/appeals/W-AB12/?page=1")
    assert view.renders == 4  # a kept parameter: its own page, kept


def test_a_kept_page_answers_a_conditional_get_with_304(shared_cache: None):
    middleware = PublicPageCacheMiddleware(View())
    first = get(middleware)
    again = get(middleware, HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304 and again["ETag"] == first["ETag"]
    assert again["Surrogate-Key"] == "appeals appeal-W-AB12"


@override_settings(LOOKOUT_PAGE_CACHE_SECONDS=0)
def test_the_page_cache_can_be_turned_off(shared_cache: None):
    view = View()
    middleware = PublicPageCacheMiddleware(view)
    get(middleware)
    response = get(middleware)
    assert view.renders == 2 and response["Cache-Control"] == http_cache.PUBLIC


def test_a_page_its_view_made_private_is_rendered_without_asking_the_shared_cache_until_the_version_moves(
    shared_cache: None,
):
    from lookout.cache_version import version
    from lookout.page_cache import StoredPage, page_key

    view = View(policy=http_cache.no_store)
    middleware = PublicPageCacheMiddleware(view)
    assert get(middleware).content == b"rendering 1"
    key = page_key(RequestFactory().get("/appeals/W-AB12/"))
    planted = StoredPage(int(version(PUBLIC_VERSION_KEY)), 200, (("Cache-Control", "public"),), b"planted")
    cache.set(key, planted)  # a copy the shared cache could hold: this process no longer asks for one
    assert get(middleware).content == b"rendering 2"
    bump(PUBLIC_VERSION_KEY)
    cache.set(key, StoredPage(int(version(PUBLIC_VERSION_KEY)), 200, (("Cache-Control", "public"),), b"planted"))
    assert get(middleware).content == b"planted"  # a new version: looked up again


def test_an_error_page_is_asked_about_again(shared_cache: None):
    from lookout.cache_version import version
    from lookout.page_cache import StoredPage, page_key

    middleware = PublicPageCacheMiddleware(lambda request: HttpResponse("down", status=503))
    get(middleware)
    key = page_key(RequestFactory().get("/appeals/W-AB12/"))
    cache.set(key, StoredPage(int(version(PUBLIC_VERSION_KEY)), 200, (("Cache-Control", "public"),), b"kept"))
    assert get(middleware).content == b"kept"
