"""What linking knows about an appeal (`AppealProfile`) and about a report (`ReportFacts`, and the `Reading` of
its text that scoring works from)."""

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from ..description import Stated
from ..extraction import Extracted, Kind, extract, extract_vrms, tokens
from .words import CIRCUMSTANCE_STOP, COLOUR_GROUPS, COLOURS, FEATURE_STOP, VEHICLE_GENERIC, feature_words, root

_FEATURE_SPLIT = re.compile(r"[;,.\n]+")


@dataclass(frozen=True, slots=True)
class AppealProfile:
    """What linking knows about an appeal: who, where, which vehicle."""

    reference: str
    kind: str
    names: tuple[str, ...]
    aliases: tuple[str, ...] = ()
    areas: tuple[str, ...] = ()
    vrms: tuple[str, ...] = ()
    status: str = "published"
    features: tuple[str, ...] = ()  # distinguishing features, one phrase each ("a scar through his left eyebrow")
    age_min: int | None = None
    age_max: int | None = None
    sex: str = ""  # "male", "female" or "" (not stated)
    height_cm: int | None = None
    physique: str = ""  # the build: "slim", "medium", "athletic", "stocky", "heavy" or ""
    description: str = ""  # the public summary, for words that describe the subject
    offence: str = ""  # what the appeal is about (a wanted appeal's offence summary)
    contacts: tuple[str, ...] = ()  # entity keys of phones, e-mails, handles the appeal gives
    vehicle_words: tuple[str, ...] = ()  # make and model words of the vehicle ("vauxhall", "corsa")
    vehicle_colours: tuple[str, ...] = ()

    @classmethod
    def build(
        cls,
        *,
        reference: str,
        kind: str,
        name: str,
        aliases: Iterable[str] = (),
        areas: Iterable[str] = (),
        vehicle: str = "",
        status: str = "published",
        features: str = "",
        age_min: int | None = None,
        age_max: int | None = None,
        sex: str = "",
        height_cm: int | None = None,
        build: str = "",
        description: str = "",
        offence: str = "",
    ) -> "AppealProfile":
        """A profile from an appeal's fields; the registration marks are read out of its vehicle text, and the
        phone numbers, e-mail addresses and handles out of its description and vehicle."""
        contacts = [
            e.key for e in extract(f"{description}\n{vehicle}") if e.kind in (Kind.PHONE, Kind.EMAIL, Kind.HANDLE)
        ]
        vehicle_text = vehicle
        for plate in reversed(extract_vrms(vehicle)):
            vehicle_text = vehicle_text[: plate.span[0]] + " " + vehicle_text[plate.span[1] :]
        vehicle_text = " ".join(w for w in re.split(r"[\s,]+", vehicle_text) if not re.search(r"[0-9]", w))
        words = [w for w, _, _ in tokens(vehicle_text)]
        aliases = tuple(a.strip() for a in aliases if a.strip())
        parts = name.split()
        # "Gaz Baker", "Danny Jones": a one-word nickname with the surname is the whole name too.
        known_as = [f"{a} {parts[-1]}" for a in aliases if len(parts) >= 2 and " " not in a and a != parts[0]]
        return cls(
            reference=reference,
            kind=kind,
            names=(name, *dict.fromkeys(known_as)),
            aliases=aliases,
            areas=tuple(a.strip() for a in areas if a.strip()),
            vrms=tuple(dict.fromkeys(e.value for e in extract_vrms(vehicle))),
            status=status,
            features=tuple(p.strip() for p in _FEATURE_SPLIT.split(features) if feature_words(p.strip())),
            age_min=age_min,
            age_max=age_max if age_max is not None else age_min,
            sex=_normalise_sex(sex),
            height_cm=height_cm,
            physique=(build or "").strip().lower(),
            description=description or "",
            offence=offence or "",
            contacts=tuple(dict.fromkeys(contacts)),
            vehicle_words=tuple(w for w in dict.fromkeys(words) if w not in COLOURS and w not in VEHICLE_GENERIC),
            vehicle_colours=tuple(w for w in dict.fromkeys(words) if w in COLOURS),
        )


