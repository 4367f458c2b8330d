"""Linking reads what the public write against what the appeal records: another subject's whole name, another
car, another colour, another part of the body, what the person no longer has, a denial, a reference without its
prefix, two slips in one name. Each row a report; invented people and places."""

import pytest

from intelligence.matching.linking import SUGGEST_THRESHOLD, AppealIndex, AppealProfile, ReportFacts

TOWN = "Ravensholm"
ELLIS = AppealProfile.build(
    reference="W-E2LS", kind="wanted", name="Toby Ellis", aliases=["Elly"], areas=[TOWN], sex="male",
    age_min=24, age_max=28, features="Bald with a white beard. Star tattoo behind his left ear.",
    vehicle="Vauxhall Corsa red, FT16 KPW",
)  # fmt: skip
MAY = AppealProfile.build(
    reference="W-M7YA", kind="wanted", name="Dean May", aliases=["Maysie"], areas=[TOWN], sex="male",
    age_min=40, age_max=45, vehicle="Vauxhall Astra blue, FT16 KWP",
)  # fmt: skip
RUTH_ELLIS = AppealProfile.build(
    reference="M-R8TH", kind="missing", name="Ruth Ellis", areas=["Colbeck"], sex="female", age_min=70, age_max=75,
    features="Last seen wearing a long green coat.",
)  # fmt: skip
GEMMA = AppealProfile.build(
    reference="W-G3MA", kind="wanted", name="Gemma Hartley", areas=["Colbeck"], sex="female", age_min=28, age_max=32,
    features="Has dreadlocks.",
)  # fmt: skip
INDEX = AppealIndex([ELLIS, MAY, RUTH_ELLIS, GEMMA])


def likely(text: str, page: str | None = None) -> set[str]:
    facts = ReportFacts.from_text(text, submitted_from=page)
    return {s.reference for s in INDEX.suggest(facts) if s.confidence >= SUGGEST_THRESHOLD}


