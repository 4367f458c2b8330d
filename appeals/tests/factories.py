"""Build appeals the way staff do: through the services, so every test object has passed the rules."""

import io
from typing import Any

from django.contrib.auth.models import User

from accounts.roles import Role
from accounts.tests.factories import UnitFactory, make_staff
from appeals import services
from appeals.models import Appeal, AppealImage, AppealKind, ImageKind
from demo.silhouettes import silhouette_png


def author() -> User:
    return make_staff(Role.AUTHOR)


def authoriser() -> User:
    return make_staff(Role.AUTHORISER)


def senior() -> User:
    return make_staff(Role.AUTHORISER, Role.SENIOR_AUTHORISER, rank="superintendent")


def draft(kind: str = AppealKind.WANTED, by: User | None = None, **data: Any) -> Appeal:
    defaults: dict[str, Any] = {
        "subject_name": "Robin Testperson",
        "aliases": "Robbo",
        "age_min": 30,
        "sex": "male",
        "areas": "Eastbrook, Millford",
        "vehicle": "Blue Ford Transit, QZ71 XLR",
        "description": "Often seen near the canal.",
        "owning_unit": UnitFactory(),
    }
    if kind == AppealKind.WANTED:
        defaults |= {"wanted_reason": "offence", "offence_category": "robbery"}
    else:
        defaults |= {"last_seen_place": "Millford station", "vulnerability_summary": "We are worried for them."}
    defaults |= data
    return services.appeal_create(author=by or author(), kind=kind, data=defaults)


def add_image(appeal: Appeal, kind: str = ImageKind.PHOTO, seed: int = 1) -> AppealImage:
    png = silhouette_png(seed)
    return services.appeal_image_add(
        appeal=appeal, actor=appeal.author, upload=io.BytesIO(png), size=len(png), kind=kind, alt_text="Drawn figure"
    )


def assess(appeal: Appeal, released: list[str] | None = None, images: list[AppealImage] | None = None, **kw: Any):
    if released is None:
        released = ["name", "aliases", "age", "areas", "vehicle", "description"]
        released.append("reason" if appeal.kind == AppealKind.WANTED else "last_seen")
    return services.assessment_save(
        appeal=appeal,
        actor=appeal.author,
        threat_risk_harm=kw.get("threat_risk_harm", "high"),
        missing_risk_grade=kw.get("missing_risk_grade", "high" if appeal.kind == AppealKind.MISSING else ""),
        necessity=kw.get("necessity", "Necessary: risk of serious harm."),
        less_intrusive_means=kw.get("less_intrusive_means", "Enquiries exhausted."),
        released_fields=released,
        released_images=images if images is not None else list(appeal.images.all()),
        review_interval_days=kw.get("review_interval_days", 28),
    )


def submitted(kind: str = AppealKind.WANTED, *, released: list[str] | None = None, **data: Any) -> Appeal:
    """Submitted for authorisation, with one image and an assessment releasing `released` (or the usual set)."""
    appeal = draft(kind, **data)
    add_image(appeal)
    assess(appeal, released=released)
    return services.appeal_submit(appeal=appeal, actor=appeal.author)


def published(
    kind: str = AppealKind.WANTED, officer: User | None = None, *, released: list[str] | None = None, **data: Any
) -> Appeal:
    appeal = submitted(kind, released=released, **data)
    return services.appeal_authorise(appeal=appeal, officer=officer or senior(), reason="Proportionate.")
