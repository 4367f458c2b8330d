"""Telling the caches in front of us to drop a takedown at once (docs/adr/0042-public-caching-and-takedown.md).

Two kinds of cache, two ways to purge:
- the proxy (nginx cache_purge, on an internal listener): one `GET {LOOKOUT_PROXY_PURGE_URL}{path}` per URL, with
  the public host (from LOOKOUT_PUBLIC_BASE_URL) as `Host`, since the proxy's cache key holds it (deploy/README.md);
  it answers 200 (purged) or 404 (it had no copy), both success;
- a CDN, by surrogate key (lookout.http_cache.surrogate_keys), through a pluggable hook: LOOKOUT_CDN_PURGE_HOOK
  names a callable `hook(keys: list[str]) -> None` that raises on failure. The default, `webhook_purge`, posts
  `{"keys": [...]}` to LOOKOUT_CDN_PURGE_URL with the shared secret in `X-Lookout-Purge-Secret` (a small
  adapter at the CDN's API, or the CDN's own webhook, does the rest); with no URL set it does nothing.

Each request has a short timeout and a few tries; a purge that still fails is logged (the path or key only,
never anything about a person) and does not stop the rest: the one-second s-maxage bounds what it missed.
"""

import json
import logging
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterable
from urllib.parse import urlsplit

from django.conf import settings
from django.utils.module_loading import import_string

logger = logging.getLogger(__name__)

PurgeHook = Callable[[list[str]], None]
SECRET_HEADER = "X-Lookout-Purge-Secret"  # noqa: S105 - a header's name, not a secret


def _attempt(what: str, send: Callable[[], None]) -> bool:
    attempts = max(1, settings.LOOKOUT_PURGE_ATTEMPTS)
    for attempt in range(1, attempts + 1):
        try:
            send()
            return True
        except Exception as error:  # noqa: BLE001 - any failure of a purge is logged and retried, never raised
            if attempt == attempts:
                logger.warning("Purge of %s failed after %d tries: %s", what, attempts, type(error).__name__)
                return False
            time.sleep(settings.LOOKOUT_PURGE_RETRY_SECONDS * attempt)
    return False


def _proxy_get(url: str, timeout: float | None = None) -> None:
    headers = {"Host": urlsplit(settings.LOOKOUT_PUBLIC_BASE_URL).netloc} if settings.LOOKOUT_PUBLIC_BASE_URL else {}
    request = urllib.request.Request(url, headers=headers, method="GET")  # noqa: S310 - an internal URL from settings
    timeout = timeout or settings.LOOKOUT_PURGE_TIMEOUT_SECONDS
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310
            response.read()
    except urllib.error.HTTPError as error:
        if error.code != 404:  # 404: the proxy held no copy of that URL, which is what we want
            raise


def proxy_purge(paths: Iterable[str]) -> list[str]:
    """Ask the proxy to drop each path; returns the paths it could not be told about."""
    base = settings.LOOKOUT_PROXY_PURGE_URL.rstrip("/")
    if not base:
        return []
    return [path for path in paths if not _attempt(path, lambda p=path: _proxy_get(base + p))]  # type: ignore[misc]


# The proxy is on an internal listener beside the app: a purge answers in about a millisecond.
QUICK_TIMEOUT_SECONDS = 0.25


def proxy_purge_now(paths: Iterable[str]) -> bool:
    """One quick pass from the process that made the change, so a takedown does not wait for the worker's next
    poll: each path once, with a short time-out, stopping at the first failure (the queued purge that follows
    tries every path again, with retries). True if every path was purged."""
    base = settings.LOOKOUT_PROXY_PURGE_URL.rstrip("/")
    for path in paths if base else []:
        try:
            _proxy_get(base + path, timeout=QUICK_TIMEOUT_SECONDS)
        except Exception as error:  # noqa: BLE001 - the queued purge retries; the change stands
            logger.info("Quick purge of %s failed (%s): left to the queued purge", path, type(error).__name__)
            return False
    return True


def webhook_purge(keys: list[str]) -> None:
    """The default CDN hook: POST {"keys": [...]} to LOOKOUT_CDN_PURGE_URL with the shared secret."""
    url = settings.LOOKOUT_CDN_PURGE_URL
    if not url:
        return
    body = json.dumps({"keys": keys}).encode()
    headers = {"Content-Type": "application/json", SECRET_HEADER: settings.LOOKOUT_CDN_PURGE_SECRET}
    request = urllib.request.Request(url, data=body, headers=headers, method="POST")  # noqa: S310
    with urllib.request.urlopen(request, timeout=settings.LOOKOUT_PURGE_TIMEOUT_SECONDS) as response:  # noqa: S310
        response.read()


def cdn_hook() -> PurgeHook | None:
    path = settings.LOOKOUT_CDN_PURGE_HOOK
    return import_string(path) if path else None


def cdn_purge(keys: list[str]) -> bool:
    """Purge the CDN by surrogate key through the configured hook; False if it still failed after its tries."""
    hook = cdn_hook()
    if hook is None or not keys:
        return True
    return _attempt("surrogate keys " + " ".join(keys), lambda: hook(keys))
