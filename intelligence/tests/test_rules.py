"""Each desk rule on its own (intelligence.rules)."""

import pytest

from intelligence import rules
from intelligence.models import ActionStatus
from intelligence.rules import RuleViolation


@pytest.mark.parametrize(
    ("source", "assessment", "code", "ok"),
    [
        ("1", "A", "P", True),
        ("3", "E", "C", True),
        ("4", "A", "P", False),
        ("1", "F", "P", False),
        ("1", "A", "X", False),
    ],
)
def test_grading_uses_the_3x5x2_codes(source, assessment, code, ok):
    if ok:
        rules.grading_codes_are_valid(source_evaluation=source, intelligence_assessment=assessment, handling_code=code)
    else:
        with pytest.raises(RuleViolation):
            rules.grading_codes_are_valid(
                source_evaluation=source, intelligence_assessment=assessment, handling_code=code
            )


def test_handling_code_c_needs_conditions_and_p_has_none():
    rules.conditions_go_with_handling_code_c(
        handling_code="C", handling_conditions="Not to be shared outside the force"
    )
    rules.conditions_go_with_handling_code_c(handling_code="P", handling_conditions="")
    with pytest.raises(RuleViolation, match="conditions"):
        rules.conditions_go_with_handling_code_c(handling_code="C", handling_conditions="  ")
    with pytest.raises(RuleViolation, match="choose code C"):
        rules.conditions_go_with_handling_code_c(handling_code="P", handling_conditions="Only to the task force")


def test_summary_must_not_copy_the_reporters_words_or_details():
    words = "my neighbour at number 12 Mill Street saw him get into the van"
    rules.summary_is_sanitised(summary="Subject seen entering a van in the Mill Street area.", reporter_texts=[words])
    with pytest.raises(RuleViolation, match="own words"):
        rules.summary_is_sanitised(summary=f"Reporter says: {words.upper()}.", reporter_texts=[words])
    with pytest.raises(RuleViolation, match="contact details"):
        rules.summary_is_sanitised(
            summary="Call 07700 900982 back", reporter_texts=[], contact_details=["07700 900982"]
        )
    # Short facts from the report (a street, a vehicle) are the intelligence itself and may be repeated.
    rules.summary_is_sanitised(summary="Seen on Mill Street in a green Transit", reporter_texts=["Mill Street"])
    with pytest.raises(RuleViolation):
        rules.summary_is_sanitised(summary="   ", reporter_texts=[])


def test_suspected_false_intelligence_is_not_disseminated():
    rules.suspected_false_is_not_disseminated(intelligence_assessment="D")
    with pytest.raises(RuleViolation):
        rules.suspected_false_is_not_disseminated(intelligence_assessment="E")


ALLOWED = {
    ("for_allocation", "allocated"),
    ("for_allocation", "referred_back"),
    ("allocated", "completed"),
    ("allocated", "resulted"),
    ("allocated", "referred_back"),
    ("completed", "resulted"),
    ("completed", "referred_back"),
    ("resulted", "filed"),
    ("referred_back", "for_allocation"),
    ("referred_back", "filed"),
}


@pytest.mark.parametrize("current", ActionStatus.values)
@pytest.mark.parametrize("target", ActionStatus.values)
def test_action_state_machine(current, target):
    if (current, target) in ALLOWED:
        rules.action_transition_is_allowed(current=current, target=target)
    else:
        with pytest.raises(RuleViolation):
            rules.action_transition_is_allowed(current=current, target=target)


def test_referral_needs_a_reason():
    rules.referral_has_a_reason(reason="Wrong area: this is the west side")
    with pytest.raises(RuleViolation):
        rules.referral_has_a_reason(reason=" ")


def test_top_priority_is_urgent_whereabouts_on_a_high_harm_appeal():
    assert rules.is_top_priority(urgent=True, threat_risk_harm="high")
    assert not rules.is_top_priority(urgent=True, threat_risk_harm="medium")
    assert not rules.is_top_priority(urgent=False, threat_risk_harm="high")


def test_inbox_priority_closed_last_then_top_priority_harm_urgency_freshness_corroboration():
    def key(closed=False, urgent=False, harm="", fresh=False, corroboration=1):
        return rules.inbox_priority(
            closed=closed, urgent=urgent, threat_risk_harm=harm, fresh=fresh, corroboration=corroboration
        )

    order = [
        key(urgent=True, harm="high"),  # top priority
        key(harm="high", fresh=True, corroboration=5),
        key(harm="high", fresh=True),
        key(harm="high"),
        key(urgent=True, harm="medium"),
        key(harm="medium", fresh=True),
        key(harm="low", urgent=True),
        key(urgent=True),  # no appeal, or no assessment
        key(fresh=True),
        key(closed=True, urgent=True, harm="high"),
    ]
    assert order == sorted(order)
