"""Suggesting links: every candidate's evidence, the page the report was sent from, contradictions, and the
confidence of each appeal as the noisy-OR of its reasons' weights."""

from typing import TYPE_CHECKING

from ..denials import names_given
from ..description import (
    Stated,
    about_a_nuisance,
    has_companion,
    introduces_someone_new,
    refers_to_the_appeal,
    says_where_or_when,
)
from ..extraction import talks_about_person
from .evidence import contradictions_of, evidence_for, someone_else_named
from .profiles import AppealProfile, ReportFacts
from .reasons import LinkSuggestion, Reason, noisy_or
from .weights import (
    CLOSED_FACTOR,
    MIN_CONFIDENCE,
    W_FEATURE_OTHER_NAMED,
    W_PAGE_DENIED,
    W_PAGE_NAMES_SOMEONE,
    W_PAGE_NEW_PERSON,
    W_PAGE_NO_PERSON,
    W_PAGE_OTHER_NAMED,
    W_PAGE_PERSON,
    W_PAGE_WHERE,
)

if TYPE_CHECKING:
    from .index import AppealIndex


def suggest(index: "AppealIndex", report: ReportFacts) -> list[LinkSuggestion]:
    """Every appeal the report may be about with confidence ≥ MIN_CONFIDENCE, most likely first."""
    reading = index.read(report)
    found, by_area = index.candidates_by_route(report, reading)
    evidence = {ref: evidence_for(index, index.profiles[ref], report, reading) for ref in found}
    evidence.update({ref: evidence_for(index, index.profiles[ref], report, reading, area_only=True) for ref in by_area})
    claims = _whole_name_claims(evidence)
    _yield_claimed_names(evidence, claims)
    _describes_the_named(index, evidence, claims, report.text)
    page = report.submitted_from
    denied = bool(reading.negated) or (page in index.profiles and _called_someone_else(index.profiles[page], report))
    if page in index.profiles:
        own = [r for r in evidence.get(page, []) if r.code != "area" and r.weight > 0]
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
        elif not own and (someone := someone_else_named(index, index.profiles[page], reading)):
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
        elif not own and about_a_nuisance(report.text):
            reason = Reason(
                "page_no_person",
                "submitted from the appeal's page, but is about a crime or a nuisance, not a person",
                W_PAGE_NO_PERSON,
            )
        elif talks_about_person(report.text) or own or refers_to_the_appeal(report.text):
            reason = Reason("page", "submitted from the appeal's page", W_PAGE_PERSON)
        elif says_where_or_when(report.text):
            reason = Reason("page", "submitted from the appeal's page, and says where or when", W_PAGE_WHERE)
        else:
            reason = Reason(
                "page_no_person",
                "submitted from the appeal's page, but does not talk about a person",
                W_PAGE_NO_PERSON,
            )
        evidence.setdefault(page, []).insert(0, reason)
    suggestions = []
    for ref, reasons in evidence.items():
        profile = index.profiles[ref]
        before = noisy_or(r.weight for r in reasons)
        if (ref == page and denied) or any(r.code == "denied_name" for r in reasons):
            reasons = _outweigh(reasons, "but the report says the person it describes is not them")
        reasons = _veto_contradicted(profile, reasons, reading.said)
        if not reasons:
            continue
        confidence = noisy_or(r.weight for r in reasons)
        if any(r.code in {"contradiction", "dismissed"} for r in reasons):
            # Shown to the analyst as a weak suggestion with its reasons, folded, not hidden.
            confidence = max(confidence, min(before, MIN_CONFIDENCE))
        if profile.status == "closed":
            confidence *= CLOSED_FACTOR
            reasons = [*reasons, Reason("closed", "the appeal has ended", 0.0)]
        if confidence >= MIN_CONFIDENCE:
            suggestions.append(LinkSuggestion(ref, round(confidence, 3), tuple(reasons)))
    return sorted(suggestions, key=lambda s: (-s.confidence, s.reference))


# A part of a name, which another subject's whole name written at the same place claims.
CLAIMABLE = frozenset({"first_name", "surname", "alias", "name_near"})


def _whole_name_claims(evidence: dict[str, list[Reason]]) -> dict[str, list[tuple[int, int]]]:
    """Where in the report each candidate's subject is named in full (by name, or nickname and surname)."""
    return {
        ref: [r.span for r in reasons if r.code in {"name", "alias_name"} and r.span]
        for ref, reasons in evidence.items()
    }


