"""How people say it in their own words: that a report is not about the person, or that they take back what
they sent (and sentences that only look like it); the ages and builds they give; a feature as the public put
it against the appeal's words. Each row a sentence; invented."""

import pytest

from intelligence.matching.denials import negated_spans
from intelligence.matching.description import stated_age, stated_build
from intelligence.matching.linking import SUGGEST_THRESHOLD, AppealIndex, AppealProfile, ReportFacts

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


@pytest.mark.parametrize(
    ("text", "age"),
    [
        ("must be pushing 70", (70, 70)),
        ("couldnt have been more than 15", (15, 15)),
        ("a bloke 40 something", (40, 49)),
        ("forty odd with a big belly", (40, 49)),
        ("a twenty-something lad", (20, 29)),
        ("she looked about fifty", (50, 50)),
        ("a schoolboy on a bike", (5, 16)),
        ("a kid of 19 on a bike", (19, 19)),
        # durations and money are not ages
        ("she worked here for about thirty years", None),
        ("lived there 10 yrs", None),
        ("he owes me fifty quid", None),
        ("about 20 of them outside the pub", None),
    ],
)
def test_the_age_people_give_in_their_own_words(text: str, age: tuple[int, int] | None) -> None:
    assert stated_age(text) == age


@pytest.mark.parametrize(
    ("text", "build"),
    [("he's a big lump", "large"), ("burly fella", "large"), ("skin and bone, she is", "slim"), ("a man", "")],
)
def test_the_build_people_give_in_their_own_words(text: str, build: str) -> None:
    assert stated_build(text) == build


@pytest.mark.parametrize(
    ("feature", "text", "described"),
    [
        ("Full ginger beard", "big red beard on him", True),
        ("Full ginger beard", "big black beard on him", False),
        ("White hair", "thinning grey hair", False),  # a colour of hair alone is said as recorded or not at all
        ("Wears glasses", "wearing bins", True),
        ("Walks with a limp", "dragging his leg", True),
        ("Wears a woolly hat", "beanie on", True),
        ("Uses a wheelchair", "in a wheelchair", True),
        ("Uses a mobility scooter", "on one of them mobility scooters", True),
        ("Missing front teeth", "a gap where his front teeth should be", True),
        ("Wears a hijab", "headscarf", True),
        ("Has a lazy eye", "a squint", True),
        ("Mohican haircut", "mohawk", True),
        ("Braided hair", "cornrows", True),
        ("Wears a hi-vis jacket", "in a high viz", True),
        ("Wears a hi-vis jacket", "yellow reflective jacket", True),
        ("Stammer", "stutters", True),
        ("Speaks with a strong Scottish accent", "scottish accent", True),
        ("Scar through his right eyebrow", "scar through his eyebrow", True),
    ],
)
def test_a_feature_in_the_publics_words(feature: str, text: str, described: bool) -> None:
    profile = AppealProfile.build(reference="W-QRN2", kind="wanted", name="Zed Quorn", areas=["Ott"], features=feature)
    suggestions = AppealIndex([profile]).suggest(ReportFacts.from_text(text))
    assert any("distinguishing feature" in s.explain() for s in suggestions) == described


NICKNAMED = AppealIndex(
    [
        AppealProfile.build(reference=f"W-N{i}PA", kind="wanted", name=name, aliases=[alias], areas=["Ott"])
        for i, (name, alias) in enumerate(
            [("Dean Morrow", "Mozza"), ("Callum Reid", "Reidy"), ("Craig Simpson", "Simmo"), ("Darren Fox", "Foxy")]
        )
    ]
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Another ending of the same nickname, in lower case, is the nickname.
        ("mozzer is in the crown", {"W-N0PA"}),
        ("reidie in town again", {"W-N1PA"}),
        ("simo at the bookies", {"W-N2PA"}),
        ("foxxy is out", {"W-N3PA"}),
        # A word that only begins like one is not ("ready", "fox" itself, "mozz" without an ending).
        ("ready when you are", set()),
        ("saw a fox in the garden", set()),
        ("mozz was at the shops", set()),
    ],
)
def test_a_nickname_with_another_ending(text: str, expected: set[str]) -> None:
    suggestions = NICKNAMED.suggest(ReportFacts.from_text(text))
    assert {s.reference for s in suggestions if s.confidence >= SUGGEST_THRESHOLD} == expected


def test_every_written_form_in_the_lexicon_reads_as_its_group() -> None:
    """Each word or phrase of public_words.json's synonym groups reads as its group's first word, however it is
    written (a hyphenated form whose spaced twin is missing once made canonical_words fail)."""
    import json

    from intelligence.matching.lexicon import PATH, canonical_words

    groups = json.loads(PATH.read_text())["synonyms"]
    wrong = [
        (written, canonical_words(written))
        for group in groups
        for written in group
        if canonical_words(written) != canonical_words(group[0])
    ]
    assert not wrong


def test_a_cross_is_a_place_only_where_someone_is_by_it() -> None:
    from intelligence.matching.lexicon import canonical_words

    assert canonical_words("shes by the cross") == ["she", "market_cross"]
    assert "cross" in canonical_words("the cross tattoo on his hand")
