"""The evidence that a report is about one appeal: each kind of `Reason` (a reference, a plate, a contact, a
vehicle, a name, a distinguishing feature, an area) and the corroboration that counts only beside a name, a
feature or the page."""

import re
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from ..denials import denied_just_before
from ..description import VAGUE_AGE_YEARS, Stated, contradictions
from ..extraction import Kind, NameMatch, match_names
from ..lexicon import wordlike_aliases
from .profiles import AppealProfile, Reading, ReportFacts
from .reasons import Reason
from .vehicles import plate_reasons, said_of_vehicle, vehicle_mismatch, vehicle_reasons
from .weights import (
    FEATURE_WINDOW,
    W_AGE_FITS,
    W_ALIAS,
    W_ALIAS_NAME,
    W_AREA,
    W_CIRCUMSTANCES,
    W_COMMON_ALIAS,
    W_CONTACT,
    W_FEATURE,
    W_FEATURE_OTHER_NAMED,
    W_FIRST_NAME,
    W_FULL_NAME,
    W_KIND,
    W_KNOWN_ENTITY,
    W_NAME_COMPARED,
    W_REFERENCE,
    W_REFERENCE_NEAR,
    W_SEX_FITS,
    W_SURNAME,
    W_WORDLIKE_LOWER,
)
from .words import (
    BODY_PARTS,
    COMMON_GIVEN_NAMES,
    SIDES,
    STREET_WORDS,
    WORDLIKE_NAMES,
    normalise_area,
    root,
)

if TYPE_CHECKING:
    from .index import AppealIndex

# Evidence that corroboration (kind of appeal, sex, age, circumstances) may add to.
NEEDS_SUPPORT = frozenset({"first_name", "alias", "surname", "feature", "vehicle", "vrm_part"})


def contradictions_of(profile: AppealProfile, said: Stated) -> list[str]:
    """What the report says of the person that the appeal's subject cannot be (another sex, an age far from
    theirs, the opposite build or height)."""
    return contradictions(
        said,
        sex=profile.sex,
        age_min=profile.age_min,
        age_max=profile.age_max,
        physique=profile.physique,
        height_cm=profile.height_cm,
    )


def someone_else_named(index: "AppealIndex", profile: AppealProfile, reading: Reading) -> str:
    """A full name in the report that is not this subject's (nor a street or an area): "John Doyle on Acre
    Lane" sent from Shane Doyle's page is about John Doyle."""
    for person in reading.people:
        if any(s[0] < person.span[1] and person.span[0] < s[1] for s in reading.area_spans):
            continue
        after = reading.tokens_after(person.span[1])
        if person.raw.split()[-1].lower() in STREET_WORDS or after in STREET_WORDS:
            continue  # "Brook Road", "Try Brook Road": a street, not a person
        if not any(not m.partial for m in match_names(person.raw, profile.names)):
            return person.raw
    return ""


def _name_reasons(
    index: "AppealIndex", profile: AppealProfile, matches: Sequence[NameMatch], text: str, said: Stated
) -> list[Reason]:
    reasons: list[Reason] = []
    for m in matches:
        is_alias = m.name in profile.aliases
        written = text[m.span[0] : m.span[1]]
        lower_word = written.islower() and written.lower().removesuffix("'s") in WORDLIKE_NAMES
        if not m.partial and m.name in profile.names[1:]:
            # A nickname with the surname ("Gaz Baker"): as written only, and a description can outweigh it.
            if m.score >= 1.0:
                reasons.append(
                    Reason("alias_name", f"names the appeal's subject by nickname, {m.name}", W_ALIAS_NAME, m.span)
                )
            continue
        if not m.partial and not is_alias:
            weight = W_FULL_NAME if m.score >= 1.0 else W_FULL_NAME * m.score * 0.95
            how = "names" if m.score >= 1.0 else "names, nearly (as written: '" + written + "'),"
            code = "name" if m.score >= 1.0 else "name_near"
            if _COMPARED_BEFORE.search(text[max(0, m.span[0] - 30) : m.span[0]]):
                # "a man who looks like Mohammed Rafiq": a likeness, which the report may go on to deny.
                how, code, weight = "compares the person to", "name_compared", weight * W_NAME_COMPARED
            reasons.append(Reason(code, f"{how} the appeal's subject, {m.name}", weight, m.span))
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
        shared_by = index.word_appeals.get(m.name.lower().split()[0] if is_alias else written.lower(), set())
        sharing = sum(1 for ref in shared_by if not contradictions_of(index.profiles[ref], said))
        if sharing > 1:
            weight /= sharing
            note += f" (shared by {sharing} appeals)"
        label = {
            "alias": f"names the appeal's alias '{m.name}'",
            "first_name": f"names the subject's first name only ('{written}')",
            "surname": f"names the subject's surname only ('{written}')",
        }[code]
        reasons.append(Reason(code, label + note, weight, m.span))
    return reasons


