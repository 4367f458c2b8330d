"""The table of examples for enrichment: for each kind, what must be found (true positives, normalised) and
what must not (false positives). Each row asserts the complete set of values of one kind found in the text."""

import pytest

from intelligence.extraction import Kind, extract, match_names

ROWS: list[tuple[str, Kind, set[str]]] = [
    # --- registration marks: every format, any case, missing or extra spaces -----------------------------------
    ("silver Focus AB12 CDE outside", Kind.VRM, {"AB12CDE"}),
    ("reg was ab12cde i think", Kind.VRM, {"AB12CDE"}),
    ("plate AB 12 CDE", Kind.VRM, {"AB12CDE"}),
    ("the car Yk68 Fdo was parked up", Kind.VRM, {"YK68FDO"}),
    ("black van LR70XJZ", Kind.VRM, {"LR70XJZ"}),
    ("old golf A123 BCD", Kind.VRM, {"A123BCD"}),
    ("prefix plate p7 gkt on his car", Kind.VRM, {"P7GKT"}),
    ("a classic mini ABC 123D", Kind.VRM, {"ABC123D"}),
    ("it was a jag reg gwx 12y", Kind.VRM, {"GWX12Y"}),
    ("private plate ABC 123", Kind.VRM, {"ABC123"}),
    ("his van is 1234 AB", Kind.VRM, {"1234AB"}),
    ("two cars: KM19 RTA and a van FD21 PLK", Kind.VRM, {"KM19RTA", "FD21PLK"}),
    ("reg started with a dateless DRK 7 on a range rover", Kind.VRM, {"DRK7"}),
    # not marks
    ("I finish at 10 pm and get the A1 home", Kind.VRM, set()),
    ("PC 1234 told me to ring 101", Kind.VRM, set()),
    ("he is in his mid 20s and smokes 20 a day", Kind.VRM, set()),
    ("was 12 a day, the 123 bus", Kind.VRM, set()),
    ("lives at B33 8TH near the M25", Kind.VRM, set()),
    ("call 07911 123456 after 6pm", Kind.VRM, set()),
    ("drives a BMW 320d", Kind.VRM, set()),
    ("NHS 111 said to call back, saw it on BBC 1", Kind.VRM, set()),
    ("around 1030 PM on the B1234", Kind.VRM, set()),
    ("a1 the way home", Kind.VRM, set()),
    ("covid 19 jabs at the hall", Kind.VRM, set()),
    ("Flat 12B, Room 101", Kind.VRM, set()),
    ("he was 5ft 10 with a tattoo", Kind.VRM, set()),
    # --- phone numbers -----------------------------------------------------------------------------------------
    ("ring him on 07911 123456", Kind.PHONE, {"+447911123456"}),
    ("his number +44 7911 123456", Kind.PHONE, {"+447911123456"}),
    ("landline 020 7946 0123", Kind.PHONE, {"+442079460123"}),
    ("0113 496 0123 is the flat", Kind.PHONE, {"+441134960123"}),
    ("new mobile 07700 900456", Kind.PHONE, {"+447700900456"}),
    ("07700900457 or 0161 496 0999", Kind.PHONE, {"+447700900457", "+441614960999"}),
    ("(0161) 496-0123", Kind.PHONE, {"+441614960123"}),
    # not phone numbers
    ("ring 101 or 999", Kind.PHONE, set()),
    ("he is 6 foot 2 and 30 years old", Kind.PHONE, set()),
    ("reference 12345678", Kind.PHONE, set()),
    ("on 12/03/2024 at 22:15", Kind.PHONE, set()),
    # --- postcodes ---------------------------------------------------------------------------------------------
    ("near SW1A 1AA", Kind.POSTCODE, {"SW1A 1AA"}),
    ("staying at m1 1ae with his mum", Kind.POSTCODE, {"M1 1AE"}),
    ("B338TH", Kind.POSTCODE, {"B33 8TH"}),
    ("cr2 6xh or DN55 1PT", Kind.POSTCODE, {"CR2 6XH", "DN55 1PT"}),
    ("ec1a1bb", Kind.POSTCODE, {"EC1A 1BB"}),
    # not postcodes
    ("about 2PM on the A1", Kind.POSTCODE, set()),
    ("meet at 3AM", Kind.POSTCODE, set()),
    ("AB12 CDE is his car", Kind.POSTCODE, set()),
    ("size 10 shoes", Kind.POSTCODE, set()),
    # --- e-mail ------------------------------------------------------------------------------------------------
    ("email Jo.Bloggs@Example.com please", Kind.EMAIL, {"jo.bloggs@example.com"}),
    ("dk99@mail.example.co.uk", Kind.EMAIL, {"dk99@mail.example.co.uk"}),
    ("write to first+tag@example.org.", Kind.EMAIL, {"first+tag@example.org"}),
    ("he was @ the pub", Kind.EMAIL, set()),
    ("at 10@night", Kind.EMAIL, set()),
    # --- handles -----------------------------------------------------------------------------------------------
    ("on insta @dazzer_99", Kind.HANDLE, {"instagram:dazzer_99"}),
    ("follows @Kyle.B99", Kind.HANDLE, {"any:kyle.b99"}),
    ("his snap: kyle.b99", Kind.HANDLE, {"snapchat:kyle.b99"}),
    ("snapchat name is dazk_7", Kind.HANDLE, {"snapchat:dazk_7"}),
    ("https://www.instagram.com/Kyle.Brennan99/", Kind.HANDLE, {"instagram:kyle.brennan99"}),
    ("facebook.com/darren.kellow.5", Kind.HANDLE, {"facebook:darren.kellow.5"}),
    ("tiktok.com/@chloe_a and x.com/dkellow", Kind.HANDLE, {"tiktok:chloe_a", "x:dkellow"}),
    # not handles
    ("email jo@example.com", Kind.HANDLE, set()),
    ("insta is down again", Kind.HANDLE, set()),
    ("see instagram.com/p/Cx1 for the post", Kind.HANDLE, set()),
    ("meet @ 10", Kind.HANDLE, set()),
    # --- places ------------------------------------------------------------------------------------------------
    ("drinks in the Red Lion pub", Kind.PLACE, {"red lion pub"}),
    ("went past Millford station", Kind.PLACE, {"millford station"}),
    ("trains at Jay's Gym most days", Kind.PLACE, {"jay's gym"}),
    ("the red lion pub on the corner", Kind.PLACE, {"red lion pub"}),
    ("at the Kings Head last night", Kind.PLACE, {"kings head"}),
    ("Sunnyside Cafe and the Moorside estate", Kind.PLACE, {"sunnyside cafe", "moorside estate"}),
    ("outside St Anne's School", Kind.PLACE, {"st anne's school"}),
    ("Brackenmoor Park", Kind.PLACE, {"brackenmoor park"}),
    # not places
    ("at the local shop", Kind.PLACE, set()),
    ("near the police station", Kind.PLACE, set()),
    ("he was at the gym", Kind.PLACE, set()),
    ("The Police station was shut", Kind.PLACE, set()),
    ("in the park by the bus station", Kind.PLACE, set()),
    # --- people ------------------------------------------------------------------------------------------------
    ("I saw Darren Kellow yesterday", Kind.PERSON, {"darren kellow"}),
    ("Mary Anne O'Neill was with him", Kind.PERSON, {"mary anne o'neill"}),
    ("with Kyle Brennan and Steve Barlow", Kind.PERSON, {"kyle brennan", "steve barlow"}),
    # not people
    ("Saw him on Monday", Kind.PERSON, set()),
    ("Millford Station was busy", Kind.PERSON, set()),
    ("Red Lion pub", Kind.PERSON, set()),
    ("Last Friday I Think", Kind.PERSON, set()),
    ("darren kellow in lower case is left to match_names", Kind.PERSON, set()),
    ("He lives on Brook Road", Kind.PERSON, set()),
]


