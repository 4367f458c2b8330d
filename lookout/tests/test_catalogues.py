"""The Welsh and Polish catalogues are complete: every string marked in the code is in each, translated (not
empty, not fuzzy), with the same placeholders and markup as the English. See lookout/catalogues.py."""

import re
from pathlib import Path

import pytest

from lookout.catalogues import TRANSLATED, catalogue_path, missing_from_catalogues, read_catalogue, untranslated

_TOKENS = re.compile(r"%\([a-z_]+\)s|<[^>]+>")


def test_the_catalogues_are_the_welsh_and_the_polish():
    assert TRANSLATED == ["cy", "pl"]
    for language in TRANSLATED:
        assert catalogue_path(language).exists(), language


@pytest.mark.parametrize("language", ["cy", "pl"])
def test_every_string_has_a_translation(language: str):
    assert untranslated(language) == []
    english = {entry.msgid for entry in read_catalogue(catalogue_path(language))}
    copies = [e.msgid for e in read_catalogue(catalogue_path(language)) if e.translations[0] == e.msgid]
    # A few words are the same in every language (a model of car); a sentence copied over is not translated.
    assert all(len(msgid.split()) == 1 for msgid in copies), copies
    assert len(english) > 300


@pytest.mark.parametrize("language", ["cy", "pl"])
def test_translations_keep_every_placeholder_and_tag(language: str):
    for entry in read_catalogue(catalogue_path(language)):
        expected = sorted(_TOKENS.findall(entry.msgid.replace('\\"', '"')))
        for translation in entry.translations:
            assert sorted(_TOKENS.findall(translation.replace('\\"', '"'))) == expected, (entry.msgid, translation)


def test_every_marked_string_is_in_the_catalogues():
    """makemessages on the code as it is now finds nothing the catalogues lack (`manage.py catalogues update`
    adds it; then it needs translating)."""
    assert missing_from_catalogues() == {}


def test_an_empty_or_fuzzy_translation_counts_as_missing(tmp_path: Path):
    po = tmp_path / "django.po"
    po.write_text(
        'msgid ""\nmsgstr ""\n"Language: cy\\n"\n\n'
        'msgid "Done"\nmsgstr "Wedi\'i wneud"\n\n'
        'msgid "Send"\nmsgstr ""\n\n'
        '#, fuzzy\nmsgid "Back"\nmsgstr "Yn ôl"\n',
        encoding="utf-8",
    )
    assert [(e.msgid, e.translated) for e in read_catalogue(po)] == [("Done", True), ("Send", False), ("Back", False)]
