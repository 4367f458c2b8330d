"""The two feed formats, written from the same entries: Atom (RFC 4287) and JSON Feed 1.1."""

import json
from collections.abc import Callable
from datetime import datetime
from typing import Any

from django.conf import settings
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed, rfc3339_date
from django.utils.translation import gettext
from django.utils.xmlutils import SimplerXMLGenerator

from .entries import Entry, Feed

JSON_FEED_VERSION = "https://jsonfeed.org/version/1.1"
PageUrl = Callable[[int], str]


def page_links(feed: Feed, page_url: PageUrl) -> dict[str, str]:
    """RFC 5005 paged-feed links: first and last always, previous and next where there is one."""
    links = {"first": page_url(1), "last": page_url(feed.num_pages)}
    if feed.page > 1:
        links["previous"] = page_url(feed.page - 1)
    if feed.page < feed.num_pages:
        links["next"] = page_url(feed.page + 1)
    return links


def feed_title(feed: Feed) -> str:
    # In the language of the feed's address, like the pages (/cy/appeals/feed.atom is in Welsh).
    kinds = {"wanted": gettext("Wanted people"), "missing": gettext("Missing people")}
    kind = kinds.get(feed.filter.kind, gettext("Current appeals"))
    title = f"{settings.LOOKOUT_FORCE_NAME}: {kind}"
    # The area as the appeals spell it; what a reader typed is not echoed back.
    wanted = feed.filter.area.casefold()
    area = next((a for entry in feed.entries for a in entry.areas if a.casefold() == wanted), "")
    if area:
        return gettext("%(title)s linked to %(area)s") % {"title": title, "area": area}
    return gettext("%(title)s in the area asked for") % {"title": title} if wanted else title


def feed_description(feed: Feed) -> str:
    return gettext(
        "Current appeals for wanted and missing people, newest first, %(limit)s a page "
        "(page %(page)s of %(pages)s: %(shown)s of %(total)s shown). Closed appeals drop out at once."
    ) % {
        "limit": feed.limit,
        "page": feed.page,
        "pages": feed.num_pages,
        "shown": len(feed.entries),
        "total": feed.total,
    }


def _iso(moment: datetime | None) -> str | None:
    return timezone.localtime(moment).isoformat() if moment else None


class _AppealsAtom(Atom1Feed):
    """Django's Atom writer, with plain-text summaries and the report page and image as links."""

    last_modified: datetime | None = None
    links: dict[str, str] | None = None

    def latest_post_date(self) -> datetime:
        return self.last_modified or super().latest_post_date()

    def add_root_elements(self, handler: SimplerXMLGenerator) -> None:
        super().add_root_elements(handler)
        for rel, href in (self.links or {}).items():
            handler.addQuickElement("link", "", {"rel": rel, "href": href})

    def add_item_elements(self, handler: SimplerXMLGenerator, item: dict[str, Any]) -> None:
        entry: Entry = item["entry"]
        handler.addQuickElement("title", entry.title)
        handler.addQuickElement("link", "", {"rel": "alternate", "type": "text/html", "href": entry.url})
        handler.addQuickElement(
            "link", "", {"rel": "related", "type": "text/html", "href": entry.report_url, "title": gettext("Tell us")}
        )
        if entry.image_url:
            image = {"rel": "enclosure", "type": "image/jpeg", "href": entry.image_url, "title": entry.image_alt}
            handler.addQuickElement("link", "", image)
        handler.addQuickElement("id", entry.url)
        if entry.published:
            handler.addQuickElement("published", rfc3339_date(entry.published))
        handler.addQuickElement("updated", rfc3339_date(entry.modified or entry.published or timezone.now()))
        handler.addQuickElement("summary", entry.summary, {"type": "text"})
        handler.addQuickElement("content", entry.text, {"type": "text"})
        for tag in entry.tags:
            handler.addQuickElement("category", "", {"term": tag})


def atom_document(feed: Feed, *, home_url: str, feed_url: str, page_url: PageUrl) -> bytes:
    atom = _AppealsAtom(
        title=feed_title(feed),
        link=home_url,
        description="",
        subtitle=feed_description(feed),
        feed_url=feed_url,
        feed_guid=feed_url,
        author_name=settings.LOOKOUT_FORCE_NAME,
        language="en-GB",
    )
    atom.last_modified = feed.newest
    atom.links = page_links(feed, page_url)
    for entry in feed.entries:
        atom.add_item(title=entry.title, link=entry.url, description=entry.summary, entry=entry)
    return atom.writeString("utf-8").encode()


def _json_item(entry: Entry) -> dict[str, Any]:
    item: dict[str, Any] = {
        "id": entry.url,
        "url": entry.url,
        "title": entry.title,
        "summary": entry.summary,
        "content_text": entry.text,
        "date_published": _iso(entry.published),
        "date_modified": _iso(entry.modified),
        "tags": entry.tags,
        "_lookout": {"reference": entry.reference, "kind": entry.kind, "report_url": entry.report_url},
    }
    if entry.image_url:
        item["image"] = entry.image_url
    return {key: value for key, value in item.items() if value is not None}


def json_document(feed: Feed, *, home_url: str, feed_url: str, page_url: PageUrl) -> bytes:
    document = {
        "version": JSON_FEED_VERSION,
        "title": feed_title(feed),
        "home_page_url": home_url,
        "feed_url": feed_url,
        "description": feed_description(feed),
        "language": "en-GB",
        "authors": [{"name": settings.LOOKOUT_FORCE_NAME}],
        "items": [_json_item(entry) for entry in feed.entries],
        "_lookout": {
            "limit": feed.limit,
            "total": feed.total,
            "truncated": feed.truncated,
            "page": feed.page,
            "pages": feed.num_pages,
        },
    }
    links = page_links(feed, page_url)
    if "next" in links:
        document["next_url"] = links["next"]  # JSON Feed 1.1's own paging field
    return json.dumps(document, ensure_ascii=False, indent=1).encode()
