"""Every public address that can show an appeal, for purging the caches in front of us when it changes or ends
(lookout.purge, docs/adr/0042-public-caching-and-takedown.md)."""

from django.urls import reverse

from lookout.http_cache import ALL_APPEALS_KEY, appeal_key

from .models import AppealImage

# Served by the API (api.public) and by the card and poster views: named here by path, as a cache names them.
API_LIST = "/api/v1/public/appeals"
CARD = "/appeals/{reference}/card.png"
POSTER = "/appeals/{reference}/poster.pdf"


def listing_paths() -> list[str]:
    """The first pages of everything that lists appeals (later pages and filtered lists are outrun by the
    one-second s-maxage)."""
    return [
        reverse("appeals:home"),
        reverse("appeals:list"),
        reverse("appeals:feed_atom"),
        reverse("appeals:feed_json"),
        API_LIST,
    ]


def appeal_paths(reference: str) -> list[str]:
    """One appeal's own surfaces: its page, each of its images in both sizes, its card, poster and API entry."""
    paths = [reverse("appeals:detail", args=[reference])]
    for public_id in AppealImage.objects.filter(appeal__reference=reference).values_list("public_id", flat=True):
        paths += [reverse("appeals:image", args=[reference, public_id, size]) for size in ("full", "thumb")]
    paths += [CARD.format(reference=reference), POSTER.format(reference=reference), f"{API_LIST}/{reference}"]
    return paths


def purge_paths(reference: str) -> list[str]:
    return [*appeal_paths(reference), *listing_paths()]


def purge_keys(reference: str) -> list[str]:
    return [appeal_key(reference), ALL_APPEALS_KEY]
