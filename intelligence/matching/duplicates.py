"""Duplicates: reports that tell the same thing, grouped so an analyst reads one and sees "+7 similar".

Pure and typed. A report is reduced once, on arrival, to a `ReportFingerprint`: its normalised text, the
identifying entities it carries, the appeals it is linked to, and a MinHash of its text cut into LSH band keys
(signed 64-bit integers, so a database can index them: a side table or a PostgreSQL bigint[] with a GIN index).
Finding the reports a new one may repeat is then a lookup by entity key and by band key, not a scan; only those
candidates are compared (`duplicate_verdict`). See docs/adr/0010-enrichment-linking.md.
"""

import hashlib
import re
import struct
from collections import defaultdict, deque
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache

from rapidfuzz import fuzz
from rapidfuzz.distance import DamerauLevenshtein

from .extraction import Extracted, Kind
from .lexicon import canonical_words, description_words

SHINGLE = 5  # characters per shingle
HASHES = 32  # MinHash values: two 64-byte BLAKE2b digests, sixteen 32-bit values each
BANDS = 8  # LSH bands of HASHES // BANDS rows: texts with Jaccard ≥ 0.6 share a band with probability ≥ 0.67,
# ≥ 0.8 with probability ≥ 0.98; unrelated texts (Jaccard ~0.1) almost never do
ROWS = HASHES // BANDS
NEAR_IDENTICAL = 88.0  # rapidfuzz token_sort_ratio, 0-100
SIMILAR = 70.0  # token_sort_ratio needed beside one shared place when no appeal ties the reports
WINDOW_DAYS = 7  # the same thing is told within days; a sighting a month later is news
CONTEXT_WINDOW_DAYS = 2  # the appeal's own plate, seen twice within two days, is likely one sighting
MAX_CANDIDATES_PER_KEY = 200  # a busy pub's key: only its most recent reports are compared
SAME_SIGHTING_DAYS = 2  # two reports about one appeal this close together, at a similar place, tell one sighting
SAME_INCIDENT_WORDS = 3  # ... and for two reports about no appeal, the words of where and what they share
SAME_INCIDENT_SHARE = 0.5  # ... which are at least this share of the shorter report's
SAME_INCIDENT_LONG_SHARE = 0.2  # ... and of the longer one's (a long letter shares a few words with everything)
LONG_LETTER_WORDS = 25  # a report with this many words of where and what is a letter, not a sighting
FUZZY_PLACE_LENGTH = 5  # place words this long match with one slip of spelling between two tellings
SAME_PLACE_WORDS = 2  # shared place words (in the lexicon's words: "chippy" = "fish shop", "rd" = "road")
SHORT_SIGHTING_WORDS = 4  # a report about the appeal with this few place words shares one place word, not two
SHORT_SIGHTING_DAYS = 1  # ... told the same day or the next
SHORT_SIGHTING_OTHER_WORDS = 15  # ... beside a telling of this few: a letter has many places, one of them in common
# ... but not one of these, which every other place has ("wexley rd now" and "back on Wexley Rd" share a town).
GENERIC_PLACE_WORDS = frozenset(
    {"road", "street", "lane", "terrace", "walk", "avenue", "close", "way", "drive", "crescent", "grove", "square"}
    | {"estate", "park", "green", "common", "hill", "town", "centre", "car", "shop", "house", "flat", "area"}
)
# ... nor what the appeal is about, which every report of it may say ("the blonde woman from the stabbing").
WHAT_WORDS = frozenset(
    {"stabbing", "robbery", "burglary", "assault", "theft", "shoplifting", "dealing", "selling", "fraud", "drug"}
    | {"fight", "attack", "robbed", "stabbed", "burgled", "nicking", "stealing", "shoplifter", "dealer", "thief"}
)
UNLINKED = "unlinked"
UNLINKED_CANDIDATES = 20  # a report about no appeal is compared with this many of the latest about none
# A context key that is a word of the linked appeals' names and areas ("word:cradlebury"): not a place in common.
CONTEXT_WORD = "word:"

