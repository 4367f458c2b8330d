"""The police service's public appeals, read through its public API (GET /api/v1/public/appeals, a page at a
time, following `next`; each answer read with the police's own shapes, partner.public_api).

The list is fetched on a schedule (`manage.py independent_appeals_refresh --every 60`), never inside a
member of the public's request: a live call made while someone is on our site would tell the police roughly
when they visited. Pages only read the cached copy, which carries the time it was fetched:
- older than LOOKOUT_APPEALS_FRESH_SECONDS: shown, marked as possibly out of date;
- older than LOOKOUT_APPEALS_MAX_AGE_SECONDS (or none at all): not shown; the pages say appeals cannot be
  shown right now and still take reports. An ended appeal cannot linger on an old copy past that bound.
Appeals the police have withdrawn (independent.models.WithdrawnAppeal, pushed over the partner channel) are
left out of every list at read time, whatever the copy says. docs/adr/0030-takedown-to-partners.md.

Only what the public API returns is used: no police model, no police database. Images are not shown: they
would load from the police site (a third-party resource).
"""

import json
import logging
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass
from typing import Any

import pydantic
from django.conf import settings
from django.core.cache import cache

from partner.public_api import AppealPageOut

from .models import WithdrawnAppeal

logger = logging.getLogger(__name__)
CACHE_KEY = "independent:appeals:list"
TIMEOUT_SECONDS = 5
FETCH_ERRORS = (urllib.error.URLError, TimeoutError, OSError, ValueError, KeyError, TypeError)
LIST_PATH = "/api/v1/public/appeals"
PAGE_SIZE = 100
# A list longer than this many pages is refused rather than read for ever (a force has hundreds of appeals).
MAX_PAGES = 50


@dataclass(frozen=True)
class Appeal:
    reference: str
    kind: str
    title: str
    summary: str
    caution_note: str
    offence_summary: str
    url: str  # on the police site

    @property
    def is_missing(self) -> bool:
        return self.kind == "missing"

    @property
    def is_wanted(self) -> bool:
        return self.kind == "wanted"


@dataclass(frozen=True)
class AppealList:
    appeals: list[Appeal]
    available: bool  # False when there is no copy young enough to show
    stale: bool  # True when the copy shown is older than LOOKOUT_APPEALS_FRESH_SECONDS

    def find(self, reference: str) -> Appeal | None:
        wanted = reference.strip().upper()
        return next((a for a in self.appeals if a.reference == wanted), None)


def _on_police_site(url: str) -> str:
    """The page's address on the police public site (the API may be reached by an internal address)."""
    parts = urllib.parse.urlsplit(url)
    path = parts.path + (f"?{parts.query}" if parts.query else "")
    return settings.LOOKOUT_POLICE_PUBLIC_URL.rstrip("/") + path


def _appeal(data: dict[str, Any]) -> Appeal:
    return Appeal(
        reference=str(data["reference"]),
        kind=str(data["kind"]),
        title=str(data["title"]),
        summary=str(data.get("summary") or ""),
        caution_note=str(data.get("caution") or ""),
        offence_summary=str(data.get("offence_summary") or ""),
        url=_on_police_site(str(data.get("url") or "")),
    )


def _get(path_and_query: str) -> AppealPageOut:
    url = settings.LOOKOUT_POLICE_API_URL.rstrip("/") + path_and_query
    request = urllib.request.Request(url, headers={"Accept": "application/json"})  # noqa: S310 - URL from settings
    with urllib.request.urlopen(request, timeout=TIMEOUT_SECONDS) as response:  # noqa: S310
        data = json.loads(response.read())
    try:
        return AppealPageOut.model_validate(data)
    except pydantic.ValidationError as exc:
        raise ValueError("the appeals API answered in a shape we do not know") from exc


