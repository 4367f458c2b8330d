"""Reading appeals for the public. What the public may see of an appeal is decided here, once: only the
fields and images its publicity assessment releases."""

import re
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import TypeVar

from django.conf import settings
from django.db.models import Max, Prefetch, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import get_language, gettext

from .models import (
    WELSH_TEXT_FIELDS,
    Appeal,
    AppealImage,
    AppealKind,
    AppealQuerySet,
    PublicityAssessment,
    ReleasableField,
)
from .pagination import PAGE_SIZE, Page, paginate
from .public_cache import cached_public


@dataclass(frozen=True)
class PublicImage:
    url: str
    thumb_url: str
    alt: str
    width: int
    height: int


@dataclass(frozen=True)
class PublicSubject:
    """The subject's details as typed values, each None (or empty) unless the assessment releases it: for
    partners' systems (the API), where public_details is for people."""

    name: str | None = None
    aliases: tuple[str, ...] = ()
    sex: str | None = None
    age_min: int | None = None
    age_max: int | None = None
    height_cm: int | None = None
    build: str | None = None
    hair: str | None = None
    eyes: str | None = None
    distinguishing_features: str | None = None
    vehicle: str | None = None
    wanted_reason: str | None = None
    offence_category: str | None = None
    last_seen_on: date | None = None
    last_seen_place: str | None = None


@dataclass(frozen=True)
class PublicAppeal:
    """Everything the public may see of one appeal, and nothing else."""

    reference: str
    kind: str
    title: str
    summary_line: str
    details: dict[str, str]
    images: list[PublicImage] = field(default_factory=list)
    description: str = ""
    caution_note: str = ""
    offence_summary: str = ""
    vulnerability: str = ""
    reward_text: str = ""
    published_on: str = ""
    # For feeds: the released areas only (empty unless the assessment releases them), and when it was
    # published and last changed (the appeal or its assessment).
    areas: tuple[str, ...] = ()
    published_at: datetime | None = None
    modified_at: datetime | None = None
    subject: PublicSubject = field(default_factory=PublicSubject)
    # The appeal's own words shown in English on a page in another language (each such fragment is marked
    # lang="en"): the names of the fields above, and the labels of `details`.
    english_fields: frozenset[str] = frozenset()
    english_details: frozenset[str] = frozenset()

    @property
    def is_missing(self) -> bool:
        return self.kind == AppealKind.MISSING

    @property
    def url(self) -> str:
        return reverse("appeals:detail", args=[self.reference])


def _in_language(appeal: Appeal, field: str) -> str:
    """The appeal's own words in the page's language: the Welsh version on a Welsh page when the author gave
    one (it was authorised with the English), the English otherwise."""
    welsh = WELSH_TEXT_FIELDS.get(field)
    if welsh and get_language() == "cy" and getattr(appeal, welsh).strip():
        return str(getattr(appeal, welsh))
    return str(getattr(appeal, field))


def _page_is_english() -> bool:
    return (get_language() or settings.LANGUAGE_CODE).startswith("en")


def _shown_in_english(appeal: Appeal, field: str) -> bool:
    """The text of `field` is in English on a page that is not (so it is marked lang="en")."""
    if not getattr(appeal, field) or _page_is_english():
        return False
    return _in_language(appeal, field) == getattr(appeal, field)


def public_details(appeal: Appeal, released: list[str]) -> dict[str, str]:
    """Label → value for each released detail that has a value, in the order a poster would show them."""
    values: list[tuple[str, str, str]] = [
        (ReleasableField.NAME, gettext("Name"), appeal.subject_name),
        (ReleasableField.ALIASES, gettext("Also known as"), ", ".join(appeal.alias_list())),
        (ReleasableField.AGE, gettext("Age"), appeal.age_text),
        (ReleasableField.SEX, gettext("Sex"), appeal.get_sex_display() if appeal.sex else ""),
        (ReleasableField.HEIGHT, gettext("Height"), appeal.height_text),
        (ReleasableField.BUILD, gettext("Build"), appeal.get_build_display() if appeal.build else ""),
        (ReleasableField.HAIR, gettext("Hair"), appeal.hair),
        (ReleasableField.EYES, gettext("Eye colour"), appeal.eyes),
        (ReleasableField.FEATURES, gettext("Distinguishing features"), _in_language(appeal, "distinguishing_features")),
        (ReleasableField.AREAS, gettext("Areas they are linked to"), ", ".join(appeal.area_list())),
        (ReleasableField.VEHICLE, gettext("Vehicle"), appeal.vehicle),
        (ReleasableField.REASON, gettext("Wanted for"), _reason_text(appeal)),
        (ReleasableField.LAST_SEEN, gettext("Last seen"), _last_seen_text(appeal)),
    ]
    return {label: value for key, label, value in values if key in released and value}


T = TypeVar("T")


