"""Words as data: the public's words for people and places (public_words.json, with its sources in its "_about"),
and the word lists linking reads reports with (linking_words.json).

`canonical_words(text)` reads a text into the words appeals use: "dreads" → dreadlocks, "a bird inked on his
neck" → swallow tattoo neck, "chippy" / "fish shop" → chip_shop, "Mill Rd" → mill road. Linking compares an
appeal's features with a report's words through it; grouping compares two reports' places through it. See
docs/adr/0011-reading-reports-as-people-write.md.
"""

import json
import re
from functools import cache
from pathlib import Path
from typing import Any

PATH = Path(__file__).with_name("public_words.json")
LINKING_PATH = Path(__file__).with_name("linking_words.json")


@cache
def _data() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(PATH.read_text(encoding="utf-8"))
    return data


def _key(phrase: str) -> str:
    return "_".join(phrase.lower().replace("'", "").split())


@cache
def _phrases() -> tuple[re.Pattern[str], dict[str, str]]:
    """One pattern over every written form (longest first) and the canonical word each stands for."""
    canonical: dict[str, str] = {}
    for group in _data()["synonyms"]:
        head = _key(group[0])
        for form in group:
            canonical.setdefault(form.lower().replace("'", ""), head)
    forms = sorted(canonical, key=len, reverse=True)
    pattern = re.compile(
        r"(?<![a-z0-9])(" + "|".join(re.escape(f).replace(r"\ ", r"[\s-]+") for f in forms) + r")(?![a-z0-9])"
    )
    return pattern, canonical


def stem(word: str) -> str:
    """Plurals folded: "tattoos" → "tattoo", but "glass", "focus" and "this" stay."""
    return word[:-1] if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")) else word


def canonical_words(text: str) -> list[str]:
    """The text's words, lower case and singular, each written form replaced by the word appeals use."""
    pattern, canonical = _phrases()
    lowered = text.lower().replace("’", "'").replace("'", "")
    out: list[str] = []
    pos = 0
    for m in pattern.finditer(lowered):
        out.extend(stem(w) for w in re.findall(r"[a-z0-9]+", lowered[pos : m.start()]))
        out.append(canonical[re.sub(r"[\s-]+", " ", m.group())])
        pos = m.end()
    out.extend(stem(w) for w in re.findall(r"[a-z0-9]+", lowered[pos:]))
    return out


@cache
def filler() -> frozenset[str]:
    """Words a feature phrase can carry that the public leave out ("often carries a black holdall")."""
    return frozenset(_data()["filler"])


@cache
def wordlike_aliases() -> frozenset[str]:
    """Nicknames that are also ordinary words or common first names ("Red", "Chip", "Kelly")."""
    return frozenset(_data()["wordlike_aliases"])


@cache
def sex_words() -> dict[str, frozenset[str]]:
    return {sex: frozenset(words) for sex, words in _data()["sex"].items()}


@cache
def build_words() -> dict[str, tuple[str, ...]]:
    return {build: tuple(words) for build, words in _data()["build"].items()}


@cache
def height_words() -> dict[str, tuple[str, ...]]:
    return {height: tuple(words) for height, words in _data()["height"].items()}


@cache
def description_words() -> frozenset[str]:
    """Words that describe a person, not a place: every canonical word of a group that is not a place, the
    filler, and the words for sex and build. Grouping leaves them out when it compares places."""
    places = {_key(p) for p in _data()["place_groups"]}
    heads = {_key(group[0]) for group in _data()["synonyms"]} - places
    people = {w for words in _data()["sex"].values() for w in words}
    builds = {w for words in _data()["build"].values() for w in words if " " not in w}
    extra = {"hair", "haired", "arm", "hand", "neck", "face", "head", "eye", "cheek", "chin", "tall", "old", "young"}
    # And words that say nothing about where or what: pronouns, time words, sighting verbs, words every report uses.
    words = heads | filler() | people | builds | extra | set(_data()["not_place"])
    # As canonical_words writes them ("this" is read as "thi", "walking" stays "walking"): both spellings.
    return frozenset(words | {stem(w) for w in words})


@cache
def _linking_data() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(LINKING_PATH.read_text(encoding="utf-8"))
    return data


def linking_words(name: str) -> frozenset[str]:
    """One of linking's word lists ("common_given_names", "street_words"...: see linking_words.json's "_about")."""
    return frozenset(_linking_data()[name])


def linking_groups(name: str) -> list[list[str]]:
    """One of linking's lists of word groups ("colour_groups": the words one colour goes by)."""
    groups: list[list[str]] = _linking_data()[name]
    return groups