# What identifies a fact: a phone, an e-mail, a handle, a postcode, a plate, a named place. Names are left out:
# most reports about an appeal name its subject, so a shared name says nothing about telling the same thing.
IDENTIFYING = frozenset({Kind.PHONE, Kind.EMAIL, Kind.HANDLE, Kind.POSTCODE, Kind.VRM, Kind.PLACE, Kind.PARTIAL_VRM})
# Kinds where two different values mean two different facts ("at NS9 2SN" is not "at NS9 2SQ").
EXCLUSIVE = frozenset({Kind.PHONE, Kind.POSTCODE, Kind.VRM, Kind.EMAIL, Kind.HANDLE})


def normalise_text(text: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"[^a-z0-9@ ]+", " ", text.lower())).strip()


def _shingles(normalised: str) -> set[str]:
    if len(normalised) <= SHINGLE:
        return {normalised}
    return {normalised[i : i + SHINGLE] for i in range(len(normalised) - SHINGLE + 1)}


def minhash(normalised: str) -> tuple[int, ...]:
    """HASHES minimum hash values over the text's character shingles; each digest gives sixteen hash functions,
    so the cost is two BLAKE2b calls per shingle."""
    rows = []
    for shingle in _shingles(normalised):
        data = shingle.encode()
        rows.append(
            struct.unpack("<16I", hashlib.blake2b(data, person=b"lookout-mh-0").digest())
            + struct.unpack("<16I", hashlib.blake2b(data, person=b"lookout-mh-1").digest())
        )
    return tuple(min(column) for column in zip(*rows, strict=True))


def band_keys(signature: tuple[int, ...]) -> tuple[int, ...]:
    """One signed 64-bit key per band: two texts that agree on every row of a band share that key."""
    keys = []
    for band in range(BANDS):
        rows = signature[band * ROWS : (band + 1) * ROWS]
        digest = hashlib.blake2b(struct.pack(f"<B{ROWS}I", band, *rows), digest_size=8).digest()
        keys.append(int.from_bytes(digest, "big", signed=True))
    return tuple(keys)


def estimated_jaccard(a: tuple[int, ...], b: tuple[int, ...]) -> float:
    return sum(x == y for x, y in zip(a, b, strict=True)) / len(a)


@dataclass(frozen=True, slots=True)
class ReportFingerprint:
    id: int
    text: str  # normalised
    entity_keys: frozenset[str]
    context_keys: frozenset[str]  # entity keys the linked appeal already has (its vehicle's plate): weak
    appeals: frozenset[str]
    received: date | None
    signature: tuple[int, ...]
    bands: tuple[int, ...]

    @classmethod
    def build(
        cls,
        *,
        id: int,  # noqa: A002 - the report's id, as the database will call it
        text: str,
        entities: Iterable[Extracted],
        appeals: Iterable[str] = (),
        received: date | None = None,
        context: Iterable[str] = (),
    ) -> "ReportFingerprint":
        """`context` is entity keys the linked appeals already have (their vehicles' plates): every report about
        the car carries them, so they count only for reports close together in time."""
        keys = frozenset(e.key for e in entities if e.kind in IDENTIFYING)
        normalised = normalise_text(text)
        signature = minhash(normalised)
        context = frozenset(context)
        return cls(
            id,
            normalised,
            keys,
            (keys & context) | {k for k in context if k.startswith(CONTEXT_WORD)},
            frozenset(appeals),
            received,
            signature,
            band_keys(signature),
        )

    @property
    def context_words(self) -> frozenset[str]:
        """The words of the linked appeals' names and areas (its `word:` context keys)."""
        return frozenset(k.removeprefix(CONTEXT_WORD) for k in self.context_keys if k.startswith(CONTEXT_WORD))

    @property
    def short(self) -> str:
        """The fingerprint as one short string (the band keys in hex), for a log line or a single column."""
        return ".".join(f"{k & 0xFFFFFFFFFFFFFFFF:016x}" for k in self.bands)


@dataclass(frozen=True, slots=True)
class DuplicateVerdict:
    duplicate: bool
    score: float
    reasons: tuple[str, ...] = field(default_factory=tuple)