def _yield_claimed_names(evidence: dict[str, list[Reason]], claims: dict[str, list[tuple[int, int]]]) -> None:
    """Words that make one subject's whole name are not also another's surname or nickname: "jordan walsh" names
    Jordan Walsh, not Patrick Walsh (by his surname) nor Dean "Walshy" Morris. The yielded reasons stay for the
    analyst to see, at no weight."""
    if not any(claims.values()):
        return
    for ref, reasons in evidence.items():
        for i, r in enumerate(reasons):
            if r.code not in CLAIMABLE or r.span is None or r.weight == 0.0:
                continue
            a, b = r.span
            if any(s[0] <= a and b <= s[1] for s in claims[ref]):
                continue
            owner = next(
                (o for o, spans in claims.items() if o != ref and any(s[0] <= a and b <= s[1] for s in spans)), ""
            )
            if owner:
                reasons[i] = Reason(r.code, f"{r.text} (but part of the whole name of {owner}'s subject)", 0.0, r.span)


def _describes_the_named(
    index: "AppealIndex", evidence: dict[str, list[Reason]], claims: dict[str, list[tuple[int, int]]], text: str
) -> None:
    """A report that names one subject in full describes them: its description is not also evidence for an appeal
    it names nothing of ("kerry lawson is at the arcade, shes dyed her hair black"). Not when the subjects differ
    in sex ("Chloe Reid with a blond older lad"), nor when the report says the person is with someone ("Darren
    Kellow with a lad with a bird tattoo"): the description may be of the second person."""
    named = [ref for ref, spans in claims.items() if spans]
    if not named or has_companion(text):
        return
    for ref, reasons in evidence.items():
        if ref in named or any(r.span and r.weight > 0 for r in reasons):
            continue
        sex = index.profiles[ref].sex
        if sex and all(index.profiles[o].sex and index.profiles[o].sex != sex for o in named):
            continue
        for i, r in enumerate(reasons):
            if r.code == "feature" and r.weight > W_FEATURE_OTHER_NAMED:
                said = f"{r.text}, but the report names {named[0]}'s subject and describes them"
                reasons[i] = Reason("feature_other", said, W_FEATURE_OTHER_NAMED)


# Evidence that says who the person looks like or where they are, which a contradiction outweighs; a plate, a
# phone, a reference or the whole name is not.
DESCRIPTIVE = frozenset(
    {
        "alias_name",
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


def _called_someone_else(profile: AppealProfile, report: ReportFacts) -> bool:
    """The report gives the person it describes a name that is none of the subject's ("he's called Steve")."""
    own = {w.lower() for name in [*profile.names, *profile.aliases] for w in name.split()}
    return any(name.lower() not in own for name in names_given(report.text))


# ... and, when the report says the person it describes is not the subject, a name it misspelt or compared them
# to ("a man who looks like Mohammed Rafiq ... he's called Imran").
DISMISSIBLE = DESCRIPTIVE | {"name_near", "name_compared"}


def _outweighed(reasons: list[Reason], codes: frozenset[str], why: Reason) -> list[Reason]:
    """The reasons of these codes kept for the analyst to see, at no weight, beside why they do not count."""
    if not any(r.code in codes for r in reasons):
        return reasons
    kept = [r if r.code not in codes else Reason(r.code, r.text + " (outweighed)", 0.0) for r in reasons]
    return [*kept, why]


def _outweigh(reasons: list[Reason], why: str) -> list[Reason]:
    """The report says the person it describes is someone else: its description is no evidence for the subject."""
    return _outweighed(reasons, DISMISSIBLE, Reason("dismissed", why, 0.0))


def _veto_contradicted(profile: AppealProfile, reasons: list[Reason], said: Stated) -> list[Reason]:
    """A report that describes someone the subject cannot be (another sex, an age far from theirs, the opposite
    build or height) is not about them on descriptive evidence: those reasons are kept for the analyst to see,
    at no weight, beside the contradiction."""
    found = contradictions_of(profile, said)
    if not found:
        return reasons
    return _outweighed(reasons, DESCRIPTIVE, Reason("contradiction", "but the report " + "; ".join(found), 0.0))
