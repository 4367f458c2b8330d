"""What extraction finds: a `Kind` of entity and an `Extracted` entity, with the span helpers every extractor
shares.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum


class Kind(StrEnum):
    VRM = "vrm"
    PHONE = "phone"
    POSTCODE = "postcode"
    EMAIL = "email"
    HANDLE = "handle"
    PLACE = "place"
    PERSON = "person"
    REFERENCE = "reference"  # one of our own appeal references, quoted from a poster or the page ("W-VTT2")
    PARTIAL_VRM = "vrm_part"  # part of a registration: "starts with KX19" (KX19*), "ends in TVN" (*TVN)

    @property
    def label(self) -> str:
        return _KIND_LABELS[self]


_KIND_LABELS = {
    Kind.VRM: "registration",
    Kind.PHONE: "phone number",
    Kind.POSTCODE: "postcode",
    Kind.EMAIL: "e-mail address",
    Kind.HANDLE: "social-media handle",
    Kind.PLACE: "place",
    Kind.PERSON: "name",
    Kind.REFERENCE: "appeal reference",
    Kind.PARTIAL_VRM: "part of a registration",
}


@dataclass(frozen=True, slots=True)
class Extracted:
    kind: Kind
    raw: str
    value: str
    span: tuple[int, int]

    @property
    def key(self) -> str:
        """The joinable form, e.g. "vrm:AB12CDE": what an Entity row and a candidate index store. A handle joins
        on its name alone, because people keep one name across platforms ("snap: xkieranx", "@xkieranx")."""
        if self.kind == Kind.HANDLE:
            return f"{self.kind}:{self.value.partition(':')[2]}"
        return f"{self.kind}:{self.value}"


Span = tuple[int, int]


def word_set(spaced: str) -> frozenset[str]:
    return frozenset(spaced.split())


def overlaps(span: Span, taken: Iterable[Span]) -> bool:
    return any(span[0] < end and start < span[1] for start, end in taken)
