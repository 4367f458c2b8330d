"""The ways people say a report is not about the person, or take back what they sent, and sentences that only
look like it. Each row a sentence; invented."""

import pytest

from intelligence.matching.description import negated_spans

DENIALS = [
    "sorry wrong appeal, meant to send this about the van",
    "my mistake, it was his brother I saw",
    "I was wrong earlier, the man at the shop was someone else",
    "mistaken identity, the lad at the bus stop is called Tom",
    "this has nothing to do with Daz, its about the dealing",
    "I think people have confused him with his twin",
    "looks like him but it isn't",
    "the bloke in the video is someone else entirely",
    "the one on your page is not who I saw",
    "it was a different lad altogether",
    "I got it wrong, ignore that",
    "please disregard my earlier report",
    "he isn't involved",
    "thought it was him at first but he was far too old",
    "neither of them are the ones you want",
    "nobody has seen her in the park",
]
NOT_DENIALS = [
    "someone else was with him at the bus stop",
    "shes been telling everyone shes in birmingham but shes not, shes at her aunties",
    "he was with a different lad this time",
    "not just him, his mate too",
    "I know him, he drinks in the Crown",
]


@pytest.mark.parametrize("text", DENIALS)
def test_a_denial_is_read(text: str) -> None:
    assert negated_spans(text), text


@pytest.mark.parametrize("text", NOT_DENIALS)
def test_what_only_looks_like_a_denial_is_not(text: str) -> None:
    assert not negated_spans(text), text


def test_taking_back_the_page_does_not_deny_the_name_that_follows() -> None:
    text = "sorry wrong page, Aaron Pickering is staying on Hawthorn Close"
    name = text.index("Aaron")
    assert negated_spans(text) and not any(a <= name < b for a, b in negated_spans(text))