@dataclass(frozen=True, slots=True)
class ReportFacts:
    """What linking knows about a report."""

    text: str
    entities: tuple[Extracted, ...] = ()
    submitted_from: str | None = None
    received: date | None = None

    @classmethod
    def from_text(cls, text: str, *, submitted_from: str | None = None, received: date | None = None) -> "ReportFacts":
        return cls(text, tuple(extract(text)), submitted_from, received)


@dataclass(frozen=True, slots=True)
class Reading:
    """What scoring needs from a report's text, worked out once per report rather than once per candidate."""

    tokens: list[tuple[str, int, int]]
    areas: set[str]
    area_spans: list[tuple[int, int]]
    quoted: set[str]
    quoted_near: dict[str, str]  # appeal -> the reference as quoted, one slip from the appeal's ("W-K7DR")
    reference_spans: list[tuple[int, int]]  # where the report quotes a reference: no name is read inside one
    plates: set[str]
    partial_plates: set[str]
    negated: list[tuple[int, int]]  # "not him, but...": names here are not the report's subject
    people: list[Extracted]  # full names the report writes ("Carl Jones")
    said: Stated
    words: frozenset[str]  # every word, singular, for matching distinguishing features
    positions: dict[str, tuple[int, ...]]  # where each of those words stands (its places among them)
    colours: dict[str, frozenset[int]]  # the colour groups the report gives each thing ("ginger beard")
    colour_words: tuple[str, ...]  # the report's colour words, in canonical words ("red", "ginger")
    without: frozenset[str]  # what the report says the person has not got ("hasnt got dreads")

    def close_together(self, words: frozenset[str], window: int) -> bool:
        """Whether one place of each word falls within `window` words: "a tattoo on his neck ... at his mum's" is
        not "a tattoo reading MUM on his neck"."""
        places = sorted((p, w) for w in words for p in self.positions.get(w, ()))
        need = len(words)
        counts: dict[str, int] = {}
        start = 0
        for position, word in places:
            counts[word] = counts.get(word, 0) + 1
            while len(counts) == need:
                if position - places[start][0] < window:
                    return True
                first = places[start][1]
                counts[first] -= 1
                if not counts[first]:
                    del counts[first]
                start += 1
        return False

    def as_said(self, words: frozenset[str]) -> frozenset[str] | None:
        """A feature's telling words as the report says them, or None if one is missing: a colour may be said in
        another word of its group ("a big red beard" for "a full ginger beard"), unless a colour of hair is all
        the feature is ("white hair": said as recorded or not at all)."""
        if words <= self.words:
            return words
        if not words - COLOUR_GROUPS.keys() - {"hair"}:
            return None
        said = set(words & self.words)
        for word in words - self.words:
            groups = COLOUR_GROUPS.get(word)
            same = groups and next((w for w in self.colour_words if COLOUR_GROUPS[w] & groups), None)
            if not same:
                return None
            said.add(same)
        return frozenset(said)

    def tokens_after(self, position: int) -> str:
        """The first word after a position in the text, lower case ("" at the end)."""
        return next((w for w, start, _ in self.tokens if start >= position), "")


def _normalise_sex(sex: str) -> str:
    """The Appeal model's values ("male", "female", ""), also from a set that writes "m", "F" or "Male"."""
    first = (sex or "").strip().lower()[:1]
    return {"m": "male", "f": "female"}.get(first, "")


def circumstance_words(text: str, profile: AppealProfile) -> set[str]:
    """The roots of the words that say what an appeal is about: "a man was stabbed at a house party" ->
    {stabb, party}; not its names, areas or the words every appeal uses."""
    names = {w for n in (*profile.names, *profile.aliases, *profile.areas) for w, _, _ in tokens(n)}
    return {
        root(w)
        for w, _, _ in tokens(text)
        if len(w) >= 4 and w not in CIRCUMSTANCE_STOP and w not in names and w not in FEATURE_STOP
    }
