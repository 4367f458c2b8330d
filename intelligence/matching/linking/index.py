"""The appeal index: every linkable appeal, with dictionaries from registration mark, name word, area, contact,
vehicle word and feature word to appeal references, so a report is scored only against the few appeals it could
be about, never against all of them."""

import re
from collections import defaultdict
from collections.abc import Iterable, Sequence

from ..denials import negated_spans
from ..description import stated
from ..duplicates import CONTEXT_WORD
from ..extraction import MIN_FUZZY_LENGTH, Extracted, Kind, match_names, partial_vrm_fits, tokens
from ..lexicon import canonical_words
from .profiles import AppealProfile, Reading, ReportFacts, circumstance_words
from .reasons import LinkSuggestion
from .suggest import suggest
from .weights import W_KNOWN_ENTITY
from .words import BODY_PARTS, COLOUR_GROUPS, SIDES, colours_of, deletions, feature_words, lacked, normalise_area


class AppealIndex:
    """Every published appeal, indexed for linking. Build it once (when appeals change), query it per report.

    Lookups are by registration mark (exact, and one character off via a deletion index), by name word (exact for
    short words, one slip off for longer ones), by area (one compiled pattern over every area) and by quoted
    reference; only the appeals found that way are scored. The dictionaries are read, never written, by the
    scoring (evidence.py); learn() is the one way to add to them after the build.
    """

    def __init__(self, profiles: Iterable[AppealProfile]) -> None:
        self.profiles: dict[str, AppealProfile] = {}
        self.vrm: dict[str, set[str]] = defaultdict(set)
        self.vrm_near: dict[str, set[str]] = defaultdict(set)
        self.word: dict[str, set[str]] = defaultdict(set)
        self.area: dict[str, set[str]] = defaultdict(set)
        self.feature_word: dict[str, set[str]] = defaultdict(set)
        # How many appeals record the same feature (in the appeal's words): "glasses" says less than a bird on a neck.
        self.feature_share: dict[frozenset[str], set[str]] = defaultdict(set)
        # How many appeals use each name word or alias: a word many appeals share says less about each.
        self.word_appeals: dict[str, set[str]] = defaultdict(set)
        self.contact: dict[str, set[str]] = defaultdict(set)
        self.vehicle_word: dict[str, set[str]] = defaultdict(set)
        self.circumstance: dict[str, set[str]] = {}  # appeal -> roots of the words of what it is about
        self.features: dict[str, list[tuple[str, frozenset[str]]]] = {}  # appeal -> (feature, telling words)
        # feature phrase -> the colours it gives each thing ("a white beard"): another colour is another person.
        self.feature_colours: dict[str, dict[str, frozenset[int]]] = {}
        self.feature_parts: dict[str, frozenset[str]] = {}  # feature phrase -> where on the body ("neck")
        self.feature_sides: dict[str, frozenset[str]] = {}  # feature phrase -> its side of the body ("left")
        self.slip: dict[str, set[str]] = defaultdict(set)  # first four letters of one-word nicknames
        # Identifying entities from reports an analyst has confirmed as about an appeal (see learn()).
        self.known: dict[str, set[str]] = defaultdict(set)
        # appeal -> its vehicles' plates and the words of its names, areas and vehicle, as grouping's context keys
        self._context: dict[str, frozenset[str]] = {}
        for profile in profiles:
            self.profiles[profile.reference] = profile
            # Its vehicle's make and model too: "a black golf" is the appeal's car, not a place two reports share.
            named = " ".join([*profile.names, *profile.aliases, *profile.areas, *profile.vehicle_words])
            self._context[profile.reference] = frozenset(
                [f"{Kind.VRM}:{vrm}" for vrm in profile.vrms] + [f"{CONTEXT_WORD}{w}" for w in canonical_words(named)]
            )
            for vrm in profile.vrms:
                self.vrm[vrm].add(profile.reference)
                for variant in deletions(vrm):
                    self.vrm_near[variant].add(profile.reference)
            for name in (*profile.names, *profile.aliases):
                for word, _, _ in tokens(name):
                    self.word_appeals[word].add(profile.reference)
                    keys = deletions(word) if len(word) >= MIN_FUZZY_LENGTH else {word}
                    if name in profile.aliases and " " not in name.strip() and len(word) >= MIN_FUZZY_LENGTH:
                        # A lower-case slip in a one-word nickname goes further than one letter ("doyla").
                        self.slip[word[:4]].add(profile.reference)
                    for key in keys:
                        self.word[key].add(profile.reference)
            for area in profile.areas:
                self.area[normalise_area(area)].add(profile.reference)
            for key in profile.contacts:
                self.contact[key].add(profile.reference)
            for word in profile.vehicle_words:
                self.vehicle_word[word].add(profile.reference)
            self.circumstance[profile.reference] = circumstance_words(
                f"{profile.offence} {profile.description}", profile
            )
            self.features[profile.reference] = [(f, feature_words(f)) for f in profile.features]
            for feature in profile.features:
                said = canonical_words(feature)
                self.feature_colours[feature] = colours_of(said)
                self.feature_parts[feature] = frozenset(w for w in said if w in BODY_PARTS)
                self.feature_sides[feature] = frozenset(w for w in said if w in SIDES)
            for _, words in self.features[profile.reference]:
                self.feature_share[words].add(profile.reference)
                # Indexed by one of its words (all must be there, so any will do); the rest are checked here.
                for word in sorted(words)[:1]:
                    self.feature_word[word].add(profile.reference)
        areas = sorted(self.area, key=len, reverse=True)
        self.area_pattern = (
            re.compile(r"\b(" + "|".join(re.escape(a).replace(r"\ ", r"\s+") for a in areas) + r")\b", re.IGNORECASE)
            if areas
            else None
        )

    def __len__(self) -> int:
        return len(self.profiles)

    def learn(self, reference: str, entities: Iterable[Extracted]) -> None:
        """Remember the identifying entities (phone, e-mail, handle, plate, postcode) of a report an analyst
        confirmed as about this appeal, so later reports that carry them are linked too. Places and names are
        not learnt: many people drink in the same pub."""
        if reference not in self.profiles:
            return
        for entity in entities:
            if entity.kind in W_KNOWN_ENTITY:
                self.known[entity.key].add(reference)

    # --- candidates --------------------------------------------------------------------------------------------

    def candidates(self, report: ReportFacts, reading: Reading | None = None) -> set[str]:
        """The appeals this report could be about: found through the indexes, never by scanning."""
        found, by_area = self.candidates_by_route(report, reading or self.read(report))
        return found | by_area

    def candidates_by_route(self, report: ReportFacts, reading: Reading) -> tuple[set[str], set[str]]:
        """The candidates found by what the report says of the person, its plates, contacts, references or page;
        and, apart, those found only by an area it mentions. An area-only candidate has no name, feature or plate
        in the report (those would have found it), so scoring it needs only its vehicle and the area."""
        found: set[str] = set()
        if report.submitted_from in self.profiles:
            found.add(report.submitted_from)
        found.update(reading.quoted)
        found.update(reading.quoted_near)
        for entity in report.entities:
            found.update(self.known.get(entity.key, ()))
            found.update(self.contact.get(entity.key, ()))
            if entity.kind == Kind.VRM:
                for variant in deletions(entity.value):
                    found.update(self.vrm_near.get(variant, ()))
            elif entity.kind == Kind.PARTIAL_VRM:
                found.update(self.partial_plate_appeals(entity.value))
        for word, _, _ in reading.tokens:
            bare = word.removesuffix("'s")
            keys = deletions(bare) if len(bare) >= MIN_FUZZY_LENGTH else {bare}
            if len(bare) >= MIN_FUZZY_LENGTH:
                found.update(self.slip.get(bare[:4], ()))
            for key in keys:
                found.update(self.word.get(key, ()))
        found.update(
            ref
            for word in reading.words
            for ref in self.feature_word.get(word, ())
            if any(reading.as_said(words) is not None for _, words in self.features[ref])
        )
        by_area = {ref for area in reading.areas for ref in self.area[area]} - found
        return found, by_area

    def context_keys(self, references: Iterable[str]) -> set[str]:
        """The entity keys the given appeals already carry (their vehicles' plates): every report about the car
        mentions them, so for duplicates they are context, not news. With them, as `word:` keys, the words of
        the appeals' names and areas: "kayleigh" and "cradlebury" are in every report about Kayleigh in
        Cradlebury, so two reports sharing them have not yet said the same place."""
        return set().union(*(self._context[ref] for ref in references))

    def names_a_subject(self, name: str) -> bool:
        """Whether a name written in a report is the whole name of some appeal's subject: a description beside it
        may be of a second person the report is about ("Darren Kellow was with a lad with dreads")."""
        words = [w for w, _, _ in tokens(name)]
        refs = set.intersection(*(self.word_appeals.get(w, set()) for w in words)) if words else set()
        return any(
            not m.partial and m.score >= 1.0 for ref in refs for m in match_names(name, self.profiles[ref].names)
        )

    def quoted_references(self, entities: Iterable[Extracted], bare: Iterable[re.Match[str]] = ()) -> set[str]:
        """Our references the report quotes: in full ("W-J2WL"), or as its four characters after "ref" or
        "appeal" ("ref J2WL", `bare`: _BARE_REFERENCE's matches), which is an appeal's only when one of ours ends
        so."""
        quoted = {e.value for e in entities if e.kind == Kind.REFERENCE} & self.profiles.keys()
        for m in bare:
            code = m.group("code").upper()
            quoted.update(ref for ref in (f"W-{code}", f"M-{code}") if ref in self.profiles)
        return quoted

    def near_references(self, entities: Iterable[Extracted]) -> dict[str, str]:
        """The appeals whose reference is one slip from one the report quotes and no appeal has: two characters
        swapped ("W-K7DR" for W-K7RD) or one written wrong. Only where a single appeal is that close."""
        near: dict[str, str] = {}
        for e in entities:
            if e.kind != Kind.REFERENCE or e.value in self.profiles:
                continue
            close = [ref for ref in self.profiles if _one_slip(e.value, ref)]
            if len(close) == 1:
                near.setdefault(close[0], e.raw)
        return near

    def partial_plate_appeals(self, partial: str) -> set[str]:
        """The appeals whose vehicle's plate fits part of one ("KX19*"): a scan of the plates, which are few
        (one per appeal at most) and a partial plate is rare in a report."""
        return {ref for vrm, refs in self.vrm.items() if partial_vrm_fits(partial, vrm) for ref in refs}

    def area_spans(self, text: str) -> list[tuple[int, int]]:
        if self.area_pattern is None:
            return []
        return [m.span() for m in self.area_pattern.finditer(text)]

    def areas_in(self, text: str) -> set[str]:
        if self.area_pattern is None:
            return set()
        return {normalise_area(m.group()) for m in self.area_pattern.finditer(text)}

    def read(self, report: ReportFacts) -> Reading:
        """What scoring needs from the report's text, worked out once for every candidate."""
        toks = tokens(report.text)
        canonical = canonical_words(report.text)
        bare = list(_BARE_REFERENCE.finditer(report.text))
        return Reading(
            tokens=toks,
            areas=self.areas_in(report.text),
            area_spans=self.area_spans(report.text),
            quoted=self.quoted_references(report.entities, bare),
            quoted_near=self.near_references(report.entities),
            reference_spans=[e.span for e in report.entities if e.kind == Kind.REFERENCE] + [m.span() for m in bare],
            plates={e.value for e in report.entities if e.kind == Kind.VRM},
            partial_plates={e.value for e in report.entities if e.kind == Kind.PARTIAL_VRM},
            negated=negated_spans(report.text),
            people=[e for e in report.entities if e.kind == Kind.PERSON],
            said=stated(report.text),
            words=frozenset(canonical),
            positions=_positions(canonical),
            colours=colours_of(canonical),
            colour_words=tuple(sorted({w for w in canonical if w in COLOUR_GROUPS})),
            without=lacked(report.text),
        )

    def suggest(self, report: ReportFacts) -> list[LinkSuggestion]:
        """Every appeal the report may be about with confidence >= MIN_CONFIDENCE, most likely first
        (intelligence.matching.linking.suggest)."""
        return suggest(self, report)