@pytest.mark.parametrize(
    ("text", "page", "expected"),
    [
        # Another subject's whole name claims its words: "toby ellis" is not Ruth Ellis by her surname.
        ("toby ellis is in the ravensholm arms now", None, {"W-E2LS"}),
        ("saw ruth ellis at colbeck station, confused", None, {"M-R8TH"}),
        # A word of every sentence is not a slip for a surname: "toby was" is not Toby Ellis written wrong.
        ("toby was in town", None, set()),
        # Two slips in one whole name, both close ("jemma hartly"), are still the name.
        ("jemma hartly at colbeck market with a big bag", None, {"W-G3MA"}),
        # The exact plate of one car, on the other appeal's model, is the other appeal's near-identical plate.
        ("blue astra FT16 KPW doing 60 through ravensholm", None, {"W-M7YA"}),
        ("red corsa FT16 KWP outside the chippy", None, {"W-E2LS"}),
        # The exact plate with only a make both appeals' cars share is still the exact plate.
        ("vauxhall FT16 KPW outside the chippy", None, {"W-E2LS"}),
        # The exact plate with only the colour different still links: colours are misremembered.
        ("green corsa FT16 KPW on the retail park", None, {"W-E2LS"}),
        # A feature in another colour is another person's; the recorded colour links.
        ("bald bloke with a ginger beard in the bookies in ravensholm", None, set()),
        ("bald bloke with a white beard in the bookies in ravensholm", None, {"W-E2LS"}),
        ("old lady in a black coat at colbeck station", None, set()),
        # The feature on another part of the body is another person's.
        ("lad with a star tattoo on his ankle in ravensholm park", None, set()),
        ("lad with a star tattoo behind his ear in ravensholm park", None, {"W-E2LS"}),
        # What the report says the person has not got is not a description of them.
        ("that video isnt her, the woman hasnt got dreads", "W-G3MA", set()),
        # A denial of the person or their car, sent from the appeal's page.
        ("that corsa everyone is sharing isnt his, his is a 5 door", "W-E2LS", set()),
        ("old man with a beard at the bus stop but its frank, hes a regular", "W-E2LS", set()),
        ("the red corsa at the garage is the plumbers, he parks there every day", "W-E2LS", {"W-E2LS"}),
        ("the red corsa at the garage isnt his its the plumbers", "W-E2LS", set()),
        ("sorry not about Toby, it's his mate's dad, he drink drives every morning", "W-E2LS", set()),
        ("Nobody has seen Toby Ellis in the underpass, the lad down there is a rough sleeper", None, set()),
        ("that fella in the ravensholm arms isn't your lad, he's way too old", "W-E2LS", set()),
        ("not the bald Toby, the other one, at the station", "W-E2LS", set()),
        ("thought it was Toby at first but he had a full head of hair, at the station", "W-E2LS", set()),
        (
            "Toby Ellis's brother and Dean May's sister fighting at the pub, neither of them are the ones you want",
            None,
            set(),
        ),
        ("I know this is Toby's page but Dean May is in the ravensholm arms now", "W-E2LS", {"W-M7YA"}),
        ("he wasnt at the bus station, that was a lad from the college, he just has a bad leg", "W-E2LS", set()),
        ("bald man with a white beard on the cliff path but he had a dog with him, hes local", "W-E2LS", set()),
        # "Not just" adds a person; it denies no one.
        ("Not just Toby Ellis, Dean May is with him too, both in the ravensholm arms", None, {"W-E2LS", "W-M7YA"}),
        # Someone the reporter places with their family, or knows by sight, is not the subject.
        ("bald man with a white beard at ravensholm station but he was with his wife", "W-E2LS", set()),
        ("bald man with a white beard by the river but hes the guy from the council", "W-E2LS", set()),
        # A report that names one subject in full describes them, not another subject of the same sex...
        ("gemma hartley is at the colbeck arms, shes got a long green coat on", None, {"W-G3MA"}),
        # ... but a second person of the other sex is a second person.
        ("ruth ellis at colbeck station with a bald man with a white beard", None, {"M-R8TH", "W-E2LS"}),
        # Someone new, sent from the page, with the appeal's make in another colour: not the subject.
        ("someone selling vapes out of a blue corsa outside the school", "W-E2LS", set()),
        # A street named like the subject is a street.
        ("someone keeps smashing car windows on ellis street", "W-E2LS", set()),
        # A short message from the page that says only where or when is about the person on it...
        ("in the ravensholm arms now", "W-E2LS", {"W-E2LS"}),
        ("drinks in the feathers most nights", "W-E2LS", {"W-E2LS"}),
        # ... but a crime or a nuisance that names no one is not, however it is put.
        ("boy racers on the bypass every night", "W-E2LS", set()),
        ("fly tipping behind the garages again", "W-E2LS", set()),
        ("hes dealing from the flat above the bookies", "W-E2LS", {"W-E2LS"}),
        # Our reference quoted without its W- or M-.
        ("ref G3MA she is at the colbeck arms", None, {"W-G3MA"}),
        # A reference one slip from one of ours (two characters swapped) counts with support, not alone.
        ("W-E2SL the bald one with the white beard, at the bus station", None, {"W-E2LS"}),
        ("W-E2SL any news?", None, set()),
    ],
)
def test_reports_as_the_public_write_them(text: str, page: str | None, expected: set[str]) -> None:
    assert likely(text, page) == expected


def test_a_yielded_name_is_kept_for_the_analyst_at_no_weight() -> None:
    """The surname that another subject's whole name claims is shown with why it does not count."""
    facts = ReportFacts.from_text("toby ellis and his mum ruth at colbeck", submitted_from=None)
    ruth = next((s for s in INDEX.suggest(facts) if s.reference == "M-R8TH"), None)
    assert ruth is None or (
        ruth.confidence < SUGGEST_THRESHOLD and "part of the whole name of W-E2LS" in ruth.explain()
    )


