"""Another agency's values made ours: each rule on its own, with the awkward inputs feeds really hold."""

from datetime import date

import pytest

from imports import cleaning


def test_html_is_stripped_by_a_parser_keeping_paragraphs_and_dropping_scripts():
    html = (
        "<div><p>Wanted for <b>invented <i>nested</i></b> fraud &amp; forgery.</p>"
        "<p>Second<br>line</p><script>alert('x')</script><style>p{}</style></div>"
    )
    assert cleaning.plain_text(html) == "Wanted for invented nested fraud & forgery.\n\nSecond\n\nline"
    assert cleaning.plain_text("5 < 6 and <p>unclosed") == "5 < 6 and\n\nunclosed"
    assert cleaning.plain_text(None) == ""
    assert cleaning.one_line("<p>a</p><p>b</p>") == "a b"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("May 3, 1980", date(1980, 5, 3)),
        ("1980/05/03", date(1980, 5, 3)),
        ("1980-05-03", date(1980, 5, 3)),
        ("3 May 1980", date(1980, 5, 3)),
        ("03/05/1980", date(1980, 5, 3)),
        ("Sept 3, 1980", date(1980, 9, 3)),
        ("2026-06-01T12:00:00+00:00", date(2026, 6, 1)),
        ("  May  3,   1980 ", date(1980, 5, 3)),
        (None, None),
        ("", None),
        ("unknown", None),
        ("1980/13/45", None),
        (19800503, None),
    ],
)
def test_free_text_dates(text, expected):
    assert cleaning.parse_date(text) == expected


def test_units_are_converted_and_zero_is_unknown():
    assert cleaning.inches_to_cm(71) == 180
    assert cleaning.metres_to_cm(1.8) == 180
    assert cleaning.pounds_to_kg(185) == 84
    assert cleaning.number(0) is None and cleaning.inches_to_cm(cleaning.number(0)) is None
    assert cleaning.number("0") is None and cleaning.number(None) is None and cleaning.number(True) is None
    assert cleaning.number("180 pounds") == 180
    assert cleaning.numbers("170 to 180 pounds") == [170, 180]
    assert cleaning.plausible_height_cm(30) is None and cleaning.plausible_height_cm(180) == 180


def test_dashed_and_undashed_ids_are_one_id():
    assert cleaning.external_id("2021/12345") == cleaning.external_id("2021-12345") == "2021-12345"
    assert cleaning.external_id(" 2021 / 12345 ") == "2021-12345"
    assert cleaning.external_id(" abc ") == cleaning.external_id("ABC")
    assert cleaning.external_id(None) == "" and cleaning.external_id("") == ""


def test_age_from_a_date_of_birth():
    assert cleaning.age_on(date(1990, 5, 3), date(2026, 5, 2)) == 35
    assert cleaning.age_on(date(1990, 5, 3), date(2026, 5, 3)) == 36
    assert cleaning.age_on(None, date(2026, 1, 1)) is None
    assert cleaning.age_on(date(2030, 1, 1), date(2026, 1, 1)) is None