def _kinds(keys: Iterable[str]) -> dict[str, set[str]]:
    by_kind: dict[str, set[str]] = defaultdict(set)
    for key in keys:
        kind, _, value = key.partition(":")
        by_kind[kind].add(value)
    return by_kind


@lru_cache(maxsize=8192)
def place_words(normalised: str) -> frozenset[str]:
    """The words of a report that can say where and what (in the lexicon's words), for comparing two tellings of
    one sighting: "the chippy on Mill Rd" and "fish shop, mill road" share {chip_shop, mill, road}."""
    skip = description_words()
    return frozenset(
        w for w in canonical_words(normalised) if len(w) >= 3 and w not in skip and not any(c.isdigit() for c in w)
    )


_STREET = re.compile(
    r"\b([a-z]+)\s+(?:road|rd|street|st|lane|ln|terrace|walk|avenue|ave|close|way|drive|crescent|grove|square|"
    r"estate|park|green|common|hill)\b"
)


def _one_slip_from(word: str, words: Iterable[str]) -> bool:
    return len(word) >= FUZZY_PLACE_LENGTH and any(
        len(other) >= FUZZY_PLACE_LENGTH and DamerauLevenshtein.distance(word, other, score_cutoff=1) <= 1
        for other in words
    )


def _fuzzy_common(words_a: frozenset[str], words_b: frozenset[str]) -> frozenset[str]:
    """The words two tellings share, a slip of spelling forgiven in longer words ("sliper" / "slipper",
    "chruch" / "church", "olerby" / "ollerby"): each shared word as the first report writes it."""
    others = words_b - words_a
    return words_a & words_b | {x for x in words_a - words_b if _one_slip_from(x, others)}


def _some(words: Iterable[str]) -> str:
    return ", ".join(sorted(words)[:4])


@lru_cache(maxsize=8192)
def _streets(normalised: str) -> frozenset[str]:
    """The named streets and estates of a normalised text ("mill" of "mill road"), to tell two places apart."""
    return frozenset(m.group(1) for m in _STREET.finditer(normalised) if m.group(1) not in {"the", "a", "on", "in"})