# "ref J2WL", "appeal no. K4TR": a reference quoted without its W- or M-, with a digit and a letter among them.
_BARE_REFERENCE = re.compile(
    r"\b(?:ref|reference|appeal)\b[\s:#.]*(?:no\.?\s*|number\s*)?(?P<code>(?=[A-Za-z]*[0-9])(?=[0-9]*[A-Za-z])[A-Za-z0-9]{4})\b",
    re.IGNORECASE,
)


def _one_slip(quoted: str, reference: str) -> bool:
    """Two references of the same length one slip apart: one character different, or two neighbours swapped."""
    if len(quoted) != len(reference) or quoted == reference:
        return False
    differ = [i for i, (a, b) in enumerate(zip(quoted, reference, strict=True)) if a != b]
    if len(differ) == 1:
        return True
    first, last = differ[0], differ[-1]
    return (
        len(differ) == 2 and last == first + 1 and quoted[first] == reference[last] and quoted[last] == reference[first]
    )


def _positions(words: list[str]) -> dict[str, tuple[int, ...]]:
    places: dict[str, list[int]] = {}
    for i, word in enumerate(words):
        places.setdefault(word, []).append(i)
    return {word: tuple(at) for word, at in places.items()}


def suggest_links(report: ReportFacts, profiles: Sequence[AppealProfile]) -> list[LinkSuggestion]:
    """Convenience for one-off use; build an AppealIndex once when scoring many reports."""
    return AppealIndex(profiles).suggest(report)
