"""Linking: which appeal(s) a report is about, with a confidence and the reasons an analyst can check.

Pure and typed, on plain dataclasses (no models yet): an `AppealIndex` is built once from every appeal profile,
with dictionaries from registration mark, name word and area to appeal references, so a report is scored only
against the few appeals it could be about, never against all of them. Each piece of evidence is a `Reason` with
a weight (roughly: how often, on its own, it points at the right appeal); the confidence is the noisy-OR of the
weights, 1 - Π(1 - w), so independent pieces of evidence add up and none alone reaches 1. The weights and the
threshold are stated below and measured on the fixture set by `manage.py intel_evaluate`. An analyst confirms or
rejects every suggestion; nothing here links anything by itself. See docs/adr/0010-enrichment-linking.md.
"""

import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date

from .description import Stated, contradictions, introduces_someone_new, negated_spans, refers_to_the_appeal, stated
from .extraction import (
    MIN_FUZZY_LENGTH,
    Extracted,
    Kind,
    NameMatch,
    extract,
    extract_vrms,
    match_names,
    partial_vrm_fits,
    talks_about_person,
    tokens,
)
from .lexicon import canonical_words, filler, wordlike_aliases

# A suggestion at or above this confidence is shown as a likely link; below it, only on the report's page.
SUGGEST_THRESHOLD = 0.6
# Below this a candidate is not worth showing at all.
MIN_CONFIDENCE = 0.15

W_REFERENCE = 0.97  # quotes the appeal's reference (from a poster or the page)
W_VRM = 0.95  # the appeal's vehicle's registration
W_VRM_NEAR = 0.5  # one character away: a misread plate, or a different car
W_VRM_PART = 0.45  # part of the appeal's plate ("starts with KX19"): divided between the appeals it fits
W_FULL_NAME = 0.93  # the whole name, exactly; a misspelling scales down with its similarity
W_ALIAS = 0.8  # a nickname the appeal lists, that is not an ordinary first name
W_COMMON_ALIAS = 0.4  # a listed alias that is also an ordinary first name ("Jess", "Mo")
W_FIRST_NAME = 0.35  # the first name alone
W_SURNAME = 0.62  # the surname alone: rarer than a first name, so above the threshold on its own
W_WORDLIKE_LOWER = 0.2  # a name that is also a word ("wood", "marsh"), written in lower case
W_AREA = 0.25  # a town or district the appeal lists: supporting evidence only
W_CONTACT = 0.9  # a phone number, e-mail or handle the appeal itself gives ("he uses 07700 900412")
W_VEHICLE = 0.3  # the make or model of the appeal's vehicle ("a grey corsa"), divided between appeals that share it
W_VEHICLE_COLOUR = 0.15  # ... and its colour too
W_VRM_PART_AND_MODEL = 0.75  # part of the appeal's plate on the appeal's make or model of vehicle
# Corroboration, counted only beside a name, a feature or the page: on its own each fits too many people.
W_KIND = 0.35  # "the missing girl" for a missing-person appeal, "wanted" for a wanted one
W_SEX_FITS = 0.15  # "girl", "she" for a female subject
W_AGE_FITS = 0.2  # an age the report gives that fits the subject's
W_CIRCUMSTANCES = 0.3  # words of what the appeal is about ("stabbing", "catalytic converter", "fire")
# The report describes a distinguishing feature the appeal records, word for word (its telling words, at least):
# by how many telling words it has, because "a limp" fits many people and "a scar through his left eyebrow" few.
W_FEATURE = {1: 0.4, 2: 0.6, 3: 0.7}
W_FEATURE_OTHER_NAMED = 0.1  # the same description, of a person the report names who is not the subject
W_PAGE_PERSON = 0.9  # sent from the appeal's page and talks about a person
W_PAGE_NO_PERSON = 0.35  # sent from the appeal's page but talks about no one
W_PAGE_OTHER_NAMED = 0.2  # sent from this page but names another appeal's subject, and nothing of this one
W_PAGE_DENIED = 0.05  # sent from this page but says "not him", "wrong person"
W_PAGE_NEW_PERSON = 0.4  # sent from this page, but the first person it talks about is someone new ("a man...")
W_PAGE_NAMES_SOMEONE = 0.35  # sent from this page, but names someone else in full and nothing of this subject
# Something identifying that an earlier report, confirmed by an analyst as about this appeal, also carried.
W_KNOWN_ENTITY = {Kind.PHONE: 0.6, Kind.EMAIL: 0.6, Kind.HANDLE: 0.6, Kind.VRM: 0.5, Kind.POSTCODE: 0.45}
CLOSED_FACTOR = 0.8  # an ended appeal: information still matters, but less often about it