@pytest.mark.parametrize(("text", "kind", "expected"), ROWS, ids=[f"{k}-{i}" for i, (_, k, _) in enumerate(ROWS)])
def test_extraction_table(text: str, kind: Kind, expected: set[str]) -> None:
    assert {e.value for e in extract(text) if e.kind == kind} == expected


def test_spans_point_at_what_was_written() -> None:
    text = "reg ab12 cde, ring 07911 123456"
    for entity in extract(text):
        assert text[entity.span[0] : entity.span[1]] == entity.raw


def test_a_postcode_is_never_also_a_plate() -> None:
    kinds = [e.kind for e in extract("He is at B33 8TH now")]
    assert kinds == [Kind.POSTCODE]


def test_entity_key_is_kind_and_value() -> None:
    (entity,) = extract("AB12 CDE")
    assert entity.key == "vrm:AB12CDE"


# --- appeal names in free text ---------------------------------------------------------------------------------

NAMES = ["Darren Kellow", "Daz", "Dazza"]


def best(text: str, names: list[str]) -> dict[str, float]:
    return {m.name: m.score for m in match_names(text, names)}


def test_full_name_exact_and_in_lower_case() -> None:
    assert best("Saw Darren Kellow", NAMES)["Darren Kellow"] == 1.0
    assert best("saw darren kellow", NAMES)["Darren Kellow"] == 1.0


def test_misspelt_full_name_still_matches_strongly() -> None:
    assert best("saw Darren Kelow at the shop", NAMES)["Darren Kellow"] > 0.9
    assert best("saw daren kellow", NAMES)["Darren Kellow"] > 0.9


def test_alias_must_be_written_as_it_is() -> None:
    assert best("daz was there", NAMES)["Daz"] == 1.0
    assert "Daz" not in best("dad was there", NAMES)
    assert "Daz" not in best("dazed and confused", NAMES)


def test_possessive_counts() -> None:
    assert best("it was Daz's car", NAMES)["Daz"] == 1.0


def test_first_name_only_scores_lower_than_surname_only() -> None:
    first = best("Darren was there", NAMES)["Darren Kellow"]
    surname = best("Kellow was there", NAMES)["Darren Kellow"]
    assert 0 < first < surname < 0.8


def test_unrelated_names_do_not_match() -> None:
    assert best("Darryl Kelly and Karen Fellows", NAMES) == {}


def test_match_reports_the_span_written() -> None:
    text = "yes darren kelow is back"
    (m,) = [m for m in match_names(text, NAMES) if m.name == "Darren Kellow"]
    assert text[m.span[0] : m.span[1]] == "darren kelow"
    assert not m.partial