def duplicate_verdict(a: ReportFingerprint, b: ReportFingerprint) -> DuplicateVerdict:
    """Two reports tell the same thing when they arrived within WINDOW_DAYS of each other, are not linked to
    different appeals, do not contradict each other on something exclusive (two postcodes, plates or phone
    numbers are two facts), and either read nearly the same (NEAR_IDENTICAL) or share something identifying.
    What must be shared depends on what ties them: reports linked to the same appeal need one identifying
    entity (a place will do; the appeal's own plate only within CONTEXT_WINDOW_DAYS); otherwise — one or both
    linked to nothing — a place alone is not enough, because many things happen at one pub, unless the wording
    is similar too (SIMILAR)."""
    if a.appeals and b.appeals and not a.appeals & b.appeals:
        return DuplicateVerdict(False, 0.0, ("about different appeals",))
    days = abs((a.received - b.received).days) if a.received and b.received else 0
    if days > WINDOW_DAYS:
        return DuplicateVerdict(False, 0.0, (f"more than {WINDOW_DAYS} days apart",))
    kinds_a, kinds_b = _kinds(a.entity_keys), _kinds(b.entity_keys)
    for kind in EXCLUSIVE:
        if kinds_a.get(kind) and kinds_b.get(kind) and not kinds_a[kind] & kinds_b[kind]:
            return DuplicateVerdict(False, 0.0, (f"different {Kind(kind).label}s",))
    shared = a.entity_keys & b.entity_keys
    # Texts whose MinHash agrees on under a third of its values are nowhere near identical (Jaccard ~0.3 or
    # less): the cheap check spares the string comparison for most candidates.
    if shared or estimated_jaccard(a.signature, b.signature) >= 0.3:
        wording = fuzz.token_sort_ratio(a.text, b.text)
        if wording >= NEAR_IDENTICAL:
            return DuplicateVerdict(True, wording / 100.0, (f"near-identical wording ({wording:.0f}%)",))
    same_appeal = bool(a.appeals & b.appeals)
    partial_only = shared and all(k.startswith(f"{Kind.PARTIAL_VRM}:") for k in shared)
    if partial_only and not same_appeal:
        # "starts with KX19" fits many cars: part of a plate alone never joins reports about different appeals.
        shared = frozenset()
    if same_appeal and days <= SAME_SIGHTING_DAYS:
        context = a.context_words | b.context_words
        words_a, words_b = place_words(a.text), place_words(b.text)
        both = _fuzzy_common(words_a, words_b)
        # The subject's name misspelt ("becklas") is a name, not a place.
        common = frozenset(
            w for w in both if w not in context and w not in WHAT_WORDS and not _one_slip_from(w, context)
        )
        # A long letter shares a few place words with every short sighting: the shared words must also be a
        # fair share of the longer report's.
        longer = max(len(words_a), len(words_b))
        enough = longer < LONG_LETTER_WORDS or len(common) >= SAME_INCIDENT_LONG_SHARE * longer
        # A word of the appeal's area counts beside a place word of the reports' own ("the precinct" and
        # "Wendlecombe"), never alone.
        # A short sighting ("by the lock", "shes by the cross") has one place word to share.
        short = (
            min(len(words_a), len(words_b)) <= SHORT_SIGHTING_WORDS
            and longer < SHORT_SIGHTING_OTHER_WORDS
            and days <= SHORT_SIGHTING_DAYS
            and bool(common - GENERIC_PLACE_WORDS)
        )
        if enough and (len(common) >= SAME_PLACE_WORDS or (common and (short or words_a & words_b & context))):
            return DuplicateVerdict(
                True,
                0.75,
                (f"same appeal, {days} day(s) apart, a similar place ({', '.join(sorted(common)[:4])})",),
            )
    if not a.appeals and not b.appeals and days <= SAME_SIGHTING_DAYS:
        # Two tellings of one incident that is about no appeal ("fight outside the Plough sat night" and "massive
        # fight outside the Plough on Saturday"): close in time, and several words of where and what in common.
        words_a, words_b = place_words(a.text), place_words(b.text)
        common = words_a & words_b
        streets_a, streets_b = _streets(a.text), _streets(b.text)
        places_a, places_b = kinds_a.get(Kind.PLACE), kinds_b.get(Kind.PLACE)
        elsewhere = bool(streets_a and streets_b and not streets_a & streets_b)  # "on Canal Walk" / "on Mill Lane"
        elsewhere = elsewhere or bool(places_a and places_b and not places_a & places_b)  # the Plough / the Red Lion
        # A phone, plate or handle in one telling and not the other is a fact of its own, not the same incident.
        elsewhere = elsewhere or any(bool(kinds_a.get(kind)) != bool(kinds_b.get(kind)) for kind in EXCLUSIVE)
        # Most of the shorter telling's words: a long letter shares three words with everything.
        shorter, longer = sorted((len(words_a), len(words_b)))
        most = len(common) >= SAME_INCIDENT_SHARE * shorter and len(common) >= SAME_INCIDENT_LONG_SHARE * longer
        if len(common) >= SAME_INCIDENT_WORDS and most and not elsewhere:
            return DuplicateVerdict(
                True,
                0.7,
                (f"neither about an appeal, {days} day(s) apart, the same place and what ({_some(common)})",),
            )
    weak = shared & (a.context_keys | b.context_keys)
    strong = shared - weak
    if weak and not strong and days <= CONTEXT_WINDOW_DAYS:
        strong = weak
    if not strong:
        return DuplicateVerdict(False, 0.0, ())
    reasons = ["both mention " + ", ".join(sorted(strong))]
    only_places = all(key.startswith(f"{Kind.PLACE}:") for key in strong)
    if only_places and len(strong) < 2 and max(len(place_words(a.text)), len(place_words(b.text))) >= LONG_LETTER_WORDS:
        # A long letter names many places: one of them in a short sighting is not the letter's news.
        return DuplicateVerdict(False, 0.0, ("only a place in common with a long letter",))
    if not same_appeal and only_places and len(strong) < 2:
        similar = fuzz.token_sort_ratio(a.text, b.text)
        if similar < SIMILAR:
            return DuplicateVerdict(False, 0.0, (f"only a place in common, different wording ({similar:.0f}%)",))
        reasons.append(f"similar wording ({similar:.0f}%)")
    return DuplicateVerdict(True, min(1.0, 0.7 + 0.1 * len(strong)), tuple(reasons))


