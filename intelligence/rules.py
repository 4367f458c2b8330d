"""The desk's rules, one small function each; the docstring is the rule. Services call them; tests call them
directly (tests/test_rules.py). Each raises RuleViolation with a message the officer can act on."""

from datetime import timedelta

from appeals.models import ThreatRiskHarm
from appeals.rules import RuleViolation

from .models import ActionStatus, HandlingCode, IntelligenceAssessment, SourceEvaluation

__all__ = ["RuleViolation"]


def grading_codes_are_valid(*, source_evaluation: str, intelligence_assessment: str, handling_code: str) -> None:
    """A grading uses the 3x5x2 model: source evaluation 1, 2 or 3; intelligence assessment A to E;
    handling code P or C."""
    if source_evaluation not in SourceEvaluation.values:
        raise RuleViolation("source_evaluation", "Choose a source evaluation: 1, 2 or 3.")
    if intelligence_assessment not in IntelligenceAssessment.values:
        raise RuleViolation("intelligence_assessment", "Choose an intelligence assessment from A to E.")
    if handling_code not in HandlingCode.values:
        raise RuleViolation("handling_code", "Choose a handling code: P or C.")


def conditions_go_with_handling_code_c(*, handling_code: str, handling_conditions: str) -> None:
    """Handling code C (sharing permitted with conditions) must say what the conditions are; code P has none,
    so conditions written against P are refused rather than silently ignored."""
    has_conditions = bool(handling_conditions.strip())
    if handling_code == HandlingCode.CONDITIONS and not has_conditions:
        raise RuleViolation("handling_conditions", "Write the conditions that apply to handling code C.")
    if handling_code == HandlingCode.PERMITTED and has_conditions:
        raise RuleViolation(
            "handling_conditions", "Handling code P has no conditions: choose code C if conditions apply."
        )


COPIED_RUN_WORDS = 8


def _words(text: str) -> list[str]:
    return "".join(c.lower() if c.isalnum() else " " for c in text).split()


def summary_is_sanitised(*, summary: str, reporter_texts: list[str], contact_details: list[str] | None = None) -> None:
    """The intelligence summary leaves the desk, so it is written by the analyst, not pasted from the report:
    it may not contain any of the reporter's contact details, nor any run of COPIED_RUN_WORDS words copied
    from the reporter's own text (their phrasing can identify them)."""
    words = _words(summary)
    if not words:
        raise RuleViolation("summary", "Write a sanitised summary of the intelligence.")
    joined = f" {' '.join(words)} "
    for raw in contact_details or []:
        needle = " ".join(_words(raw))
        if len(needle) >= 3 and f" {needle} " in joined:
            raise RuleViolation("summary", "The summary contains the reporter's contact details. Remove them.")
    for raw in reporter_texts:
        theirs = _words(raw)
        copied = any(
            f" {' '.join(theirs[i : i + COPIED_RUN_WORDS])} " in joined
            for i in range(len(theirs) - COPIED_RUN_WORDS + 1)
        )
        if copied:
            raise RuleViolation(
                "summary", "The summary repeats the reporter's own details or words. Rewrite it in your own words."
            )


def suspected_false_is_not_disseminated(*, intelligence_assessment: str) -> None:
    """Intelligence assessed E (suspected to be false) is kept but not sent to a team for action."""
    if intelligence_assessment == IntelligenceAssessment.SUSPECTED_FALSE:
        raise RuleViolation("assessment_e", "Intelligence graded E (suspected false) is not disseminated.")


# Which state an action may move to from each state. "Referred back" returns work to the desk with a reason;
# the desk sends it out again (for allocation) or files it.
ACTION_TRANSITIONS: dict[str, set[str]] = {
    ActionStatus.FOR_ALLOCATION: {ActionStatus.ALLOCATED, ActionStatus.REFERRED_BACK},
    ActionStatus.ALLOCATED: {ActionStatus.COMPLETED, ActionStatus.RESULTED, ActionStatus.REFERRED_BACK},
    ActionStatus.COMPLETED: {ActionStatus.RESULTED, ActionStatus.REFERRED_BACK},
    ActionStatus.RESULTED: {ActionStatus.FILED},
    ActionStatus.REFERRED_BACK: {ActionStatus.FOR_ALLOCATION, ActionStatus.FILED},
    ActionStatus.FILED: set(),
}


def action_transition_is_allowed(*, current: str, target: str) -> None:
    """An action moves for allocation → allocated → completed → resulted → filed; an officer may result it
    straight from allocated; until it is resulted it may be referred back to the desk with a reason, and the
    desk sends it out again or files it. A filed action never reopens."""
    if target not in ACTION_TRANSITIONS[current]:
        raise RuleViolation(
            "transition",
            f"This action is {ActionStatus(current).label.lower()}; it cannot move to "
            f"{ActionStatus(target).label.lower()}.",
        )


def referral_has_a_reason(*, reason: str) -> None:
    """Work referred back to the desk says why, so the analyst can act on it."""
    if not reason.strip():
        raise RuleViolation("reason", "Say why you are referring this action back.")


# The inbox's order. intelligence.selectors.inbox() sorts by the same key in SQL, built from these names; a test
# (tests/test_selectors.py) checks the inbox comes out in the order inbox_priority gives.
# An appeal without an assessment, and a report from no appeal, rank 0.
HARM_RANK: dict[str, int] = {ThreatRiskHarm.HIGH: 3, ThreatRiskHarm.MEDIUM: 2, ThreatRiskHarm.LOW: 1}
TOP_PRIORITY_HARM = ThreatRiskHarm.HIGH
FRESH_FOR = timedelta(hours=24)


def is_top_priority(*, urgent: bool, threat_risk_harm: str) -> bool:
    """Urgent whereabouts ("I know where they are now") on a high-harm appeal goes to the top of the inbox."""
    return urgent and threat_risk_harm == TOP_PRIORITY_HARM


def inbox_priority(
    *, closed: bool, urgent: bool, threat_risk_harm: str, fresh: bool, corroboration: int
) -> tuple[int, int, int, int, int, int]:
    """The desk's inbox order, as a sort key (smallest first; ties go newest first). Closed reports go last;
    before them come
    1. urgent whereabouts on a high-harm appeal (is_top_priority);
    2. then by the appeal's threat, risk and harm (HARM_RANK: high, medium, low, none), urgent first within each;
    3. then fresh (received within FRESH_FOR) before older;
    4. then corroboration: how many reports there are on the same appeal."""
    return (
        int(closed),
        -int(is_top_priority(urgent=urgent, threat_risk_harm=threat_risk_harm)),
        -HARM_RANK.get(threat_risk_harm, 0),
        -int(urgent),
        -int(fresh),
        -corroboration,
    )
