"""The police service's public appeals, read through its public API (GET /api/v1/public/appeals).

The list is cached for LOOKOUT_APPEALS_FRESH_SECONDS. The last good list is also kept without expiry, so
when the police service is down the charity's pages still show it (marked as possibly out of date), or a
plain message when there has never been one. Only what the public API returns is used: no police model,
no police database. Images are not shown: they would load from the police site (a third-party resource).
"""

import json
import logging
import urllib.error
import urllib.request
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.core.cache import cache

logger = logging.getLogger(__name__)
FRESH_KEY = "independent:appeals:fresh"
LAST_GOOD_KEY = "independent:appeals:last-good"
TIMEOUT_SECONDS = 3


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


@dataclass(frozen=True)
class AppealList:
    appeals: list[Appeal]
    available: bool  # False when the police service could not be reached and no list was ever fetched
    stale: bool  # True when the list shown is the last good one, not a fresh one

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


def police_appeals() -> AppealList:
    """Current public appeals: fresh from the cache, else from the API, else the last good list."""
    raw = cache.get(FRESH_KEY)
    if raw is None:
        try:
            raw = _fetch()
            [_appeal(item) for item in raw]  # refuse a list we cannot read before keeping it
        except (urllib.error.URLError, TimeoutError, OSError, ValueError, KeyError, TypeError) as exc:
            logger.warning("Police appeals API unavailable (%s): using the last good list", type(exc).__name__)
            last = cache.get(LAST_GOOD_KEY)
            if last is None:
                return AppealList(appeals=[], available=False, stale=True)
            return AppealList(appeals=[_appeal(item) for item in last], available=True, stale=True)
        cache.set(FRESH_KEY, raw, timeout=settings.LOOKOUT_APPEALS_FRESH_SECONDS)
        cache.set(LAST_GOOD_KEY, raw, timeout=None)
    return AppealList(appeals=[_appeal(item) for item in raw], available=True, stale=False)