# Given names common in the UK, and their short forms: a listed alias that is one of these ("Jess", "Mo") is
# weaker evidence than a nickname ("Daz", "Rodders"), because many people are called it.
COMMON_GIVEN_NAMES = frozenset(
    [
        "aaron",
        "adam",
        "aidan",
        "alan",
        "alex",
        "alfie",
        "ali",
        "amber",
        "amy",
        "andrew",
        "andy",
        "ann",
        "anna",
        "anne",
        "ash",
        "ashley",
        "becky",
        "ben",
        "beth",
        "bill",
        "billy",
        "bob",
        "bobby",
        "brad",
        "bradley",
        "callum",
        "cal",
        "carl",
        "charlie",
        "chloe",
        "chris",
        "connor",
        "craig",
        "dan",
        "danny",
        "dave",
        "david",
        "dean",
        "den",
        "dennis",
        "ellie",
        "emma",
        "george",
        "harry",
        "harvey",
        "jack",
        "jade",
        "jake",
        "james",
        "jamie",
        "jason",
        "jay",
        "jen",
        "jess",
        "jessica",
        "jim",
        "jimmy",
        "jo",
        "joe",
        "john",
        "jordan",
        "josh",
        "kate",
        "katie",
        "kelly",
        "kev",
        "kevin",
        "kyle",
        "lea",
        "lee",
        "leanne",
        "liam",
        "lily",
        "lucy",
        "luke",
        "maggie",
        "mark",
        "matt",
        "max",
        "meg",
        "mike",
        "mo",
        "mohammed",
        "molly",
        "nat",
        "nath",
        "nathan",
        "nick",
        "olly",
        "ollie",
        "paul",
        "pete",
        "peter",
        "rob",
        "robbie",
        "ryan",
        "sam",
        "sarah",
        "scott",
        "shane",
        "soph",
        "sophie",
        "steve",
        "stacey",
        "tom",
        "tommy",
        "tony",
        "ty",
        "tyler",
        "wayne",
        "will",
        "zoe",
    ]
)
# Names that are also ordinary English words: believed in lower case only weakly ("the wood", "a marsh").
WORDLIKE_NAMES = frozenset(
    [
        "wood",
        "marsh",
        "moss",
        "holt",
        "price",
        "senior",
        "hill",
        "brook",
        "bush",
        "ford",
        "fox",
        "green",
        "hall",
        "king",
        "lane",
        "long",
        "mason",
        "page",
        "park",
        "rose",
        "short",
        "small",
        "stone",
        "white",
        "young",
        "black",
        "brown",
        "baker",
        "bell",
        "best",
        "bird",
        "cook",
        "day",
        "gill",
        "hunt",
        "lamb",
        "little",
        "love",
        "may",
        "mills",
        "moon",
        "north",
        "rich",
        "shaw",
        "ward",
        "west",
        "wild",
        "wise",
        "wells",
        "banks",
        "bishop",
        "carter",
        "church",
        "cross",
        "dale",
        "dean",
        "nash",
        "pike",
        "sharp",
        "frost",
        "snow",
        "gold",
        "silver",
        "swift",
        "strong",
        "ash",
        "holly",
        "jade",
        "amber",
        "ferry",
        "tilly",
        "picks",
        "dino",
    ]
)
_FEATURE_SPLIT = re.compile(r"[;,.\n]+")
# Words that do not tell one feature from another.
_FEATURE_STOP = frozenset(
    [
        "a",
        "an",
        "the",
        "on",
        "in",
        "of",
        "with",
        "and",
        "his",
        "her",
        "their",
        "he",
        "she",
        "they",
        "very",
        "about",
        "always",
        "has",
        "have",
        "is",
        "was",
        "wears",
        "wearing",
        "quite",
        "bit",
        "little",
    ]
)


# Capitalised words that end like this are a street or a district ("Canal Walk", "Hollins End"), not a person.
_STREET_WORDS = frozenset(
    [
        "street",
        "road",
        "lane",
        "close",
        "walk",
        "avenue",
        "drive",
        "way",
        "terrace",
        "crescent",
        "place",
        "end",
        "green",
        "row",
        "park",
        "hill",
        "court",
        "gardens",
        "square",
        "grove",
        "rise",
        "view",
        "mews",
        "parade",
        "rd",
        "st",
        "ave",
        "ln",
    ]
)


def _stem(word: str) -> str:
    return word[:-1] if len(word) > 3 and word.endswith("s") and not word.endswith("ss") else word


