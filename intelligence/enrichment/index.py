"""The appeal index, one per process: built from every linkable appeal and what analysts confirmed, and rebuilt
when its version (shared by every process, lookout.cache_version) moves on."""

from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from django.db import transaction
from django.utils import timezone

from appeals.models import Appeal
from intelligence.matching.extraction import Extracted, Kind
from intelligence.matching.linking import AppealIndex, AppealProfile
from intelligence.models import LinkDecision, Mention
from lookout.cache_version import bump, version

INDEX_VERSION_KEY = "intelligence:appeal-index-version"
# Ended appeals stay linkable for a while: information keeps arriving after an arrest.
CLOSED_LINKABLE_FOR = timedelta(days=30)


def index_version() -> int:
    """The version of the appeal index every process compares its own with."""
    return version(INDEX_VERSION_KEY)


def index_invalidate() -> None:
    """Every process rebuilds its index before linking the next report."""
    bump(INDEX_VERSION_KEY)


def index_invalidate_now_and_on_commit() -> None:
    """At once (so this transaction's own next link sees the change) and again once it commits (so no other
    process keeps an index it built from the data before the commit)."""
    index_invalidate()
    transaction.on_commit(index_invalidate, robust=True)


@dataclass
class _Loaded:
    version: int
    index: AppealIndex
    ids: dict[str, int]  # appeal reference -> primary key


_loaded: _Loaded | None = None


def appeal_profile(appeal: Appeal) -> AppealProfile:
    """What linking knows of an appeal: all its fields, also those the public were not shown (linking is internal)."""
    return AppealProfile.build(
        reference=appeal.reference,
        kind=appeal.kind,
        name=appeal.subject_name,
        aliases=appeal.alias_list(),
        areas=appeal.area_list(),
        vehicle=appeal.vehicle,
        status=appeal.status,
        features=appeal.distinguishing_features,
        age_min=appeal.age_min,
        age_max=appeal.age_max,
        sex=appeal.sex,
        height_cm=appeal.height_cm,
        build=appeal.build,
        description=appeal.description,
        offence=appeal.offence_summary,
    )


def linkable_appeals(now: Any = None) -> Any:
    now = now or timezone.now()
    return Appeal.objects.public() | Appeal.objects.ended().filter(closed_at__gte=now - CLOSED_LINKABLE_FOR)


def build_index() -> tuple[AppealIndex, dict[str, int]]:
    """An index of every linkable appeal that has learnt the identifying entities of reports analysts confirmed."""
    appeals = list(
        linkable_appeals().only(
            "reference",
            "kind",
            "subject_name",
            "aliases",
            "areas",
            "vehicle",
            "status",
            "distinguishing_features",
            "age_min",
            "age_max",
            "sex",
            "height_cm",
            "build",
            "description",
            "offence_summary",
        )
    )
    index = AppealIndex(appeal_profile(appeal) for appeal in appeals)
    learnt = Mention.objects.filter(
        report__links__decision=LinkDecision.CONFIRMED, report__links__appeal__reference__in=index.profiles.keys()
    ).values_list("report__links__appeal__reference", "entity__kind", "entity__key", "raw")
    for reference, kind, key, raw in learnt:
        value = key.partition(":")[2]
        index.learn(reference, [Extracted(Kind(kind), raw, value, (0, 0))])
    return index, {appeal.reference: appeal.pk for appeal in appeals}


def current_index() -> tuple[AppealIndex, dict[str, int]]:
    global _loaded
    version = index_version()
    if _loaded is None or _loaded.version != version:
        index, ids = build_index()
        _loaded = _Loaded(version, index, ids)
    return _loaded.index, _loaded.ids
