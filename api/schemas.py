"""Shapes of the API's answers. Public schemas carry only what a public appeal page shows."""

from ninja import Schema

from partner.messages import ErrorOut  # noqa: F401 - one error shape for the whole API, partner or public


class PublicImageOut(Schema):
    url: str
    thumb_url: str
    alt: str
    width: int
    height: int


class PublicAppealOut(Schema):
    reference: str
    kind: str
    title: str
    summary: str
    details: dict[str, str]
    description: str
    caution_note: str
    offence_summary: str
    vulnerability: str
    published_on: str
    url: str
    images: list[PublicImageOut]
