"""What the API's requests may ask (query parameters, validated: a bad value is a structured 422), and the
shapes of its answers (partner.public_api for the public ones, partner.messages for errors)."""

from datetime import UTC, datetime
from typing import Annotated, Literal

from ninja import Field, Schema
from pydantic import AfterValidator, AwareDatetime, BeforeValidator

from appeals.listing import DEFAULT_ORDERING
from partner.messages import ErrorOut  # noqa: F401 - one error shape for the whole API, partner or public
from partner.public_api import AppealOut, AppealPageOut, Kind, WithdrawnPageOut  # noqa: F401 - the answers

MAX_PAGE_SIZE = 100
DEFAULT_PAGE_SIZE = 20
# A page number beyond this is refused rather than turned into an offset the database has to walk.
MAX_PAGE = 10_000
Ordering = Literal["-publication", "publication", "-modified", "modified", "reference", "-reference"]


def _iso_8601(value: object) -> object:
    """A date and time written out (not a bare number), with its timezone, that a database can hold."""
    if not isinstance(value, str) or len(value) < 16 or not value[:4].isdigit() or value[4] != "-":
        raise ValueError("Give a date and time in ISO 8601 with a timezone, for example 2026-12-01T09:00:00Z.")
    return value


def _storable(value: datetime) -> datetime:
    try:
        return value.astimezone(UTC)
    except OverflowError as exc:
        raise ValueError("That date and time is out of range.") from exc


Iso8601 = Annotated[AwareDatetime, BeforeValidator(_iso_8601), AfterValidator(_storable)]


class PageQuery(Schema):
    page: int = Field(1, ge=1, le=MAX_PAGE, description="Which page, from 1.")
    page_size: int = Field(
        DEFAULT_PAGE_SIZE, ge=1, le=MAX_PAGE_SIZE, description=f"Items a page, at most {MAX_PAGE_SIZE}."
    )


class AppealQuery(PageQuery):
    kind: Kind | None = Field(None, description="Only wanted, or only missing, people.")
    area: str | None = Field(
        None, min_length=1, max_length=100, description="Only appeals whose released areas mention this town."
    )
    modified_since: Iso8601 | None = Field(
        None, description="Only appeals changed at or after this time (ISO 8601 with a timezone)."
    )
    ordering: Ordering = Field(
        DEFAULT_ORDERING,
        description="publication, modified or reference; a leading minus sorts newest (or last) first.",
    )


class WithdrawnQuery(PageQuery):
    since: Iso8601 | None = Field(
        None, description="Only appeals withdrawn at or after this time (ISO 8601 with a timezone)."
    )
