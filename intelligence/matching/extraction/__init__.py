"""Extraction: pull the things reports can be joined on out of free text, normalised.

Pure and typed: no database, no settings, no network. `extract(text)` returns every entity it finds, each with
the text as written, a normalised value and where it was found; `match_names(text, names)` finds an appeal's
names and aliases, misspelt or not. Each kind of entity has its own module (online, phones, postcodes, plates,
references, places, people, names), and the rules each extractor follows are in its docstring;
intelligence/tests/test_extraction.py holds the table of true and false positives. See
docs/adr/0010-enrichment-linking.md.

The order matters: e-mail addresses, profile links, phone numbers and postcodes are taken first, and a
registration mark that overlaps any of them is dropped (a postcode such as "B33 8TH" or a phone number must never
be read as a plate).
"""

from .entities import Extracted, Kind, Span, overlaps
from .names import MIN_FUZZY_LENGTH, NameMatch, match_names, tokens
from .online import extract_emails, extract_handles
from .people import extract_people, talks_about_person
from .phones import extract_phones
from .places import PLACE_TYPES, extract_places
from .plates import extract_partial_vrms, extract_vrms, extract_zero_for_o_vrms, partial_vrm_fits
from .postcodes import extract_postcodes
from .references import extract_references

__all__ = [
    "MIN_FUZZY_LENGTH",
    "PLACE_TYPES",
    "Extracted",
    "Kind",
    "NameMatch",
    "extract",
    "extract_emails",
    "extract_handles",
    "extract_partial_vrms",
    "extract_people",
    "extract_phones",
    "extract_places",
    "extract_postcodes",
    "extract_references",
    "extract_vrms",
    "extract_zero_for_o_vrms",
    "match_names",
    "partial_vrm_fits",
    "talks_about_person",
    "tokens",
]


def extract(text: str) -> list[Extracted]:
    """Every entity in the text, in the order it appears. Overlapping readings are resolved by a fixed priority:
    e-mail, profile link or handle, appeal reference, phone, postcode, part of a registration, registration mark,
    place, person."""
    found: list[Extracted] = []
    taken: list[Span] = []

    def keep(items: list[Extracted]) -> None:
        for item in items:
            if not overlaps(item.span, taken):
                found.append(item)
                taken.append(item.span)

    keep(extract_emails(text))
    keep(extract_handles(text, taken))
    keep(extract_references(text))
    keep(extract_phones(text))
    keep(extract_zero_for_o_vrms(text))
    keep(extract_postcodes(text))
    keep(extract_partial_vrms(text, taken))
    keep(extract_vrms(text, taken))
    keep(extract_places(text, taken))
    keep(extract_people(text, taken))
    found.sort(key=lambda e: e.span)
    return found
