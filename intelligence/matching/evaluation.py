"""Measuring linking and duplicate grouping on the invented fixture set (intelligence/fixtures/).

Linking is scored on (report, appeal) pairs: a suggestion counts when its confidence is at least the threshold;
precision is the share of those that are true, recall the share of true pairs suggested. Reports are taken in
the order they arrived. In "confirmed" mode the analyst is simulated: after each report, the suggestions that
are true are confirmed and the index learns the report's identifying entities (AppealIndex.learn); false ones
are rejected and teach nothing, and true links that were never suggested are never confirmed. "Cold" mode
learns nothing. Duplicate grouping is scored on pairs of reports placed in the same group.
"""

from dataclasses import dataclass, field
from datetime import date
from itertools import combinations

from ..fixtures.linking_set import FixtureSet
from .duplicates import DuplicateIndex, ReportFingerprint
from .linking import SUGGEST_THRESHOLD, AppealIndex, AppealProfile, ReportFacts


@dataclass
class Score:
    true_positives: int = 0
    false_positives: int = 0
    false_negatives: int = 0

    @property
    def precision(self) -> float:
        suggested = self.true_positives + self.false_positives
        return self.true_positives / suggested if suggested else 1.0

    @property
    def recall(self) -> float:
        actual = self.true_positives + self.false_negatives
        return self.true_positives / actual if actual else 1.0


@dataclass
class Evaluation:
    linking: Score = field(default_factory=Score)
    grouping: Score = field(default_factory=Score)
    link_errors: list[str] = field(default_factory=list)
    group_errors: list[str] = field(default_factory=list)
    misses_by_style: dict[str, int] = field(default_factory=dict)
    # Per report style: reports, true links, links found, wrong links (false positives).
    by_style: dict[str, dict[str, int]] = field(default_factory=dict)

    def as_dict(self) -> dict[str, object]:
        """The figures as --json prints them."""

        def score(s: Score) -> dict[str, float | int]:
            return {
                "precision": round(s.precision, 3),
                "recall": round(s.recall, 3),
                "tp": s.true_positives,
                "fp": s.false_positives,
                "fn": s.false_negatives,
            }

        return {
            "linking": score(self.linking),
            "grouping": score(self.grouping),
            "misses_by_style": dict(sorted(self.misses_by_style.items(), key=lambda kv: -kv[1])),
            "by_style": self.by_style,
        }


def profiles(fixture: FixtureSet) -> list[AppealProfile]:
    return [
        AppealProfile.build(
            reference=a.reference,
            kind=a.kind,
            name=a.name,
            aliases=a.aliases,
            areas=a.areas,
            vehicle=a.vehicle,
            status=a.status,
            features=a.features,
            age_min=a.age_min,
            age_max=a.age_max,
            sex=a.sex,
            height_cm=a.height_cm,
            build=a.build,
            description=a.description,
            offence=a.offence_summary,
        )
        for a in fixture.appeals
    ]


def evaluate(fixture: FixtureSet, *, threshold: float = SUGGEST_THRESHOLD, confirm: bool = True) -> Evaluation:
    index = AppealIndex(profiles(fixture))
    duplicates = DuplicateIndex()
    result = Evaluation()
    texts = {r.id: r.text for r in fixture.reports}
    # In the order they arrived (a hand-written set need not be sorted); ties keep the file's order.
    for report in sorted(fixture.reports, key=lambda r: r.received):
        style = result.by_style.setdefault(
            report.style, {"reports": 0, "true_links": 0, "found": 0, "missed": 0, "wrong": 0}
        )
        style["reports"] += 1
        style["true_links"] += len(report.truth)
        facts = ReportFacts.from_text(
            report.text, submitted_from=report.submitted_from, received=date.fromisoformat(report.received)
        )
        suggestions = [s for s in index.suggest(facts) if s.confidence >= threshold]
        suggested = {s.reference for s in suggestions}
        truth = set(report.truth)
        for s in suggestions:
            if s.reference in truth:
                result.linking.true_positives += 1
                style["found"] += 1
                if confirm:
                    index.learn(s.reference, facts.entities)
            else:
                result.linking.false_positives += 1
                style["wrong"] += 1
                result.link_errors.append(f"wrong  {s.reference} {s.confidence:.2f} [{s.explain()}] «{report.text}»")
        for ref in sorted(truth - suggested):
            result.linking.false_negatives += 1
            style["missed"] += 1
            result.misses_by_style[report.style] = result.misses_by_style.get(report.style, 0) + 1
            result.link_errors.append(f"missed {ref} ({report.style}) «{report.text}»")
        # The linked appeals' own plates are context, not news, for duplicate purposes.
        context = index.context_keys(suggested)
        duplicates.add(
            ReportFingerprint.build(
                id=report.id,
                text=report.text,
                entities=facts.entities,
                appeals=suggested,
                received=facts.received,
                context=context,
            )
        )

    true_group = {r.id: r.group for r in fixture.reports}
    predicted = duplicates.group_of
    for a, b in combinations(sorted(true_group), 2):
        same_truth = true_group[a] == true_group[b]
        same_predicted = predicted[a] == predicted[b]
        if same_truth and same_predicted:
            result.grouping.true_positives += 1
        elif same_predicted:
            result.grouping.false_positives += 1
            result.group_errors.append(f"grouped, but different: «{texts[a]}» / «{texts[b]}»")
        elif same_truth:
            result.grouping.false_negatives += 1
            result.group_errors.append(f"not grouped, but the same: «{texts[a]}» / «{texts[b]}»")
    return result