def _if_released(released: list[str], key: str, value: T | None) -> T | None:
    return value if key in released and value not in ("", None) else None


def public_subject(appeal: Appeal, released: list[str]) -> PublicSubject:
    """The released details as typed values; what is not released, or empty, is None."""
    wanted, missing = appeal.is_wanted, appeal.is_missing
    return PublicSubject(
        name=_if_released(released, ReleasableField.NAME, appeal.subject_name),
        aliases=tuple(appeal.alias_list()) if ReleasableField.ALIASES in released else (),
        sex=_if_released(released, ReleasableField.SEX, appeal.sex),
        age_min=_if_released(released, ReleasableField.AGE, appeal.age_min),
        age_max=_if_released(released, ReleasableField.AGE, appeal.age_max if appeal.age_min is not None else None),
        height_cm=_if_released(released, ReleasableField.HEIGHT, appeal.height_cm),
        build=_if_released(released, ReleasableField.BUILD, appeal.build),
        hair=_if_released(released, ReleasableField.HAIR, appeal.hair),
        eyes=_if_released(released, ReleasableField.EYES, appeal.eyes),
        distinguishing_features=_if_released(released, ReleasableField.FEATURES, appeal.distinguishing_features),
        vehicle=_if_released(released, ReleasableField.VEHICLE, appeal.vehicle),
        wanted_reason=_if_released(released, ReleasableField.REASON, appeal.wanted_reason if wanted else None),
        offence_category=_if_released(released, ReleasableField.REASON, appeal.offence_category if wanted else None),
        last_seen_on=_if_released(released, ReleasableField.LAST_SEEN, appeal.last_seen_on if missing else None),
        last_seen_place=_if_released(released, ReleasableField.LAST_SEEN, appeal.last_seen_place if missing else None),
    )


def _reason_text(appeal: Appeal) -> str:
    if not appeal.is_wanted or not appeal.wanted_reason:
        return ""
    reason = appeal.get_wanted_reason_display()
    if appeal.offence_category:
        return f"{reason}: {appeal.get_offence_category_display().lower()}"
    return reason


def _last_seen_text(appeal: Appeal) -> str:
    if not appeal.is_missing:
        return ""
    parts = []
    if appeal.last_seen_on:
        parts.append(date_format(appeal.last_seen_on, "j F Y"))
    if appeal.last_seen_place:
        parts.append(gettext("in %(place)s") % {"place": appeal.last_seen_place})
    return " ".join(parts)


def _title(appeal: Appeal, released: list[str]) -> str:
    if ReleasableField.NAME in released:
        return appeal.subject_name
    return (
        gettext("Can you help us find this person?") if appeal.is_missing else gettext("Do you recognise this person?")
    )


def public_alt_text(appeal: Appeal, image: AppealImage, released: list[str]) -> str:
    """An image's description names the person only if their name is released: otherwise, if it mentions
    any part of their name or an alias, the public sees what kind of image it is instead (issue 9, item 13)."""
    if ReleasableField.NAME in released:
        return image.alt_text
    names = [appeal.subject_name, *appeal.alias_list()]
    words = {w.casefold() for name in names for w in re.findall(r"[^\W\d_]{2,}", name)}
    said = {w.casefold() for w in re.findall(r"[^\W\d_]{2,}", image.alt_text)}
    if words & said:
        return gettext("%(kind)s of the person in this appeal") % {"kind": image.get_kind_display()}
    return image.alt_text


def to_public(appeal: Appeal, assessment: PublicityAssessment, images: list[AppealImage]) -> PublicAppeal:
    released = list(assessment.released_fields)
    details = public_details(appeal, released)
    public_images = [
        PublicImage(
            url=reverse("appeals:image", args=[appeal.reference, image.public_id, "full"]),
            thumb_url=reverse("appeals:image", args=[appeal.reference, image.public_id, "thumb"]),
            alt=public_alt_text(appeal, image, released),
            width=image.width,
            height=image.height,
        )
        for image in images
    ]
    in_english = {
        name: _shown_in_english(appeal, field)
        for name, field in [
            ("description", "description"),
            ("caution_note", "caution_note"),
            ("offence_summary", "offence_summary"),
            ("vulnerability", "vulnerability_summary"),
            ("reward_text", "reward_text"),
            ("features", "distinguishing_features"),
        ]
    }
    if appeal.is_missing:
        summary = (
            gettext("Missing from %(place)s") % {"place": appeal.last_seen_place}
            if ReleasableField.LAST_SEEN in released and appeal.last_seen_place
            else gettext("Missing")
        )
    else:
        summary = (
            gettext("Wanted: %(offence)s") % {"offence": appeal.get_offence_category_display().lower()}
            if ReleasableField.REASON in released and appeal.offence_category
            else gettext("Wanted")
        )
    return PublicAppeal(
        reference=appeal.reference,
        kind=appeal.kind,
        title=_title(appeal, released),
        summary_line=summary,
        details=details,
        images=public_images,
        description=_in_language(appeal, "description") if ReleasableField.DESCRIPTION in released else "",
        caution_note=_in_language(appeal, "caution_note") if appeal.is_wanted else "",
        offence_summary=_in_language(appeal, "offence_summary") if ReleasableField.REASON in released else "",
        vulnerability=(
            _in_language(appeal, "vulnerability_summary") if ReleasableField.VULNERABILITY in released else ""
        ),
        reward_text=_in_language(appeal, "reward_text") if ReleasableField.REWARD in released else "",
        published_on=date_format(timezone.localtime(appeal.published_at), "j F Y") if appeal.published_at else "",
        areas=tuple(appeal.area_list()) if ReleasableField.AREAS in released else (),
        published_at=appeal.published_at,
        modified_at=max(appeal.updated_at, assessment.updated_at),
        subject=public_subject(appeal, released),
        english_fields=frozenset(
            [name for name, english in in_english.items() if english and name != "features"]
            # Image descriptions are written in English only.
            + (["images"] if images and not _page_is_english() else [])
        ),
        english_details=frozenset(
            ([gettext("Distinguishing features")] if in_english["features"] else [])
            # Hair and eye colour are written in English only.
            + [
                label
                for label, value in ((gettext("Hair"), appeal.hair), (gettext("Eye colour"), appeal.eyes))
                if value and not _page_is_english()
            ]
        ),
    )


