"""The words linking reads reports with: its word lists (data, in intelligence/matching/lexicon/
linking_words.json, loaded once at import) and the small word functions the index and the scoring share."""

import re

from ..lexicon import canonical_words, filler, linking_groups, linking_words

# Given names common in the UK, and their short forms: a listed alias that is one of these ("Jess", "Mo") is
# weaker evidence than a nickname ("Daz", "Rodders"), because many people are called it.
COMMON_GIVEN_NAMES = linking_words("common_given_names")
# Names that are also ordinary English words: believed in lower case only weakly ("the wood", "a marsh").
WORDLIKE_NAMES = linking_words("wordlike_names")
# Words that do not tell one feature from another.
FEATURE_STOP = linking_words("feature_stop")
# Capitalised words that end like this are a street or a district ("Canal Walk", "Hollins End"), not a person.
STREET_WORDS = linking_words("street_words")
COLOURS = linking_words("colours")
# Vehicle words that do not tell one vehicle from another.
VEHICLE_GENERIC = linking_words("vehicle_generic")
# Words of an appeal's summary that do not say what it is about.
CIRCUMSTANCE_STOP = linking_words("circumstance_stop")
# Words of every sentence ("at", "was"): never what tells one feature from another.
FUNCTION_WORDS = linking_words("function_words")


def feature_words(phrase: str) -> frozenset[str]:
    """The telling words of a feature phrase, singular and in the appeal's words (the lexicon), without the
    filler the public leave out: "Often carries a black holdall" -> {holdall}; "tattoos on his knuckles" ->
    {tattoo, knuckle}. A phrase that is all filler keeps its words; one with nothing telling left ("with short
    grey hair at the sides": all feature stop words but "at") has none, and is never matched."""
    words = {
        w for w in canonical_words(phrase) if w not in FEATURE_STOP and w not in FUNCTION_WORDS and not w.isdigit()
    }
    core = {w for w in words if w not in filler()}
    return frozenset(core or words)


def root(word: str) -> str:
    """Enough of a word to match its forms: "stabbing", "stabbed" -> "stabb"; "converters" -> "conve"."""
    return word[:5]


def deletions(word: str) -> set[str]:
    """The word and every form of it with one letter dropped: two words one slip apart share at least one."""
    return {word} | {word[:i] + word[i + 1 :] for i in range(len(word))}


def normalise_area(area: str) -> str:
    return re.sub(r"\s+", " ", area).strip().lower()


def _colour_index() -> dict[str, frozenset[int]]:
    groups: dict[str, set[int]] = {}
    for i, words in enumerate(linking_groups("colour_groups")):
        for word in words:
            groups.setdefault(word, set()).add(i)
    return {word: frozenset(ids) for word, ids in groups.items()}


# Each colour word and the groups it belongs to ("dark" is both brown and black): linking_words.json.
COLOUR_GROUPS = _colour_index()
# Hair and the ways it is worn: a colour given to any of them is the hair's ("ginger plaits": linking_words.json).
HAIR_STYLES = linking_words("hair_styles")


def colours_of(words: list[str]) -> dict[str, frozenset[int]]:
    """What colour the words give each thing, in canonical words: "a long green jacket" -> {jacket: green};
    "ginger bearded" -> {beard: ginger}; "ginger plaits" -> {hair: ginger}. A colour counts for the next word that
    is not a colour, within two."""
    out: dict[str, set[int]] = {}
    for i, word in enumerate(words):
        groups = COLOUR_GROUPS.get(word)
        if not groups:
            continue
        for after in words[i + 1 : i + 3]:
            if after in COLOUR_GROUPS:
                continue
            noun = "hair" if after in HAIR_STYLES else after
            out.setdefault(noun, set()).update(groups)
            break
    return {noun: frozenset(groups) for noun, groups in out.items()}


# Where on the body a feature is ("a swallow on his neck"), in canonical words: a feature put elsewhere is
# another person's (linking_words.json).
BODY_PARTS = linking_words("body_parts")
# The side of the body a feature is on: "on the left side of his neck" is not "on the right side of his neck".
SIDES = frozenset({"left", "right"})
# "hasnt got dreads", "no beard now", "without his glasses": the words after these say what the person lacks.
_WITHOUT = re.compile(
    r"\b(?:no|without|hasnt\s+got|hasn'?t\s+got|has\s+not\s+got|not\s+got|hasnt|hasn'?t|doesnt\s+have|doesn'?t\s+have|"
    r"does\s+not\s+have|dont\s+have|don'?t\s+have|shaved\s+(?:off\s+)?(?:his|her|the))\s+(?:(?:a|an|any|the|his|her)\s+)?"
    r"(?P<what>[a-z]+)",
    re.IGNORECASE,
)


def lacked(text: str) -> frozenset[str]:
    """The canonical words of what the report says the person has not got ("hasnt got dreads" -> dreadlocks)."""
    return frozenset(w for m in _WITHOUT.finditer(text) for w in canonical_words(m.group("what")))