def best_match(
    fp: ReportFingerprint, candidates: Iterable[tuple[ReportFingerprint, frozenset[str]]]
) -> tuple[int, DuplicateVerdict] | None:
    """The candidate the new report best repeats, if any. Each candidate comes with the appeals its group is
    linked to: a report linked to another appeal never joins that group, even through a member linked to
    nothing. The in-memory index and the database (intelligence.enrichment.repeats) both decide here."""
    best: tuple[int, DuplicateVerdict] | None = None
    for other, group_appeals in candidates:
        if fp.appeals and group_appeals and not fp.appeals & group_appeals:
            continue
        verdict = duplicate_verdict(fp, other)
        if verdict.duplicate and (best is None or verdict.score > best[1].score):
            best = (other.id, verdict)
    return best


class DuplicateIndex:
    """Reports seen so far, indexed by entity key and MinHash band key; `add` places a new report in the group
    of the report it best repeats, or starts a group. The same lookups become two indexed queries on the
    database (entity key IN (...), band key IN (...)), bounded per key by MAX_CANDIDATES_PER_KEY."""

    def __init__(self) -> None:
        self.reports: dict[int, ReportFingerprint] = {}
        self.group_of: dict[int, int] = {}
        # The appeals a group's reports are linked to: a report linked elsewhere never joins it, even through a
        # member linked to nothing ("she was at the Red Lion" must not join Daz's group via "someone at the Red
        # Lion").
        self.group_appeals: dict[int, set[str]] = defaultdict(set)
        self._by_key: dict[str | int, deque[int]] = defaultdict(lambda: deque(maxlen=MAX_CANDIDATES_PER_KEY))
        self._by_key[UNLINKED] = deque(maxlen=UNLINKED_CANDIDATES)

    @staticmethod
    def _keys(fp: ReportFingerprint) -> list[str | int]:
        # A report about no appeal is compared with the most recent others about none (UNLINKED).
        own = [f"appeal:{ref}" for ref in sorted(fp.appeals)] or [UNLINKED]
        return [*fp.entity_keys, *fp.bands, *own]

    def candidates(self, fp: ReportFingerprint) -> set[int]:
        found: set[int] = set()
        for key in self._keys(fp):
            found.update(self._by_key.get(key, ()))
        found.discard(fp.id)
        return found

    def best_match(self, fp: ReportFingerprint) -> tuple[int, DuplicateVerdict] | None:
        return best_match(
            fp,
            (
                (self.reports[other_id], frozenset(self.group_appeals[self.group_of[other_id]]))
                for other_id in sorted(self.candidates(fp))
            ),
        )

    def add(self, fp: ReportFingerprint) -> int:
        """The group the report joins (the id of the group's first report)."""
        match = self.best_match(fp)
        group = self.group_of[match[0]] if match else fp.id
        self.reports[fp.id] = fp
        self.group_of[fp.id] = group
        self.group_appeals[group].update(fp.appeals)
        for key in self._keys(fp):
            self._by_key[key].append(fp.id)
        return group

    def groups(self) -> dict[int, list[int]]:
        out: dict[int, list[int]] = defaultdict(list)
        for report_id, group in self.group_of.items():
            out[group].append(report_id)
        return dict(out)


def group_reports(fingerprints: Iterable[ReportFingerprint]) -> dict[int, int]:
    """Group a stream of reports (in the order they arrived): report id → group id."""
    index = DuplicateIndex()
    for fp in fingerprints:
        index.add(fp)
    return dict(index.group_of)


def pack_signature(signature: tuple[int, ...]) -> bytes:
    """A MinHash signature as 128 bytes, for a binary column."""
    return struct.pack(f"<{HASHES}I", *signature)


def unpack_signature(data: bytes | memoryview) -> tuple[int, ...]:
    return struct.unpack(f"<{HASHES}I", bytes(data))
