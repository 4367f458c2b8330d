"""The FBI Wanted API's list format: {"total": n, "items": [{uid, title, description, ...}], "page": n}.

Read: uid (the id), title (the name), aliases, sex, hair, eyes, height_min/height_max (inches), weight (text in
pounds, or weight_min/weight_max), age_range or age_min/age_max, dates_of_birth_used (free-text dates),
scars_and_marks, description, details and caution (HTML), warning_message, reward_text, subjects and
poster_classification (missing or wanted), status (only "na", still sought, is imported) and images
[{original, large, thumb, caption}]. Everything else (race, field_offices, publication, modified, ...) is ignored.
"""

from datetime import date
from typing import Any

from django.utils import timezone

from appeals.models import AppealKind, OffenceCategory, Sex, WantedReason

from .. import cleaning
from . import Candidate, FormatError, Skip, describe_keys

STILL_SOUGHT = {"", "na"}
MISSING_SUBJECTS = ("missing", "kidnap")


def read(document: Any) -> list[Candidate | Skip]:
    if not isinstance(document, dict) or not isinstance(document.get("items"), list):
        interpol = isinstance(document, dict) and "_embedded" in document
        hint = " (an Interpol file? use --format interpol)" if interpol else ""
        raise FormatError(
            'This is not an FBI Wanted list: expected an object with "items" (a list), found '
            f"{describe_keys(document)}{hint}."
        )
    today = timezone.localdate()
    return [_item(position, item, today) for position, item in enumerate(document["items"], start=1)]


def _item(position: int, item: Any, today: date) -> Candidate | Skip:
    if not isinstance(item, dict):
        return Skip(position, "", "not a record (expected an object)")
    uid = cleaning.external_id(item.get("uid"))
    if not uid:
        return Skip(position, "", "no uid: cannot tell it from other records")
    name = cleaning.one_line(item.get("title"))
    if not name:
        return Skip(position, uid, "no title: the person's name is missing")
    status = cleaning.one_line(item.get("status")).lower()
    if status not in STILL_SOUGHT:
        return Skip(position, uid, f"status at source is {status!r}: no longer sought")
    notes: list[str] = []
    kind = _kind(item)
    data: dict[str, Any] = {
        "subject_name": name.title() if name.isupper() else name,
        "aliases": ", ".join(cleaning.text_list(item.get("aliases"))),
        "sex": {"male": Sex.MALE, "female": Sex.FEMALE}.get(cleaning.one_line(item.get("sex")).lower(), ""),
        "hair": cleaning.one_line(item.get("hair")),
        "eyes": cleaning.one_line(item.get("eyes")),
        "distinguishing_features": _features(item),
        "reward_text": cleaning.plain_text(item.get("reward_text")),
        **_ages(item, today, notes),
        "height_cm": _height(item, notes),
    }
    details = cleaning.plain_text(item.get("details"))
    description = cleaning.plain_text(item.get("description"))
    caution = cleaning.plain_text(item.get("caution"))
    if kind == AppealKind.WANTED:
        data |= {
            "wanted_reason": WantedReason.OFFENCE,
            "offence_category": OffenceCategory.OTHER,
            "offence_summary": _paragraphs(description, caution),
            "caution_note": cleaning.one_line(item.get("warning_message")),
            "description": details,
        }
    else:
        data |= {"vulnerability_summary": caution, "description": _paragraphs(description, details)}
    return Candidate(position, uid, kind, data, image_urls=_images(item.get("images")), notes=notes)


def _kind(item: dict[str, Any]) -> str:
    subjects = " ".join(cleaning.text_list(item.get("subjects"))).lower()
    classification = cleaning.one_line(item.get("poster_classification")).lower()
    if classification == "missing" or any(word in subjects for word in MISSING_SUBJECTS):
        return AppealKind.MISSING
    return AppealKind.WANTED


def _ages(item: dict[str, Any], today: date, notes: list[str]) -> dict[str, int | None]:
    ages = [n for n in (cleaning.number(item.get("age_min")), cleaning.number(item.get("age_max"))) if n]
    if not ages:
        ages = cleaning.numbers(item.get("age_range"))[:2]
    if not ages:
        born = next(
            (d for d in map(cleaning.parse_date, cleaning.text_list(item.get("dates_of_birth_used"))) if d), None
        )
        age = cleaning.age_on(born, today)
        ages = [age] if age is not None else []
    whole = sorted(int(a) for a in ages)
    if whole and whole[-1] > 120:
        notes.append(f"age {whole[-1]} is not plausible: left blank")
        whole = []
    return {"age_min": whole[0] if whole else None, "age_max": whole[-1] if len(whole) > 1 else None}


def _height(item: dict[str, Any], notes: list[str]) -> int | None:
    inches = [n for n in (cleaning.number(item.get("height_min")), cleaning.number(item.get("height_max"))) if n]
    if not inches:
        return None
    cm = cleaning.inches_to_cm(sum(inches) / len(inches))
    if cleaning.plausible_height_cm(cm) is None:
        notes.append(f"height {cm} cm is not plausible: left blank")
        return None
    return cm


def _weight_kg(item: dict[str, Any]) -> int | None:
    pounds = cleaning.numbers(item.get("weight"))[:2] or [
        n for n in (cleaning.number(item.get("weight_min")), cleaning.number(item.get("weight_max"))) if n
    ]
    return cleaning.pounds_to_kg(sum(pounds) / len(pounds)) if pounds else None


def _features(item: dict[str, Any]) -> str:
    parts = []
    weight = _weight_kg(item)
    if weight:
        parts.append(f"Weight: about {weight} kg.")
    marks = cleaning.one_line(item.get("scars_and_marks"))
    if marks:
        parts.append(f"Scars and marks: {marks}")
    return " ".join(parts)


def _paragraphs(*texts: str) -> str:
    return "\n\n".join(t for t in texts if t)


def _images(images: Any) -> list[str]:
    if not isinstance(images, list):
        return []
    urls = []
    for image in images:
        if isinstance(image, dict):
            url = image.get("original") or image.get("large")
            if isinstance(url, str) and url.strip():
                urls.append(url.strip())
    return urls