def _with_public_parts(query: AppealQuerySet) -> AppealQuerySet:
    return (
        query.select_related("assessment")
        .prefetch_related(Prefetch("assessment__released_images", queryset=AppealImage.objects.order_by("id")))
        .order_by("-published_at", "-id")
    )


def _to_public_list(appeals: list[Appeal]) -> list[PublicAppeal]:
    return [to_public(a, a.assessment, list(a.assessment.released_images.all())) for a in appeals]


def public_areas() -> list[str]:
    """The released areas of published appeals, for the area filter."""

    def build() -> list[str]:
        areas: set[str] = set()
        for text in Appeal.objects.public().exclude(public_areas="").values_list("public_areas", flat=True):
            areas.update(a.strip() for a in text.split(",") if a.strip())
        return sorted(areas)

    return cached_public("areas", build)


def public_last_change() -> datetime | None:
    """When an appeal that is or was public last changed (a closure too), cached and purged with the appeals:
    a feed's Last-Modified never goes back when its newest appeal is taken down."""
    return cached_public(
        "last-change", lambda: Appeal.objects.was_public().aggregate(newest=Max("updated_at"))["newest"]
    )


def _search(*, kind: str = "", area: str = "", text: str = "") -> AppealQuerySet:
    query = Appeal.objects.public()
    if kind in AppealKind.values:
        query = query.filter(kind=kind)
    if area:
        query = query.filter(public_areas__icontains=area)
    for word in text.lower().split()[:8]:
        query = query.filter(Q(public_search_text__contains=word))
    return query


def public_appeal_page(
    number: int, *, kind: str = "", area: str = "", text: str = "", per_page: int = PAGE_SIZE
) -> Page[PublicAppeal]:
    """One page of published appeals, newest first, filtered on released information only: a count and one
    slice (with its images), whatever the number of appeals. The gallery, the list, the feeds and the embed read
    their pages here (each its own `per_page`). The unfiltered pages are cached and purged with the rest, so the
    first page after a takedown costs one slice, not every appeal; NoSuchPage past the last page."""

    def build() -> Page[PublicAppeal]:
        return paginate(_with_public_parts(_search(kind=kind, area=area, text=text)), number, _to_public_list, per_page)

    if kind or area or text:
        return build()
    return cached_public(f"page:{per_page}:{number}", build)


def public_appeal(reference: str) -> PublicAppeal | None:
    appeal = Appeal.objects.public().select_related("assessment").filter(reference=reference).first()
    if appeal is None:
        return None
    images = list(appeal.assessment.released_images.order_by("id"))
    return to_public(appeal, appeal.assessment, images)


def appeal_has_ended(reference: str) -> bool:
    return Appeal.objects.ended().filter(reference=reference).exists()


def public_image(reference: str, public_id: str) -> AppealImage | None:
    """An image is public only while its appeal is and its assessment releases it (AppealImage.objects.public)."""
    return (
        AppealImage.objects.public()
        .filter(public_id=public_id, appeal__reference=reference)
        .only("image", "thumbnail")
        .first()
    )


def public_share_image(reference: str) -> AppealImage | None:
    """The image a share card or poster shows: the first released image of a public appeal (the one its page
    shows first), or None when it releases none. Same rule as every public image (AppealImage.objects.public)."""
    return (
        AppealImage.objects.public()
        .filter(appeal__reference=reference)
        .order_by("id")
        .only("image", "public_id")
        .first()
    )