_COMPARED_BEFORE = re.compile(
    r"(?:looks?|looked|looking)\s+(?:a\s+(?:bit|lot)\s+|just\s+|exactly\s+|so\s+much\s+)?like\s+$|resembles?\s+$|"
    r"look-?alike\s+(?:of\s+)?$",
    re.IGNORECASE,
)


def _name_denied(m: NameMatch, text: str, reading: Reading) -> bool:
    """The reporter says it is not this name: inside "not him, but...", or right after "isnt", "not"."""
    return any(a <= m.span[0] and m.span[1] <= b for a, b in reading.negated) or denied_just_before(text, m.span[0])


def _name_believable(index: "AppealIndex", profile: AppealProfile, m: NameMatch, text: str, reading: Reading) -> bool:
    """A name match that can be about this subject. Not when the reporter says it is not ("its not benno"); not
    a surname or alias that is part of someone else's full name ("Carl Jones", "Vincent Price", "Jodie Lane");
    not a surname that is a street word after another word ("Acre Lane")."""
    if _name_denied(m, text, reading):
        return False
    if not m.partial and m.name not in profile.aliases:
        return True
    first_names = {w.lower() for w in profile.names[0].split()[:1]} | {a.lower() for a in profile.aliases}
    for person in reading.people:
        if person.span[0] <= m.span[0] and m.span[1] <= person.span[1]:
            own_full = any(not n.partial for n in match_names(person.raw, profile.names))
            if not own_full and index.names_a_subject(person.raw):
                return False  # "Daniel Owusu" names another appeal's subject: his "Daniel" is not Daniel Smith
            written_first = person.value.split()[0]
            if written_first not in first_names and not own_full:
                return False
    word = m.matched.lower().removesuffix("'s")
    if m.part == "last" and word in STREET_WORDS:
        return False
    if m.partial and reading.tokens_after(m.span[1]) in STREET_WORDS:
        return False  # "castle street", "marsh lane": a street named so, not the subject
    if m.name in profile.aliases and m.score < 1.0:
        # An exact surname ("Jones") is a surname, not a misspelt alias ("Jonesy").
        before = text[: m.span[0]].rstrip()
        if m.matched[:1].isupper() and before and before.split()[-1][:1].isupper():
            return False
    return True


def _corroboration(index: "AppealIndex", profile: AppealProfile, report: ReportFacts, reading: Reading) -> list[Reason]:
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
        out.append(Reason("sex", f"describes a {'man or boy' if said.sex == 'male' else 'woman or girl'}", W_SEX_FITS))
    if said.age and said.age[1] - said.age[0] <= VAGUE_AGE_YEARS and profile.age_min is not None:
        top = profile.age_max if profile.age_max is not None else profile.age_min
        if said.age[0] <= top + 3 and said.age[1] >= profile.age_min - 3:
            out.append(Reason("age", f"gives an age that fits ({said.age[0]})", W_AGE_FITS))
    roots = {root(w) for w, _, _ in reading.tokens if len(w) >= 4}
    common = sorted(roots & index.circumstance.get(profile.reference, set()))
    if common:
        out.append(
            Reason("circumstances", f"mentions what the appeal is about ({', '.join(common[:3])}...)", W_CIRCUMSTANCES)
        )
    return out


