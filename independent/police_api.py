"""The police service's public appeals, read through its public API (GET /api/v1/public/appeals).

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
import urllib.request
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.utils.translation import get_language

from .models import WithdrawnAppeal

logger = logging.getLogger(__name__)
CACHE_KEY = "independent:appeals:list"
TIMEOUT_SECONDS = 5
FETCH_ERRORS = (urllib.error.URLError, TimeoutError, OSError, ValueError, KeyError, TypeError)


@dataclass(frozen=True)
class Appeal:
    reference: str
    kind: str
    title: str
    summary: str
    details: dict[str, str]
    caution_note: str
    offence_summary: str
    url: str  # on the police site

    @property
    def is_missing(self) -> bool:
        return self.kind == "missing"

    @property
    def is_wanted(self) -> bool:
        return self.kind == "wanted"

    @property
    def english_fields(self) -> frozenset[str]:
        """The police's own words, in English (their public API is): marked lang="en" on a page in another
        language, as the police pages mark them."""
        if (get_language() or settings.LANGUAGE_CODE).startswith("en"):
            return frozenset()
        return frozenset({"title", "summary", "caution_note", "offence_summary"})


@dataclass(frozen=True)
class AppealList:
    appeals: list[Appeal]
    available: bool  # False when there is no copy young enough to show
    stale: bool  # True when the copy shown is older than LOOKOUT_APPEALS_FRESH_SECONDS

    def find(self, reference: str) -> Appeal | None:
        wanted = reference.strip().upper()
        return next((a for a in self.appeals if a.reference == wanted), None)


def _appeal(data: dict[str, Any]) -> Appeal:
    base = settings.LOOKOUT_POLICE_PUBLIC_URL.rstrip("/")
    return Appeal(
        reference=str(data["reference"]),
        kind=str(data["kind"]),
        title=str(data["title"]),
        summary=str(data.get("summary", "")),
        details={str(k): str(v) for k, v in dict(data.get("details") or {}).items()},
        caution_note=str(data.get("caution_note", "")),
        offence_summary=str(data.get("offence_summary", "")),
        url=base + str(data.get("url", "")),
    )


def _fetch() -> list[dict[str, Any]]:
    url = settings.LOOKOUT_POLICE_API_URL.rstrip("/") + "/api/v1/public/appeals"
    request = urllib.request.Request(url, headers={"Accept": "application/json"})  # noqa: S310 - URL from settings
    with urllib.request.urlopen(request, timeout=TIMEOUT_SECONDS) as response:  # noqa: S310
        data = json.loads(response.read())
    if not isinstance(data, list):
        raise ValueError("the appeals API did not return a list")
    return data


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
