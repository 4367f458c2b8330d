"""The words linking reads reports with: its word lists (data, in intelligence/matching/lexicon/
linking_words.json, loaded once at import) and the small word functions the index and the scoring share."""

import re

from ..lexicon import canonical_words, filler, linking_words

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


def feature_words(phrase: str) -> frozenset[str]:
    """The telling words of a feature phrase, singular and in the appeal's words (the lexicon), without the
    filler the public leave out: "Often carries a black holdall" -> {holdall}; "tattoos on his knuckles" ->
    {tattoo, knuckle}. A phrase that is all filler keeps its words."""
    words = {w for w in canonical_words(phrase) if w not in FEATURE_STOP and not w.isdigit()}
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