def _colour_differs(recorded: dict[str, frozenset[int]], said: dict[str, frozenset[int]]) -> bool:
    """The report gives a thing the feature records another colour: "a ginger beard" is not "a white beard",
    "a black coat" not "a long green coat"."""
    return any(noun in said and not groups & said[noun] for noun, groups in recorded.items())


def _elsewhere_on_body(parts: frozenset[str], words: frozenset[str], reading: Reading) -> bool:
    """The report puts the feature on another part of the body: "a star on her ankle" is not "a small star
    tattoo behind her left ear". Only body parts close to the feature's words count."""
    if not parts:
        return False
    near = {w for w, _ in _placed_near(BODY_PARTS, words, reading, FEATURE_WINDOW)}
    return bool(near) and not near & parts


def _placed_near(
    candidates: Iterable[str], words: frozenset[str], reading: Reading, window: int
) -> list[tuple[str, int]]:
    """Each of the candidate words the report writes within `window` words of one of the feature's, and where."""
    return [
        (w, p)
        for w in candidates
        for p in reading.positions.get(w, ())
        if any(abs(p - q) <= window for t in words for q in reading.positions.get(t, ()))
    ]


SIDE_WINDOW = 12  # words: "a crown on his neck in Ravensholt, but it was on the left side"


def _other_side(sides: frozenset[str], words: frozenset[str], reading: Reading) -> bool:
    """The report puts the feature on the other side: "a crown on his neck, but on the left side" is not "a crown
    tattoo on the right side of his neck". Only a side close to the feature's words counts."""
    if len(sides) != 1:
        return False
    placed = _placed_near(SIDES, words, reading, SIDE_WINDOW)
    if not placed:
        return False
    at = {p: w for w, places in reading.positions.items() for p in places}
    # A side of the body ("the left side", "his right arm", "on the left"), not "he left the pub".
    near = {
        w for w, p in placed if at.get(p + 1) in BODY_PARTS | {"side", "hand"} or at.get(p - 1) in {"the", "his", "her"}
    }
    return bool(near) and not near & sides


def _said_without(words: frozenset[str], reading: Reading) -> bool:
    """The report says the person does not have it now: "hasnt got dreads", "no beard", "without his glasses"."""
    return any(w in reading.without for w in words)


