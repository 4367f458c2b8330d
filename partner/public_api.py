"""The public API's answers (GET /api/v1/public/...): one module both services import, so the police build
each answer with these shapes (api/public.py) and the independent service reads its copy of the appeals with
the same ones (independent/police_api.py); neither can rename a field without the other noticing.

Only what a public appeal page shows, as typed values a partner's system can use (codes, ISO 8601 dates,
absolute URLs), named after the FBI Wanted API and Interpol's notices where they have the same thing."""

from datetime import date, datetime
from typing import Literal

from ninja import Field, Schema

# The codes partners see, spelled out for the schema; api/tests check they are the models' choices.
Kind = Literal["wanted", "missing"]
SexCode = Literal["female", "male"]
BuildCode = Literal["slim", "medium", "athletic", "stocky", "heavy"]
ReasonCode = Literal["offence", "bail", "licence", "court"]
OffenceCode = Literal["violence", "robbery", "burglary", "drugs", "sexual", "weapons", "fraud", "domestic", "other"]


class ImageOut(Schema):
    original: str = Field(description="Absolute URL of the released image (JPEG, metadata removed).")
    width: int
    height: int
    thumb: str = Field(description="Absolute URL of a 480x600 crop.")
    thumb_width: int
    thumb_height: int
    caption: str = Field(description="What the image shows, for people who cannot see it.")


class AppealOut(Schema):
    reference: str = Field(description="The appeal's public reference, stable for its life (posters, QR codes).")
    kind: Kind
    status: Literal["current"] = Field(description="Always current here; an appeal that ends answers 410.")
    title: str = Field(description="The name if it is released, otherwise a question to the public.")
    summary: str = Field(description="One released line, in English, e.g. 'Wanted: robbery'.")
    name: str | None
    aliases: list[str]
    sex: SexCode | None
    age_min: int | None
    age_max: int | None = Field(description="With age_min, an age range; null if one age is known.")
    height_cm: int | None
    build: BuildCode | None
    hair: str | None = Field(description="Hair colour and style in words, as released.")
    eyes: str | None = Field(description="Eye colour in words, as released.")
    distinguishing_features: str | None = Field(description="Scars, marks, tattoos, as released.")
    vehicle: str | None
    description: str | None
    caution: str | None = Field(description="Safety advice for the public (wanted people): do not approach.")
    wanted_reason: ReasonCode | None
    offence_category: OffenceCode | None
    offence_summary: str | None
    last_seen_on: date | None
    last_seen_place: str | None
    vulnerability: str | None = Field(description="For missing people: what the public needs to know to help.")
    reward_text: str | None = Field(description="The reward offered, who offers it and for what, as released.")
    areas: list[str]
    publication: datetime = Field(description="When it was published (ISO 8601, with timezone).")
    modified: datetime = Field(description="When it or what it releases last changed (ISO 8601, with timezone).")
    url: str = Field(description="Absolute URL of the appeal's public page.")
    report_url: str = Field(description="Absolute URL where the public tells the police what they know.")
    images: list[ImageOut]


class WithdrawalOut(Schema):
    reference: str
    withdrawn_at: datetime = Field(description="When it stopped being public (ISO 8601, with timezone).")


class _PageOut(Schema):
    total: int = Field(description="How many items match, on every page.")
    page: int
    page_size: int
    next: str | None = Field(description="Absolute URL of the next page, or null on the last.")
    previous: str | None = Field(description="Absolute URL of the previous page, or null on the first.")


class AppealPageOut(_PageOut):
    items: list[AppealOut]


class WithdrawnPageOut(_PageOut):
    items: list[WithdrawalOut]
