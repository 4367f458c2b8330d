"""The table of examples for enrichment: for each kind, what must be found (true positives, normalised) and
what must not (false positives). Each row asserts the complete set of values of one kind found in the text."""

import pytest

from intelligence.matching.extraction import Kind, extract, match_names, talks_about_person

ROWS: list[tuple[str, Kind, set[str]]] = [
    # --- registration marks: every format, any case, missing or extra spaces -----------------------------------
    ("silver Focus AB12 CDE outside", Kind.VRM, {"AB12CDE"}),
    ("reg was ab12cde i think", Kind.VRM, {"AB12CDE"}),
    ("plate AB 12 CDE", Kind.VRM, {"AB12CDE"}),
    ("blue ford estate W X 1 5 L D F behind the garden centre", Kind.VRM, {"WX15LDF"}),  # read out one by one
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
    # written with hyphens (issue 11): the whole mark, not its front
    ("white transit reg KX19-TVN", Kind.VRM, {"KX19TVN"}),
    ("kx19-tvn outside again", Kind.VRM, {"KX19TVN"}),
    ("old rover T642-GHN", Kind.VRM, {"T642GHN"}),
    ("reg started with KX19 TVN i think", Kind.VRM, {"KX19TVN"}),
    # a letter O for the zero of the age, believed in capitals only
    ("silver a3 plate LC2O PKA i think", Kind.VRM, {"LC20PKA"}),
    ("the kc2o pka thing", Kind.VRM, set()),
    # a zero for the O of the letters, shaped like a postcode: a mark in vehicle talk, a postcode otherwise
    ("red corsa FN16 0PW outside the school", Kind.VRM, {"FN16OPW"}),
    ("red corsa FN16 0PW outside the school", Kind.POSTCODE, set()),
    ("she lives at FN16 0PW now", Kind.VRM, set()),
    ("she lives at FN16 0PW now", Kind.POSTCODE, {"FN16 0PW"}),
    # our own references are references, never plates
    ("ref W-VTT2 off the poster", Kind.VRM, set()),
    ("its about m-4k9p", Kind.VRM, set()),
    # --- part of a registration --------------------------------------------------------------------------------
    ("the van's reg starts with KX19", Kind.PARTIAL_VRM, {"KX19*"}),
    ("plate began with kx19, didnt get the rest", Kind.PARTIAL_VRM, {"KX19*"}),
    ("first bit was KX 19", Kind.PARTIAL_VRM, {"KX19*"}),
    ("reg ends in TVN", Kind.PARTIAL_VRM, {"*TVN"}),
    ("grey prius ends HNF at the car park", Kind.PARTIAL_VRM, {"*HNF"}),  # "ends" alone, the letters in capitals
    ("white van ending KLP on the high street", Kind.PARTIAL_VRM, {"*KLP"}),
    ("the film ends the day", Kind.PARTIAL_VRM, set()),
    ("last three letters were tvn", Kind.PARTIAL_VRM, {"*TVN"}),
    ("white transit KX19 something", Kind.PARTIAL_VRM, {"KX19*"}),
    ("a scooter, plate DY70 ???", Kind.PARTIAL_VRM, {"DY70*"}),
    # a front with a hyphen, in lower case, with a letter or two read; a front alone; letters alone in capitals
    ("white van KX-19 something", Kind.PARTIAL_VRM, {"KX19*"}),
    ("silver transit custom, YD18 KR-something", Kind.PARTIAL_VRM, {"YD18KR*"}),
    ("grey ford ranger PE16 W-something", Kind.PARTIAL_VRM, {"PE16W*"}),
    ("plate was kx19 t something on a focus", Kind.PARTIAL_VRM, {"KX19T*"}),
    ("silver focus KX19 parked up", Kind.PARTIAL_VRM, {"KX19*"}),
    ("reg starting KX1", Kind.PARTIAL_VRM, {"KX1*"}),
    ("number plate beginning KX", Kind.PARTIAL_VRM, {"KX*"}),
    ("the party starts at 10", Kind.PARTIAL_VRM, set()),
    ("PC 12 came in his car", Kind.PARTIAL_VRM, set()),
    ("see you at 10, its the 19 bus", Kind.PARTIAL_VRM, set()),
    # not partial plates
    ("it all ends in the pub", Kind.PARTIAL_VRM, set()),
    ("starts with a K", Kind.PARTIAL_VRM, set()),
    ("reg KX19 TVN", Kind.PARTIAL_VRM, set()),
    ("the party starts at 10", Kind.PARTIAL_VRM, set()),
    # --- phone numbers -----------------------------------------------------------------------------------------
    ("ring him on 07911 123456", Kind.PHONE, {"+447911123456"}),
    ("his number +44 7911 123456", Kind.PHONE, {"+447911123456"}),
    ("landline 020 7946 0123", Kind.PHONE, {"+442079460123"}),
    ("0113 496 0123 is the flat", Kind.PHONE, {"+441134960123"}),
    ("new mobile 07700 900456", Kind.PHONE, {"+447700900456"}),
    ("07700900457 or 0161 496 0999", Kind.PHONE, {"+447700900457", "+441614960999"}),
    ("(0161) 496-0123", Kind.PHONE, {"+441614960123"}),
    # hyphens, brackets, dots and +44 (issue 11), Ofcom's drama ranges included
    ("ring 07700-900412", Kind.PHONE, {"+447700900412"}),
    ("(07700) 900412", Kind.PHONE, {"+447700900412"}),
    ("+44 (0)7700 900 412", Kind.PHONE, {"+447700900412"}),
    ("+447700900412", Kind.PHONE, {"+447700900412"}),
    ("07700.900.412", Kind.PHONE, {"+447700900412"}),
    ("(01632) 960225", Kind.PHONE, {"+441632960225"}),
    ("01632-960-225 is the landline", Kind.PHONE, {"+441632960225"}),
    ("0207-946-0522", Kind.PHONE, {"+442079460522"}),
    ("07911-123456", Kind.PHONE, {"+447911123456"}),
    # not phone numbers
    ("ring 101 or 999", Kind.PHONE, set()),
    ("he is 6 foot 2 and 30 years old", Kind.PHONE, set()),
    ("reference 12345678", Kind.PHONE, set()),
    ("on 12/03/2024 at 22:15", Kind.PHONE, set()),
    ("between 1 - 2 - 3 and 4", Kind.PHONE, set()),
    ("+33 1 23 45 67 89 in france", Kind.PHONE, {"+33123456789"}),
    # --- our own appeal references (W- wanted, M- missing), any case ------------------------------------------
    ("ref W-VTT2 off the poster", Kind.REFERENCE, {"W-VTT2"}),
    ("its about m-4k9p", Kind.REFERENCE, {"M-4K9P"}),
    ("appeal M 4K9P", Kind.REFERENCE, {"M-4K9P"}),
    ("w-vttx on the flyer", Kind.REFERENCE, {"W-VTTX"}),
    ("saw the poster m4k9p", Kind.REFERENCE, {"M-4K9P"}),
    # with a hyphen, any four letters or digits: a slip or an older scheme is still our reference, not a plate
    ("Re M-A3LQ: she was at the pub", Kind.REFERENCE, {"M-A3LQ"}),
    ("W-P8LM is at the Plough again", Kind.REFERENCE, {"W-P8LM"}),
    # not references
    ("I watch him every day", Kind.REFERENCE, set()),
    ("the M 25 was shut", Kind.REFERENCE, set()),
    ("Mark Wells", Kind.REFERENCE, set()),
    ("w p8lm", Kind.REFERENCE, set()),  # without a hyphen, only the references' own alphabet
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


# Talk about a person, as people text it (issue 11): "shes", "hes" without the apostrophe count.
PERSON_TALK_ROWS: list[tuple[str, bool]] = [
    ("shes back at her mums", True),
    ("hes been sleeping in the car", True),
    ("she's at the station", True),
    ("the lad from the poster", True),
    ("SHES IN THE PARK", True),
    ("the shed was broken into again", False),
    ("bins not collected on the estate", False),
    ("the hedges need cutting", False),
]


@pytest.mark.parametrize(("text", "expected"), PERSON_TALK_ROWS)
def test_talks_about_a_person(text: str, expected: bool) -> None:
    assert talks_about_person(text) is expected


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


@pytest.mark.parametrize(
    ("text", "names", "found"),
    [
        # Each way a word can stand for a word of a name, which the first pass over the words must let through.
        ("saw Shane Doil at the bus stop", ["Shane Doyle"], "Shane Doyle"),  # by its sound, spelt far from it
        ("rian kelley at the station", ["Ryan Kelly"], "Ryan Kelly"),  # a "y" written as a vowel
        ("Kieran Mess was there", ["Kieran Moss"], "Kieran Moss"),  # a short slip beside a word written exactly
        ("it was darren kellows car", ["Darren Kellow"], "Darren Kellow"),  # a possessive without its apostrophe
        ("doyla is at the pub", ["Doyler"], "Doyler"),  # a lower-case slip in a nickname
        ("jemma hartly at the market", ["Gemma Hartley"], "Gemma Hartley"),  # two close slips in a whole name
    ],
)
def test_every_way_a_name_is_written_survives_the_first_pass(text: str, names: list[str], found: str) -> None:
    # As the whole name (or, for a one-word nickname, as itself), not only by one of its words.
    whole = [m for m in match_names(text, names) if m.name == found and m.part in {"whole", "slip"}]
    assert whole and whole[0].score >= 0.5


def test_a_word_of_every_sentence_is_not_a_slip_for_a_surname() -> None:
    assert not any(m.part == "whole" for m in match_names("jordan was here", ["Jordan Walsh"]))