def evidence_for(
    index: "AppealIndex", profile: AppealProfile, report: ReportFacts, reading: Reading, *, area_only: bool = False
) -> list[Reason]:
    """Every reason the report gives for this appeal. `area_only`: the index found the appeal only by an area the
    report mentions, so no name, feature, plate, contact or reference of it is there to look for."""
    mismatch = vehicle_mismatch(index, profile, reading) if said_of_vehicle(profile, reading) else None
    if area_only:
        vehicle = vehicle_reasons(index, profile, reading, [], mismatch)
        if any(r.code in NEEDS_SUPPORT for r in vehicle):
            vehicle.extend(_corroboration(index, profile, report, reading))
        return [*vehicle, *_area_reasons(profile, reading)]
    reasons: list[Reason] = []
    if profile.reference in reading.quoted:
        reasons.append(Reason("reference", f"quotes the appeal's reference {profile.reference}", W_REFERENCE))
    elif profile.reference in reading.quoted_near:
        text = f"quotes {reading.quoted_near[profile.reference]}, one slip from the appeal's reference"
        reasons.append(Reason("reference_near", text, W_REFERENCE_NEAR))
    reasons.extend(plate_reasons(index, profile, reading, mismatch))
    for e in report.entities:
        if e.key in profile.contacts:
            text = f"{e.kind.label} {e.raw} is the appeal's own"
            reasons.append(Reason("contact", text, W_CONTACT))
            break
    reasons.extend(vehicle_reasons(index, profile, reading, reasons, mismatch))
    known = [
        e for e in report.entities if profile.reference in index.known.get(e.key, ()) and e.value not in profile.vrms
    ]
    if known:
        best = max(known, key=lambda e: W_KNOWN_ENTITY[e.kind])
        text = f"{best.kind.label} {best.raw} is in an earlier report confirmed as about this appeal"
        reasons.append(Reason("known_entity", text, W_KNOWN_ENTITY[best.kind]))
    # A town is not a name, however close: "Dunmere" is not "Dunmore".
    matches = [
        m
        for m in match_names(
            report.text,
            [*profile.names, *profile.aliases],
            text_tokens=reading.tokens,
            whole_only=profile.names[1:],
            every_part=True,
        )
        if not any(s[0] < m.span[1] and m.span[0] < s[1] for s in (*reading.area_spans, *reading.reference_spans))
    ]
    denied = next((m for m in matches if _name_denied(m, report.text, reading)), None)
    if denied is not None:
        # The report's person is someone else: what it says of them is not evidence for this subject (suggest).
        reasons.append(Reason("denied_name", f"says it is not {denied.matched}", 0.0))
    matches = [m for m in matches if _name_believable(index, profile, m, report.text, reading)]
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
    name_reasons = _name_reasons(index, profile, matches, report.text, reading.said)
    # Each kind of name evidence counts once, at its strongest.
    strongest: dict[str, Reason] = {}
    for r in name_reasons:
        if r.code not in strongest or r.weight > strongest[r.code].weight:
            strongest[r.code] = r
    reasons.extend(strongest.values())
    described = []
    for feature, words in index.features.get(profile.reference, ()):
        said = reading.as_said(words)
        seen = sum(w.count("_") + 1 for w in words)  # a phrase of the lexicon ("missing_teeth") counts its words
        # Every telling word: "a tattoo on his arm" is not "an anchor tattoo on his left forearm"; and close
        # together, as one description (FEATURE_WINDOW words, and a few more for a longer feature).
        if (
            words
            and said is not None
            and reading.close_together(said, FEATURE_WINDOW + 2 * len(words))
            and not _colour_differs(index.feature_colours.get(feature, {}), reading.colours)
            and not _elsewhere_on_body(index.feature_parts.get(feature, frozenset()), words, reading)
            and not _other_side(index.feature_sides.get(feature, frozenset()), words, reading)
            and not _said_without(words, reading)
        ):
            described.append((seen, feature))
    if described:
        others = [
            e.raw
            for e in report.entities
            if e.kind == Kind.PERSON
            and not any(s[0] < e.span[1] and e.span[0] < s[1] for s in reading.area_spans)
            and e.raw.split()[-1].lower() not in STREET_WORDS
            and not any(not m.partial for m in match_names(e.raw, [*profile.names, *profile.aliases]))
            and not index.names_a_subject(e.raw)
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
            sharing = len(index.feature_share.get(dict(index.features[profile.reference])[feature], ()))
            weight = W_FEATURE[min(size, 3)]
            if sharing > 1:
                weight /= sharing
                text += f" (so do {sharing - 1} other appeals)"
            reasons.append(Reason("feature", text, weight))
    if any(r.code in NEEDS_SUPPORT for r in reasons):
        reasons.extend(_corroboration(index, profile, report, reading))
    reasons.extend(_area_reasons(profile, reading))
    return reasons


def _area_reasons(profile: AppealProfile, reading: Reading) -> list[Reason]:
    for area in sorted(reading.areas & {normalise_area(a) for a in profile.areas}):
        shown = next(a for a in profile.areas if normalise_area(a) == area)
        return [Reason("area", f"mentions {shown}, an area the appeal is linked to", W_AREA)]
    return []
