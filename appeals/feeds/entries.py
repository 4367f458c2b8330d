"""What a feed holds: the filter a reader asked for, the newest public appeals that match it, each as an entry
of released information only, and the validators (ETag, Last-Modified) that let readers skip an unchanged feed."""

import hashlib
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.http import HttpRequest, QueryDict
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext

from ..models import AppealKind
from ..pagination import page_number
from ..selectors import PublicAppeal, public_appeal_page, public_last_change

# A feed page carries this many appeals, newest first; later pages are linked (RFC 5005 paged feeds: rel=next).
FEED_LIMIT = 50
# HTTP dates have whole seconds, so a change in the same second as the last one would look "not modified" to a
# reader that sends only If-Modified-Since. A feed names its Last-Modified only once its newest change is this old;
# until then readers revalidate by ETag alone (which is exact), and a takedown is never answered with a 304.
LAST_MODIFIED_SETTLE = timedelta(seconds=2)


class UnknownKind(ValueError):
    """The reader asked for a kind of appeal that does not exist."""


@dataclass(frozen=True)
class FeedFilter:
    kind: str = ""
    area: str = ""
    page: int = 1

    @classmethod
    def from_query(cls, query: QueryDict) -> "FeedFilter":
        """Raises UnknownKind, or NoSuchPage for a page that is not a whole number from 1."""
        kind = query.get("kind", "").strip().lower()
        if kind and kind not in AppealKind.values:
            raise UnknownKind(kind)
        return cls(kind=kind, area=" ".join(query.get("area", "").split())[:100], page=page_number(query.get("page")))


@dataclass(frozen=True)
class Entry:
    """One appeal in a feed, with absolute URLs: released information only."""

    reference: str
    kind: str
    title: str
    summary: str
    text: str
    url: str
    report_url: str
    image_url: str
    image_alt: str
    areas: tuple[str, ...]
    published: datetime | None
    modified: datetime | None

    @property
    def tags(self) -> list[str]:
        return [self.kind, *self.areas]


@dataclass(frozen=True)
class Feed:
    filter: FeedFilter
    entries: list[Entry]
    total: int
    limit: int
    etag: str
    num_pages: int
    newest: datetime | None  # the newest change the feed reflects
    last_modified: datetime | None  # the same, once settled (LAST_MODIFIED_SETTLE)

    @property
    def truncated(self) -> bool:
        return self.total > len(self.entries)

    @property
    def page(self) -> int:
        return self.filter.page


def released_text(appeal: PublicAppeal) -> str:
    """The entry's text, in the order the appeal's page shows it: only what the assessment released."""
    lines = [appeal.summary_line]
    lines += [part for part in (appeal.description, appeal.offence_summary, appeal.vulnerability) if part]
    lines += [f"{label}: {value}" for label, value in appeal.details.items()]
    if not appeal.is_missing:
        lines.append(" ".join([gettext("Do not approach or confront them."), appeal.caution_note]).strip())
    lines.append(gettext("If you see them now, call 999."))
    return "\n".join(lines)


def _entry(request: HttpRequest, appeal: PublicAppeal) -> Entry:
    image = appeal.images[0] if appeal.images else None
    return Entry(
        reference=appeal.reference,
        kind=appeal.kind,
        title=appeal.title,
        summary=appeal.summary_line,
        text=released_text(appeal),
        url=request.build_absolute_uri(appeal.url),
        report_url=request.build_absolute_uri(reverse("reporting:appeal_start", args=[appeal.reference])),
        image_url=request.build_absolute_uri(image.url) if image else "",
        image_alt=image.alt if image else "",
        areas=appeal.areas,
        published=appeal.published_at,
        modified=appeal.modified_at,
    )


def _etag(fmt: str, wanted: FeedFilter, appeals: list[PublicAppeal], last_change: datetime | None) -> str:
    stamp = [fmt, wanted.kind, wanted.area.casefold(), str(wanted.page), str(last_change)]
    stamp += [f"{a.reference}@{a.modified_at}" for a in appeals]
    return '"' + hashlib.sha256("\n".join(stamp).encode()).hexdigest()[:32] + '"'


def build_feed(request: HttpRequest, fmt: str, wanted: FeedFilter) -> Feed:
    """One page of FEED_LIMIT public appeals matching the filter, newest first: one slice from the database (the
    unfiltered pages cached and purged with the rest), whatever the number of appeals. NoSuchPage past the last
    page."""
    page = public_appeal_page(wanted.page, kind=wanted.kind, area=wanted.area, per_page=FEED_LIMIT)
    shown = page.items
    last_change = public_last_change()
    dates = [d for d in [last_change, *(a.modified_at for a in shown)] if d is not None]
    newest = max(dates) if dates else None
    settled = newest is not None and newest <= timezone.now() - LAST_MODIFIED_SETTLE
    return Feed(
        filter=wanted,
        entries=[_entry(request, a) for a in shown],
        total=page.count,
        limit=FEED_LIMIT,
        etag=_etag(fmt, wanted, shown, last_change),
        num_pages=page.num_pages,
        newest=newest,
        last_modified=newest if settled else None,
    )
