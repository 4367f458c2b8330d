"""Every surface of our own on which a published appeal appears, in one list (docs/adr/0039-distribution-ledger.md).

Each is a URL name and how to tell it is gone after closing: an address of the appeal's own must answer 410 or
404 (GONE); a list must no longer name the appeal's reference (DROPS). A surface whose URL name does not resolve
(not built yet on this deployment) is recorded as "not deployed" rather than checked. Add a surface here and the
ledger, the takedown check and the report pick it up.
"""

from dataclasses import dataclass
from enum import StrEnum

from django.urls import NoReverseMatch, reverse
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _


class Check(StrEnum):
    GONE = "gone"  # the address itself answers 410 or 404
    DROPS = "drops"  # the list answers and no longer names the reference
    CANCELLED = "cancelled"  # the CAP message is now a Cancel (or, for an appeal without one, not found)


class Args(StrEnum):
    NONE = "none"  # a list: no arguments
    REFERENCE = "reference"  # the appeal's own address
    IMAGE = "image"  # one address per released image and size


@dataclass(frozen=True)
class Surface:
    key: str
    label: str | Promise
    url_name: str
    args: Args
    check: Check


SURFACES: tuple[Surface, ...] = (
    Surface("page", _("Appeal page"), "appeals:detail", Args.REFERENCE, Check.GONE),
    Surface("images", _("Images"), "appeals:image", Args.IMAGE, Check.GONE),
    Surface("list", _("Appeals list"), "appeals:list", Args.NONE, Check.DROPS),
    Surface("feed_atom", _("Atom feed"), "appeals:feed_atom", Args.NONE, Check.DROPS),
    Surface("feed_json", _("JSON feed"), "appeals:feed_json", Args.NONE, Check.DROPS),
    Surface("api_list", _("API list"), "api:list_appeals", Args.NONE, Check.DROPS),
    Surface("api_detail", _("API detail"), "api:get_appeal", Args.REFERENCE, Check.GONE),
    Surface("cap", _("CAP alert"), "distribution:cap_message", Args.REFERENCE, Check.CANCELLED),
    Surface("card", _("Share card"), "appeals:card", Args.REFERENCE, Check.GONE),
    Surface("poster", _("Poster"), "appeals:poster", Args.REFERENCE, Check.GONE),
    Surface("embed", _("Embed for partner sites"), "embed:appeals", Args.NONE, Check.DROPS),
)
BY_KEY = {surface.key: surface for surface in SURFACES}
IMAGE_SIZES = ("thumb", "full")


def paths_for(surface: Surface, *, reference: str, image_ids: list[str]) -> list[str] | None:
    """The public paths of this surface for one appeal; None when the URL name does not resolve (not deployed)."""
    try:
        if surface.args == Args.NONE:
            return [reverse(surface.url_name)]
        if surface.args == Args.REFERENCE:
            return [reverse(surface.url_name, kwargs={"reference": reference})]
        return [
            reverse(surface.url_name, kwargs={"reference": reference, "public_id": image_id, "size": size})
            for image_id in image_ids
            for size in IMAGE_SIZES
        ]
    except NoReverseMatch:
        return None


def is_gone(surface: Surface, *, status: int, body: bytes, reference: str) -> bool:
    """The rule for "this surface no longer shows the appeal": its own address answers 410 (or 404, for an image
    or an API record that no longer resolves); a list answers 200 without the reference anywhere in it; a CAP
    message has become its Cancel."""
    if surface.check == Check.GONE:
        return status in (404, 410)
    if surface.check == Check.CANCELLED:
        return status in (404, 410) or (status == 200 and b"<msgType>Cancel</msgType>" in body)
    return status == 200 and reference.encode() not in body