def test_a_feature_with_nothing_telling_left_is_never_matched() -> None:
    """ "with short grey hair at the sides" is all words that tell no feature from another, but for "at": a
    report with an "at" in it does not describe it."""
    tully = AppealProfile.build(
        reference="W-T8LY", kind="wanted", name="Barry Tull", areas=["Colbeck"], sex="male", age_min=50,
        age_max=55, features="Balding, with short grey hair at the sides. Walks with a stick.",
    )  # fmt: skip
    index = AppealIndex([tully])
    for text in ("hes at the skate park selling again", "a man at the pool, hanging round the doors"):
        suggestions = index.suggest(ReportFacts.from_text(text, submitted_from=None))
        assert not any("distinguishing feature" in s.explain() for s in suggestions), text
    said = index.suggest(ReportFacts.from_text("a balding man at the pool", submitted_from=None))
    assert any("'Balding'" in s.explain() for s in said)


def test_no_name_is_read_inside_a_quoted_reference() -> None:
    """An alias of one or two letters ("Q", "JW") is not read inside a reference ("W-Q7RD", "W-R6JW")."""
    quayle = AppealProfile.build(
        reference="W-2KSX", kind="wanted", name="Jordan Quayle", aliases=["Q", "JW"], areas=["Colbeck"],
        sex="male", age_min=30, age_max=33,
    )  # fmt: skip
    index = AppealIndex([quayle])
    for text in ("ref W-Q7RD he's in the kiln now", "W-R6JW and W-J8PM together tonight"):
        assert not index.suggest(ReportFacts.from_text(text, submitted_from=None)), text
    assert index.suggest(ReportFacts.from_text("Q is in the kiln now", submitted_from=None))


BRAIDS = "Black hair in long braids."
CROWN = "Tattoo of a crown on the right side of his neck."


@pytest.mark.parametrize(
    ("feature", "text", "described"),
    [
        # A colour given to how hair is worn is the hair's: "ginger plaits" are not "black hair in long braids".
        (BRAIDS, "girl with ginger plaits at the colbeck canal basin", False),
        (BRAIDS, "girl with black plaits at the colbeck canal basin", True),
        (BRAIDS, "girl with plaits at the colbeck canal basin", True),
        # A feature on the other side of the body is another person's; "he left" is not a side.
        (CROWN, "lad with a crown tattoo on his neck in colbeck, but it was on the left side", False),
        (CROWN, "lad with a crown tattoo on the right side of his neck in colbeck", True),
        (CROWN, "lad with a crown tattoo on his neck, he left the pub at ten", True),
    ],
)
def test_a_feature_the_report_gives_another_colour_or_side_is_another_persons(
    feature: str, text: str, described: bool
) -> None:
    profile = AppealProfile.build(
        reference="W-C5GR", kind="wanted", name="Jamal Reid", areas=["Colbeck"], features=feature
    )
    suggestions = AppealIndex([profile]).suggest(ReportFacts.from_text(text, submitted_from=None))
    assert any(f"'{feature.rstrip('.')}'" in s.explain() for s in suggestions) == described


KELL = AppealProfile.build(
    reference="W-RK11", kind="wanted", name="Ryan Kell", areas=["Dunmore"], vehicle="Ford Focus silver, KX19 TVN",
)  # fmt: skip
MORROW = AppealProfile.build(
    reference="W-DM22", kind="wanted", name="Dean Morrow", areas=["Brinton"], vehicle="Ford Focus grey, KX19 TWN",
)  # fmt: skip
FOCUSES = AppealIndex([KELL, MORROW])


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A model whose name ends in s is read as written ("focus" was read as "focu" and never matched).
        ("silver focus, reg starts KX19, outside the offy", {"W-RK11"}),
        ("grey focus KX19 something in the car park", {"W-DM22"}),
        # The colour a few words after the model is the car's.
        ("focus KX-19 T something, silver", {"W-RK11"}),
        # Part of a plate on a model both appeals' cars share, with no colour: either could be it.
        ("a focus, KX19, cant remember the colour", set()),
    ],
)
def test_part_of_a_plate_and_the_model_between_two_cars_alike(text: str, expected: set[str]) -> None:
    facts = ReportFacts.from_text(text)
    assert {s.reference for s in FOCUSES.suggest(facts) if s.confidence >= SUGGEST_THRESHOLD} == expected