def _fetch() -> list[dict[str, Any]]:
    """Every current appeal, page by page. `next` is followed by its path only, on the API address we were
    given, so an answer cannot send us elsewhere."""
    raw: list[dict[str, Any]] = []
    path: str | None = f"{LIST_PATH}?{urllib.parse.urlencode({'page_size': PAGE_SIZE})}"
    pages = 0
    while path is not None:
        if pages == MAX_PAGES:
            raise ValueError(f"the appeals list is longer than {MAX_PAGES} pages")
        page = _get(path)
        pages += 1
        raw += [item.model_dump(mode="json") for item in page.items]
        following = urllib.parse.urlsplit(page.next) if page.next else None
        if following is not None and following.path != LIST_PATH:
            raise ValueError("the appeals API's next page is not a page of appeals")
        path = f"{following.path}?{following.query}" if following else None
    return raw


def list_is_showable(age_seconds: float) -> bool:
    """A copy of the police list may be shown only while it is younger than LOOKOUT_APPEALS_MAX_AGE_SECONDS:
    past that, an appeal that has ended could still be on it."""
    return 0 <= age_seconds <= settings.LOOKOUT_APPEALS_MAX_AGE_SECONDS


def _withdrawn(references: list[str]) -> set[str]:
    return set(WithdrawnAppeal.objects.filter(reference__in=references).values_list("reference", flat=True))


def _without_withdrawn(raw: list[dict[str, Any]]) -> list[dict[str, Any]]:
    gone = _withdrawn([str(item.get("reference", "")) for item in raw])
    return [item for item in raw if str(item.get("reference", "")) not in gone]


def appeals_store(raw: list[dict[str, Any]], *, fetched_at: float) -> None:
    """Keep a copy of the list (withdrawn appeals left out). The cache entry expires at the maximum age too,
    so even a reader that skipped the age check could not show an older copy."""
    entry = {"fetched_at": fetched_at, "appeals": _without_withdrawn(raw)}
    remaining = settings.LOOKOUT_APPEALS_MAX_AGE_SECONDS - (time.time() - fetched_at)
    if remaining > 0:
        cache.set(CACHE_KEY, entry, timeout=int(remaining) + 1)


def appeals_refresh() -> bool:
    """Fetch the list from the police API and keep it. Called on a schedule only (never from a request).
    On failure the copy already kept stays until it is too old to show."""
    fetched_at = time.time()
    try:
        raw = _fetch()
        [_appeal(item) for item in raw]  # refuse a list we cannot read before keeping it
    except FETCH_ERRORS as exc:
        logger.warning("Police appeals API unavailable (%s): keeping the copy we have", type(exc).__name__)
        return False
    appeals_store(raw, fetched_at=fetched_at)
    return True


def appeals_forget(reference: str) -> None:
    """Drop one appeal from the kept copy at once (after a withdrawal). Readers also leave it out, so a
    refresh racing with this cannot bring it back."""
    entry = cache.get(CACHE_KEY)
    if entry is not None:
        raw = [item for item in entry["appeals"] if str(item.get("reference", "")) != reference]
        appeals_store(raw, fetched_at=float(entry["fetched_at"]))


def police_appeals() -> AppealList:
    """The current public appeals as far as we know: the kept copy, if young enough, less withdrawn ones.
    Reads the cache and the database only; never calls the police service."""
    entry = cache.get(CACHE_KEY)
    if entry is None:
        return AppealList(appeals=[], available=False, stale=True)
    age = time.time() - float(entry["fetched_at"])
    if not list_is_showable(age):
        return AppealList(appeals=[], available=False, stale=True)
    appeals = [_appeal(item) for item in _without_withdrawn(list(entry["appeals"]))]
    return AppealList(appeals=appeals, available=True, stale=age > settings.LOOKOUT_APPEALS_FRESH_SECONDS)


def appeal_withdrawn(reference: str) -> bool:
    """The police have told us this appeal has ended."""
    return WithdrawnAppeal.objects.filter(reference=reference.strip().upper()).exists()
