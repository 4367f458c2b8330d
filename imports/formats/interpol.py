"""Interpol's public notices, as one file: the list format `{"_embedded": {"notices": [...]}}` with each
notice's detail fields embedded in it (the list gives entity_id, forename, name, date_of_birth, nationalities
and _links; the red-notice detail adds arrest_warrants [{charge, issuing_country_id}], sex_id, height in metres,
weight in kg, eyes_colors_id, hairs_id and distinguishing_marks). A notice whose _links.self.href is a yellow
notice is a missing person (its place_of_disappearance and date_of_event are read too); a red one (or one without
that link) is wanted; any other kind (blue, green, ...) is skipped.
The thumbnail (_links.thumbnail.href) is its image. nationalities and other fields are ignored.
"""

import re
from datetime import date
from typing import Any

from django.utils import timezone

from appeals.models import AppealKind, OffenceCategory, Sex, WantedReason

from .. import cleaning
from . import Candidate, FormatError, Skip, describe_keys

EYES = {"BLA": "black", "BLU": "blue", "BRO": "brown", "GRE": "green", "GRY": "grey", "HAZ": "hazel"}
NOTICE_KINDS = {"red": AppealKind.WANTED, "yellow": AppealKind.MISSING}
HAIR = {"BAL": "bald", "BLA": "black", "BLO": "blond", "BRO": "brown", "GRY": "grey", "RED": "red", "WHI": "white"}


def read(document: Any) -> list[Candidate | Skip]:
    embedded = document.get("_embedded") if isinstance(document, dict) else None
    notices = embedded.get("notices") if isinstance(embedded, dict) else None
    if not isinstance(notices, list):
        hint = " (an FBI file? use --format fbi)" if isinstance(document, dict) and "items" in document else ""
        raise FormatError(
            'This is not an Interpol notices list: expected an object with "_embedded": {"notices": [...]}, '
            f"found {describe_keys(document)}{hint}."
        )
    today = timezone.localdate()
    return [_notice(position, notice, today) for position, notice in enumerate(notices, start=1)]


def _href(notice: dict[str, Any], rel: str) -> str:
    links = notice.get("_links")
    link = links.get(rel) if isinstance(links, dict) else None
    href = link.get("href") if isinstance(link, dict) else None
    return href.strip() if isinstance(href, str) else ""


def _notice_type(self_href: str) -> str:
    """red, yellow, blue, ... from ".../notices/v1/<type>/<id>"; a notice without the link is taken as red, as the
    detail fields this format reads are a red notice's."""
    match = re.search(r"/notices/v\d+/([a-z]+)/", self_href)
    return match.group(1) if match else "red"


def _notice(position: int, notice: Any, today: date) -> Candidate | Skip:
    if not isinstance(notice, dict):
        return Skip(position, "", "not a notice (expected an object)")
    entity = cleaning.external_id(notice.get("entity_id"))
    if not entity:
        return Skip(position, "", "no entity_id: cannot tell it from other notices")
    name = " ".join(n for n in (cleaning.one_line(notice.get("forename")), cleaning.one_line(notice.get("name"))) if n)
    if not name:
        return Skip(position, entity, "no forename or name")
    notice_type = _notice_type(_href(notice, "self"))
    if notice_type not in NOTICE_KINDS:
        return Skip(position, entity, f"a {notice_type} notice: only red (wanted) and yellow (missing) are imported")
    kind = NOTICE_KINDS[notice_type]
    notes: list[str] = []
    age = cleaning.age_on(cleaning.parse_date(notice.get("date_of_birth")), today)
    if age is not None and age > 120:
        notes.append(f"age {age} is not plausible: left blank")
        age = None
    height = cleaning.metres_to_cm(cleaning.number(notice.get("height")))
    if height is not None and cleaning.plausible_height_cm(height) is None:
        notes.append(f"height {height} cm is not plausible: left blank")
        height = None
    data: dict[str, Any] = {
        "subject_name": name.title() if name.isupper() else name,
        "age_min": age,
        "sex": {"M": Sex.MALE, "F": Sex.FEMALE}.get(cleaning.one_line(notice.get("sex_id")).upper(), ""),
        "height_cm": height,
        "hair": _codes(notice.get("hairs_id"), HAIR),
        "eyes": _codes(notice.get("eyes_colors_id"), EYES),
        "distinguishing_features": _features(notice),
    }
    if kind == AppealKind.WANTED:
        data |= {
            "wanted_reason": WantedReason.OFFENCE,
            "offence_category": OffenceCategory.OTHER,
            "offence_summary": _charges(notice.get("arrest_warrants")),
        }
    else:
        data |= {
            "last_seen_on": cleaning.parse_date(notice.get("date_of_event")),
            "last_seen_place": cleaning.one_line(notice.get("place_of_disappearance")),
        }
    thumbnail = _href(notice, "thumbnail")
    return Candidate(position, entity, kind, data, image_urls=[thumbnail] if thumbnail else [], notes=notes)


def _codes(value: Any, words: dict[str, str]) -> str:
    return ", ".join(words.get(code.upper(), code) for code in cleaning.text_list(value))


def _features(notice: dict[str, Any]) -> str:
    parts = []
    weight = cleaning.number(notice.get("weight"))
    if weight:
        parts.append(f"Weight: about {round(weight)} kg.")
    marks = cleaning.one_line(notice.get("distinguishing_marks"))
    if marks:
        parts.append(f"Distinguishing marks: {marks}")
    return " ".join(parts)


def _charges(warrants: Any) -> str:
    if not isinstance(warrants, list):
        return ""
    lines = []
    for warrant in warrants:
        if not isinstance(warrant, dict):
            continue
        charge = cleaning.plain_text(warrant.get("charge"))
        country = cleaning.one_line(warrant.get("issuing_country_id"))
        if charge:
            lines.append(f"{charge} (warrant issued by {country})" if country else charge)
    return "\n\n".join(lines)