def feature_words(phrase: str) -> frozenset[str]:
    """The telling words of a feature phrase, singular and in the appeal's words (intelligence/lexicon), without
    the filler the public leave out: "Often carries a black holdall" -> {holdall}; "tattoos on his knuckles" ->
    {tattoo, knuckle}. A phrase that is all filler keeps its words."""
    words = {w for w in canonical_words(phrase) if w not in _FEATURE_STOP and not w.isdigit()}
    core = {w for w in words if w not in filler()}
    return frozenset(core or words)


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
        return cls(
            reference=reference,
            kind=kind,
            names=(name,),
            aliases=tuple(a.strip() for a in aliases if a.strip()),
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
            vehicle_words=tuple(w for w in dict.fromkeys(words) if w not in _COLOURS and w not in _VEHICLE_GENERIC),
            vehicle_colours=tuple(w for w in dict.fromkeys(words) if w in _COLOURS),
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
class Reason:
    code: str
    text: str
    weight: float


@dataclass(frozen=True, slots=True)
class LinkSuggestion:
    reference: str
    confidence: float
    reasons: tuple[Reason, ...] = field(default_factory=tuple)

    @property
    def likely(self) -> bool:
        return self.confidence >= SUGGEST_THRESHOLD

    def explain(self) -> str:
        return "; ".join(r.text for r in self.reasons)


@dataclass(frozen=True, slots=True)
class _Reading:
    """What scoring needs from a report's text, worked out once per report rather than once per candidate."""

    tokens: list[tuple[str, int, int]]
    areas: set[str]
    area_spans: list[tuple[int, int]]
    quoted: set[str]
    plates: set[str]
    partial_plates: set[str]
    negated: list[tuple[int, int]]  # "not him, but...": names here are not the report's subject
    people: list[Extracted]  # full names the report writes ("Carl Jones")
    said: "Stated"
    words: frozenset[str]  # every word, singular, for matching distinguishing features

    def tokens_after(self, position: int) -> str:
        """The first word after a position in the text, lower case ("" at the end)."""
        return next((w for w, start, _ in self.tokens if start >= position), "")


def noisy_or(weights: Iterable[float]) -> float:
    """Independent pieces of evidence combined: each removes its share of the remaining doubt."""
    doubt = 1.0
    for w in weights:
        doubt *= 1.0 - w
    return 1.0 - doubt


_COLOURS = frozenset(
    [
        "black",
        "white",
        "grey",
        "gray",
        "silver",
        "red",
        "blue",
        "green",
        "yellow",
        "orange",
        "purple",
        "maroon",
        "brown",
        "gold",
        "navy",
        "dark",
        "light",
    ]
)
# Vehicle words that do not tell one vehicle from another.
_VEHICLE_GENERIC = frozenset(
    ["series", "custom", "estate", "car", "van", "pickup", "scooter", "the", "a", "and", "with", "class"]
)
# Words of an appeal's summary that do not say what it is about.
_CIRCUMSTANCE_STOP = frozenset(
    [
        "police",
        "want",
        "wanted",
        "missing",
        "speak",
        "connection",
        "series",
        "known",
        "number",
        "mobile",
        "using",
        "used",
        "after",
        "with",
        "from",
        "that",
        "this",
        "have",
        "been",
        "their",
        "there",
        "were",
        "which",
        "when",
        "where",
        "they",
        "them",
        "seriously",
        "injured",
        "charged",
        "appear",
        "court",
        "links",
        "link",
        "home",
        "concerned",
        "welfare",
        "family",
        "worried",
        "since",
        "left",
        "found",
        "safe",
        "well",
        "reported",
        "company",
        "older",
        "likes",
        "needs",
        "also",
        "into",
        "over",
        "while",
        "being",
        "about",
        "house",
        "houses",
        "town",
        "centre",
        "people",
        "person",
        "breaching",
        "conditions",
        "licence",
        "recalled",
        "prison",
        "failed",
        "arrested",
        "thank",
        "help",
        "call",
        "approach",
        "account",
        "name",
        "social",
        "media",
        "instagram",
        "snapchat",
        "has",
        "his",
        "her",
        "him",
        "she",
        "women",
        "woman",
        "man",
        "men",
        "lad",
        "girl",
        "boy",
        "year",
        "years",
        "old",
        "night",
        "nights",
        "road",
        "street",
        "residential",
    ]
)


def _normalise_sex(sex: str) -> str:
    """The Appeal model's values ("male", "female", ""), also from a set that writes "m", "F" or "Male"."""
    first = (sex or "").strip().lower()[:1]
    return {"m": "male", "f": "female"}.get(first, "")


def _root(word: str) -> str:
    """Enough of a word to match its forms: "stabbing", "stabbed" -> "stabb"; "converters" -> "conve"."""
    return word[:5]


def circumstance_words(text: str, profile: "AppealProfile") -> set[str]:
    """The roots of the words that say what an appeal is about: "a man was stabbed at a house party" ->
    {stabb, party}; not its names, areas or the words every appeal uses."""
    names = {w for n in (*profile.names, *profile.aliases, *profile.areas) for w, _, _ in tokens(n)}
    return {
        _root(w)
        for w, _, _ in tokens(text)
        if len(w) >= 4 and w not in _CIRCUMSTANCE_STOP and w not in names and w not in _FEATURE_STOP
    }


def _deletions(word: str) -> set[str]:
    """The word and every form of it with one letter dropped: two words one slip apart share at least one."""
    return {word} | {word[:i] + word[i + 1 :] for i in range(len(word))}


def _normalise_area(area: str) -> str:
    return re.sub(r"\s+", " ", area).strip().lower()


class AppealIndex:
    """Every published appeal, indexed for linking. Build it once (when appeals change), query it per report.

    Lookups are by registration mark (exact, and one character off via a deletion index), by name word (exact for
    short words, one slip off for longer ones), by area (one compiled pattern over every area) and by quoted
    reference; only the appeals found that way are scored.
    """

    def __init__(self, profiles: Iterable[AppealProfile]) -> None:
        self.profiles: dict[str, AppealProfile] = {}
        self._vrm: dict[str, set[str]] = defaultdict(set)
        self._vrm_near: dict[str, set[str]] = defaultdict(set)
        self._word: dict[str, set[str]] = defaultdict(set)
        self._area: dict[str, set[str]] = defaultdict(set)
        self._feature_word: dict[str, set[str]] = defaultdict(set)
        # How many appeals record the same feature (in the appeal's words): "glasses" says less than a bird on a neck.
        self._feature_share: dict[frozenset[str], set[str]] = defaultdict(set)
        # How many appeals use each name word or alias: a word many appeals share says less about each.
        self._word_appeals: dict[str, set[str]] = defaultdict(set)
        self._contact: dict[str, set[str]] = defaultdict(set)
        self._vehicle_word: dict[str, set[str]] = defaultdict(set)
        self._circumstance: dict[str, set[str]] = {}  # appeal -> roots of the words of what it is about
        self._features: dict[str, list[tuple[str, frozenset[str]]]] = {}  # appeal -> (feature, telling words)
        self._slip: dict[str, set[str]] = defaultdict(set)  # first four letters of one-word nicknames
        # Identifying entities from reports an analyst has confirmed as about an appeal (see learn()).
        self._known: dict[str, set[str]] = defaultdict(set)
        for profile in profiles:
            self.profiles[profile.reference] = profile
            for vrm in profile.vrms:
                self._vrm[vrm].add(profile.reference)
                for variant in _deletions(vrm):
                    self._vrm_near[variant].add(profile.reference)
            for name in (*profile.names, *profile.aliases):
                for word, _, _ in tokens(name):
                    self._word_appeals[word].add(profile.reference)
                    keys = _deletions(word) if len(word) >= MIN_FUZZY_LENGTH else {word}
                    if name in profile.aliases and " " not in name.strip() and len(word) >= MIN_FUZZY_LENGTH:
                        # A lower-case slip in a one-word nickname goes further than one letter ("doyla").
                        self._slip[word[:4]].add(profile.reference)
                    for key in keys:
                        self._word[key].add(profile.reference)
            for area in profile.areas:
                self._area[_normalise_area(area)].add(profile.reference)
            for key in profile.contacts:
                self._contact[key].add(profile.reference)
            for word in profile.vehicle_words:
                self._vehicle_word[word].add(profile.reference)
            self._circumstance[profile.reference] = circumstance_words(
                f"{profile.offence} {profile.description}", profile
            )
            self._features[profile.reference] = [(f, feature_words(f)) for f in profile.features]
            for _, words in self._features[profile.reference]:
                self._feature_share[words].add(profile.reference)
                # Indexed by one of its words (all must be there, so any will do); the rest are checked here.
                for word in sorted(words)[:1]:
                    self._feature_word[word].add(profile.reference)
        areas = sorted(self._area, key=len, reverse=True)
        self._area_pattern = (
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
                self._known[entity.key].add(reference)

    # --- candidates --------------------------------------------------------------------------------------------

    def candidates(self, report: ReportFacts, reading: "_Reading | None" = None) -> set[str]:
        """The appeals this report could be about: found through the indexes, never by scanning."""
        reading = reading or self._read(report)
        found: set[str] = set()
        if report.submitted_from in self.profiles:
            found.add(report.submitted_from)
        found.update(reading.quoted)
        for entity in report.entities:
            found.update(self._known.get(entity.key, ()))
            found.update(self._contact.get(entity.key, ()))
            if entity.kind == Kind.VRM:
                for variant in _deletions(entity.value):
                    found.update(self._vrm_near.get(variant, ()))
            elif entity.kind == Kind.PARTIAL_VRM:
                found.update(self.partial_plate_appeals(entity.value))
        for word, _, _ in reading.tokens:
            bare = word.removesuffix("'s")
            keys = _deletions(bare) if len(bare) >= MIN_FUZZY_LENGTH else {bare}
            if len(bare) >= MIN_FUZZY_LENGTH:
                found.update(self._slip.get(bare[:4], ()))
            for key in keys:
                found.update(self._word.get(key, ()))
        found.update(ref for area in reading.areas for ref in self._area[area])
        found.update(
            ref
            for word in reading.words
            for ref in self._feature_word.get(word, ())
            if any(words <= reading.words for _, words in self._features[ref])
        )
        return found

    def context_keys(self, references: Iterable[str]) -> set[str]:
        """The entity keys the given appeals already carry (their vehicles' plates): every report about the car
        mentions them, so for duplicates they are context, not news."""
        return {f"{Kind.VRM}:{vrm}" for ref in references for vrm in self.profiles[ref].vrms}

    def names_a_subject(self, name: str) -> bool:
        """Whether a name written in a report is the whole name of some appeal's subject: a description beside it
        may be of a second person the report is about ("Darren Kellow was with a lad with dreads")."""
        words = [w for w, _, _ in tokens(name)]
        refs = set.intersection(*(self._word_appeals.get(w, set()) for w in words)) if words else set()
        return any(
            not m.partial and m.score >= 1.0 for ref in refs for m in match_names(name, self.profiles[ref].names)
        )

    def quoted_references(self, entities: Iterable[Extracted]) -> set[str]:
        return {e.value for e in entities if e.kind == Kind.REFERENCE} & self.profiles.keys()

    def partial_plate_appeals(self, partial: str) -> set[str]:
        """The appeals whose vehicle's plate fits part of one ("KX19*"): a scan of the plates, which are few
        (one per appeal at most) and a partial plate is rare in a report."""
        return {ref for vrm, refs in self._vrm.items() if partial_vrm_fits(partial, vrm) for ref in refs}

    def area_spans(self, text: str) -> list[tuple[int, int]]:
        if self._area_pattern is None:
            return []
        return [m.span() for m in self._area_pattern.finditer(text)]

    def areas_in(self, text: str) -> set[str]:
        if self._area_pattern is None:
            return set()
        return {_normalise_area(m.group()) for m in self._area_pattern.finditer(text)}

    # --- scoring -----------------------------------------------------------------------------------------------

    def _someone_else_named(self, profile: AppealProfile, reading: "_Reading") -> str:
        """A full name in the report that is not this subject's (nor a street or an area): "John Doyle on Acre
        Lane" sent from Shane Doyle's page is about John Doyle."""
        for person in reading.people:
            if any(s[0] < person.span[1] and person.span[0] < s[1] for s in reading.area_spans):
                continue
            after = reading.tokens_after(person.span[1])
            if person.raw.split()[-1].lower() in _STREET_WORDS or after in _STREET_WORDS:
                continue  # "Brook Road", "Try Brook Road": a street, not a person
            if not any(not m.partial for m in match_names(person.raw, profile.names)):
                return person.raw
        return ""

    @staticmethod
    def _contradicted(profile: AppealProfile, said: Stated) -> bool:
        return bool(
            contradictions(
                said,
                sex=profile.sex,
                age_min=profile.age_min,
                age_max=profile.age_max,
                physique=profile.physique,
                height_cm=profile.height_cm,
            )
        )

    def _name_reasons(
        self, profile: AppealProfile, matches: Sequence[NameMatch], text: str, said: Stated
    ) -> list[Reason]:
        reasons: list[Reason] = []
        for m in matches:
            is_alias = m.name in profile.aliases
            written = text[m.span[0] : m.span[1]]
            lower_word = written.islower() and written.lower().removesuffix("'s") in WORDLIKE_NAMES
            if not m.partial and not is_alias:
                weight = W_FULL_NAME if m.score >= 1.0 else W_FULL_NAME * m.score * 0.95
                how = "names" if m.score >= 1.0 else "names, nearly (as written: '" + written + "'),"
                reasons.append(Reason("name", f"{how} the appeal's subject, {m.name}", weight))
                continue
            if is_alias:
                common = m.name.lower() in COMMON_GIVEN_NAMES
                weight = (W_COMMON_ALIAS if common else W_ALIAS) * min(1.0, m.score)
                note = " (also an ordinary first name)" if common else ""
                code = "alias"
                if m.name.lower() in wordlike_aliases():
                    # "Red", "Chip", "Kelly": a word or a common name; as a name only written so, mid-sentence.
                    before = text[: m.span[0]].rstrip()
                    as_a_name = written[:1].isupper() and bool(before) and before[-1] not in ".!?\n"
                    weight = min(weight, W_COMMON_ALIAS if as_a_name else W_WORDLIKE_LOWER)
                    note = " (also an ordinary word or name)"
            else:
                first = m.matched.lower().removesuffix("'s") in {p.lower() for p in profile.names[0].split()[:1]}
                first = first or m.score <= 0.45 + 1e-9
                weight = (W_FIRST_NAME if first else W_SURNAME) * m.score / (0.45 if first else 0.6)
                weight = min(weight, W_FIRST_NAME if first else W_SURNAME)
                note = ""
                code = "first_name" if first else "surname"
            if lower_word:
                weight = min(weight, W_WORDLIKE_LOWER)
            # Shared only with the appeals the report could be about: "the missing girl jamie" is not shared with
            # a wanted man called Jamie.
            shared_by = self._word_appeals.get(m.name.lower().split()[0] if is_alias else written.lower(), set())
            sharing = sum(1 for ref in shared_by if not self._contradicted(self.profiles[ref], said))
            if sharing > 1:
                weight /= sharing
                note += f" (shared by {sharing} appeals)"
            label = {
                "alias": f"names the appeal's alias '{m.name}'",
                "first_name": f"names the subject's first name only ('{written}')",
                "surname": f"names the subject's surname only ('{written}')",
            }[code]
            reasons.append(Reason(code, label + note, weight))
        return reasons

    def _name_believable(self, profile: AppealProfile, m: NameMatch, text: str, reading: "_Reading") -> bool:
        """A name match that can be about this subject. Not when the reporter says it is not ("its not benno"); not
        a surname or alias that is part of someone else's full name ("Carl Jones", "Vincent Price", "Jodie Lane");
        not a surname that is a street word after another word ("Acre Lane")."""
        if any(a <= m.span[0] and m.span[1] <= b for a, b in reading.negated):
            return False
        if not m.partial and m.name not in profile.aliases:
            return True
        first_names = {w.lower() for w in profile.names[0].split()[:1]} | {a.lower() for a in profile.aliases}
        for person in reading.people:
            if person.span[0] <= m.span[0] and m.span[1] <= person.span[1]:
                written_first = person.value.split()[0]
                if written_first not in first_names and not any(
                    not n.partial for n in match_names(person.raw, profile.names)
                ):
                    return False
        word = m.matched.lower().removesuffix("'s")
        if m.part == "last" and word in _STREET_WORDS:
            return False
        if m.name in profile.aliases and m.score < 1.0:
            # An exact surname ("Jones") is a surname, not a misspelt alias ("Jonesy").
            before = text[: m.span[0]].rstrip()
            if m.matched[:1].isupper() and before and before.split()[-1][:1].isupper():
                return False
        return True

    def _vehicle_reasons(self, profile: AppealProfile, reading: "_Reading", found: list[Reason]) -> list[Reason]:
        """The appeal's make or model of vehicle ("a grey corsa"); with part of its plate, strong together."""
        model = [w for w in profile.vehicle_words if w in reading.words]
        if not model or any(r.code == "vrm" for r in found):
            return []
        sharing = len(set.union(*(self._vehicle_word[w] for w in model)))
        colour = [c for c in profile.vehicle_colours if c in reading.words]
        shown = " ".join([*colour, *model])
        part = [r for r in found if r.code == "vrm_part"]
        if part:
            found.remove(part[0])
            text = f"{part[0].text}, on the appeal's make of vehicle ({shown})"
            return [Reason("vrm_part", text, W_VRM_PART_AND_MODEL)]
        weight = noisy_or([W_VEHICLE, W_VEHICLE_COLOUR] if colour else [W_VEHICLE]) / max(1, sharing)
        return [Reason("vehicle", f"mentions the appeal's vehicle ({shown})", weight)]

    def _corroboration(self, profile: AppealProfile, report: ReportFacts, reading: "_Reading") -> list[Reason]:
        """What else fits beside a name, a feature or the page: the kind of appeal ("the missing girl"), the sex
        and age the report gives, and words of what the appeal is about ("the tarnby stabbing")."""
        out = []
        lowered = report.text.lower()
        if profile.kind == "missing" and re.search(r"\bmissing\b", lowered):
            out.append(Reason("kind", "talks about a missing person", W_KIND))
        elif profile.kind == "wanted" and re.search(r"\b(wanted|on the run|dealer|thief|robber|burglar)\b", lowered):
            out.append(Reason("kind", "talks about a wanted person", W_KIND))
        said = reading.said
        if said.sex and said.sex == profile.sex:
            out.append(
                Reason("sex", f"describes a {'man or boy' if said.sex == 'male' else 'woman or girl'}", W_SEX_FITS)
            )
        if said.age and profile.age_min is not None:
            top = profile.age_max if profile.age_max is not None else profile.age_min
            if said.age[0] <= top + 3 and said.age[1] >= profile.age_min - 3:
                out.append(Reason("age", f"gives an age that fits ({said.age[0]})", W_AGE_FITS))
        roots = {_root(w) for w, _, _ in reading.tokens if len(w) >= 4}
        common = sorted(roots & self._circumstance.get(profile.reference, set()))
        if common:
            out.append(
                Reason(
                    "circumstances", f"mentions what the appeal is about ({', '.join(common[:3])}...)", W_CIRCUMSTANCES
                )
            )
        return out

    def _read(self, report: ReportFacts) -> "_Reading":
        toks = tokens(report.text)
        return _Reading(
            tokens=toks,
            areas=self.areas_in(report.text),
            area_spans=self.area_spans(report.text),
            quoted=self.quoted_references(report.entities),
            plates={e.value for e in report.entities if e.kind == Kind.VRM},
            partial_plates={e.value for e in report.entities if e.kind == Kind.PARTIAL_VRM},
            negated=negated_spans(report.text),
            people=[e for e in report.entities if e.kind == Kind.PERSON],
            said=stated(report.text),
            words=frozenset(canonical_words(report.text)),
        )

    def _evidence(self, profile: AppealProfile, report: ReportFacts, reading: "_Reading") -> list[Reason]:
        reasons: list[Reason] = []
        if profile.reference in reading.quoted:
            reasons.append(Reason("reference", f"quotes the appeal's reference {profile.reference}", W_REFERENCE))
        plates = reading.plates
        for vrm in profile.vrms:
            if vrm in plates:
                reasons.append(Reason("vrm", f"same registration as the appeal's vehicle ({vrm})", W_VRM))
            else:
                near = [p for p in plates if _deletions(p) & _deletions(vrm) and abs(len(p) - len(vrm)) <= 1]
                if near:
                    text = f"registration {near[0]} is one character from the appeal's vehicle ({vrm})"
                    reasons.append(Reason("vrm_near", text, W_VRM_NEAR))
        for part in reading.partial_plates:
            fits = [vrm for vrm in profile.vrms if partial_vrm_fits(part, vrm)]
            if fits:
                sharing = len(self.partial_plate_appeals(part))
                note = f", as do {sharing - 1} other appeals' plates" if sharing > 1 else ""
                text = f"part of a registration ({part}) fits the appeal's vehicle ({fits[0]}){note}"
                reasons.append(Reason("vrm_part", text, W_VRM_PART / sharing))
                break
        for e in report.entities:
            if e.key in profile.contacts:
                text = f"{e.kind.label} {e.raw} is the appeal's own"
                reasons.append(Reason("contact", text, W_CONTACT))
                break
        reasons.extend(self._vehicle_reasons(profile, reading, reasons))
        known = [
            e
            for e in report.entities
            if profile.reference in self._known.get(e.key, ()) and e.value not in profile.vrms
        ]
        if known:
            best = max(known, key=lambda e: W_KNOWN_ENTITY[e.kind])
            text = f"{best.kind.label} {best.raw} is in an earlier report confirmed as about this appeal"
            reasons.append(Reason("known_entity", text, W_KNOWN_ENTITY[best.kind]))
        # A town is not a name, however close: "Dunmere" is not "Dunmore".
        matches = [
            m
            for m in match_names(report.text, [*profile.names, *profile.aliases], text_tokens=reading.tokens)
            if not any(s[0] < m.span[1] and m.span[0] < s[1] for s in reading.area_spans)
        ]
        matches = [m for m in matches if self._name_believable(profile, m, report.text, reading)]
        # One reading per place in the text: a full-name match beats the partial ones inside it.
        full_spans = [m.span for m in matches if not m.partial]
        matches = [
            m for m in matches if not m.partial or not any(s[0] <= m.span[0] and m.span[1] <= s[1] for s in full_spans)
        ]
        # A word read as a name as written is not also a slip for a nickname ("ferriday" is the surname Ferriday,
        # not a misspelt "Ferry").
        matches = [
            m
            for m in matches
            if m.part != "slip"
            or not any(o.part != "slip" and o.span[0] < m.span[1] and m.span[0] < o.span[1] for o in matches)
        ]
        name_reasons = self._name_reasons(profile, matches, report.text, reading.said)
        # Each kind of name evidence counts once, at its strongest.
        strongest: dict[str, Reason] = {}
        for r in name_reasons:
            if r.code not in strongest or r.weight > strongest[r.code].weight:
                strongest[r.code] = r
        reasons.extend(strongest.values())
        described = []
        for feature, words in self._features.get(profile.reference, ()):
            seen = len(words & reading.words)
            # Every telling word: "a tattoo on his arm" is not "an anchor tattoo on his left forearm".
            if words and seen == len(words):
                described.append((seen, feature))
        if described:
            others = [
                e.raw
                for e in report.entities
                if e.kind == Kind.PERSON
                and not any(s[0] < e.span[1] and e.span[0] < s[1] for s in reading.area_spans)
                and e.raw.split()[-1].lower() not in _STREET_WORDS
                and not any(not m.partial for m in match_names(e.raw, [*profile.names, *profile.aliases]))
                and not self.names_a_subject(e.raw)
            ]
            # "Gavin Pratt has pink hair" describes Gavin Pratt: a description belongs to the person named.
            for size, feature in sorted(described, reverse=True)[:3]:
                text = f"describes the appeal's distinguishing feature '{feature}'"
                if others:
                    reasons.append(
                        Reason(
                            "feature_other",
                            text + f", but of someone the report names ({others[0]})",
                            W_FEATURE_OTHER_NAMED,
                        )
                    )
                    break
                sharing = len(self._feature_share.get(dict(self._features[profile.reference])[feature], ()))
                weight = W_FEATURE[min(size, 3)]
                if sharing > 1:
                    weight /= sharing
                    text += f" (so do {sharing - 1} other appeals)"
                reasons.append(Reason("feature", text, weight))
        if any(r.code in _NEEDS_SUPPORT for r in reasons):
            reasons.extend(self._corroboration(profile, report, reading))
        for area in sorted(reading.areas & {_normalise_area(a) for a in profile.areas}):
            shown = next(a for a in profile.areas if _normalise_area(a) == area)
            reasons.append(Reason("area", f"mentions {shown}, an area the appeal is linked to", W_AREA))
            break
        return reasons

    def suggest(self, report: ReportFacts) -> list[LinkSuggestion]:
        """Every appeal the report may be about with confidence ≥ MIN_CONFIDENCE, most likely first."""
        reading = self._read(report)
        evidence = {
            ref: self._evidence(self.profiles[ref], report, reading) for ref in self.candidates(report, reading)
        }
        page = report.submitted_from
        denied = bool(reading.negated)
        if page in self.profiles:
            own = [r for r in evidence.get(page, []) if r.code != "area"]
            named_elsewhere = any(
                noisy_or(r.weight for r in reasons if r.code != "area") >= 0.75
                for ref, reasons in evidence.items()
                if ref != page
            )
            if named_elsewhere and not own:
                reason = Reason(
                    "page_other",
                    "sent from the appeal's page, but names another appeal's subject",
                    W_PAGE_OTHER_NAMED,
                )
            elif denied:
                reason = Reason("page_denied", "sent from the appeal's page, but says it is not them", W_PAGE_DENIED)
            elif not own and (someone := self._someone_else_named(self.profiles[page], reading)):
                reason = Reason(
                    "page_names_someone",
                    f"sent from the appeal's page, but names someone else ({someone})",
                    W_PAGE_NAMES_SOMEONE,
                )
            elif not own and introduces_someone_new(report.text):
                reason = Reason(
                    "page_new_person",
                    "sent from the appeal's page, but talks about someone new ('a man...')",
                    W_PAGE_NEW_PERSON,
                )
            elif talks_about_person(report.text) or own or refers_to_the_appeal(report.text):
                reason = Reason("page", "submitted from the appeal's page", W_PAGE_PERSON)
            else:
                reason = Reason(
                    "page_no_person",
                    "submitted from the appeal's page, but does not talk about a person",
                    W_PAGE_NO_PERSON,
                )
            evidence.setdefault(page, []).insert(0, reason)
        suggestions = []
        for ref, reasons in evidence.items():
            profile = self.profiles[ref]
            before = noisy_or(r.weight for r in reasons)
            reasons = _veto_contradicted(profile, reasons, reading.said)
            if not reasons:
                continue
            confidence = noisy_or(r.weight for r in reasons)
            if any(r.code == "contradiction" for r in reasons):
                # Shown to the analyst as a weak suggestion with its reasons, folded, not hidden.
                confidence = max(confidence, min(before, MIN_CONFIDENCE))
            if profile.status == "closed":
                confidence *= CLOSED_FACTOR
                reasons = [*reasons, Reason("closed", "the appeal has ended", 0.0)]
            if confidence >= MIN_CONFIDENCE:
                suggestions.append(LinkSuggestion(ref, round(confidence, 3), tuple(reasons)))
        return sorted(suggestions, key=lambda s: (-s.confidence, s.reference))


# Evidence that corroboration (kind of appeal, sex, age, circumstances) may add to.
_NEEDS_SUPPORT = frozenset({"first_name", "alias", "surname", "feature", "vehicle", "vrm_part"})

# Evidence that says who the person looks like or where they are, which a contradiction outweighs; a plate, a
# phone, a reference or the whole name is not.
_DESCRIPTIVE = frozenset(
    {
        "feature",
        "page",
        "page_no_person",
        "page_new_person",
        "first_name",
        "alias",
        "surname",
        "area",
        "vrm_part",
        "kind",
        "sex",
        "age",
        "circumstances",
        "vehicle",
    }
)


def _veto_contradicted(profile: AppealProfile, reasons: list[Reason], said: Stated) -> list[Reason]:
    """A report that describes someone the subject cannot be (another sex, an age far from theirs, the opposite
    build or height) is not about them on descriptive evidence: those reasons are kept for the analyst to see,
    at no weight, beside the contradiction."""
    found = contradictions(
        said,
        sex=profile.sex,
        age_min=profile.age_min,
        age_max=profile.age_max,
        physique=profile.physique,
        height_cm=profile.height_cm,
    )
    if not found or not any(r.code in _DESCRIPTIVE for r in reasons):
        return reasons
    kept = [r if r.code not in _DESCRIPTIVE else Reason(r.code, r.text + " (outweighed)", 0.0) for r in reasons]
    return [*kept, Reason("contradiction", "but the report " + "; ".join(found), 0.0)]


def suggest_links(report: ReportFacts, profiles: Sequence[AppealProfile]) -> list[LinkSuggestion]:
    """Convenience for one-off use; build an AppealIndex once when scoring many reports."""
    return AppealIndex(profiles).suggest(report)
