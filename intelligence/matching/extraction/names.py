"""An appeal's names and aliases in free text, misspelt or not."""

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

import jellyfish
from rapidfuzz import fuzz, process
from rapidfuzz.distance import JaroWinkler

from ..lexicon import linking_words

# --- appeal names in free text --------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class NameMatch:
    name: str  # the appeal's name or alias as written on the appeal
    matched: str  # the text as the reporter wrote it
    span: tuple[int, int]
    score: float  # 0-1
    part: str = "whole"  # "whole", "first" / "last" when only that word of a longer name was found, "slip" for a
    # lower-case misspelling of a one-word nickname

    @property
    def partial(self) -> bool:
        return self.part != "whole"

    @property
    def similarity(self) -> float:
        """How closely the words written match, 0-1, before the discount for naming only part of the name."""
        factor = {"whole": 1.0, "first": FIRST_NAME_ONLY, "last": SURNAME_ONLY, "slip": LOWER_SLIP_FACTOR}[self.part]
        return min(1.0, self.score / factor)


# Hyphens split: "Ellie-May" is written "Ellie May" as often as not.
_TOKEN = re.compile(r"[A-Za-z][A-Za-z'’]*")
# A misspelling is tolerated only in words long enough for a slip to leave them recognisable.
MIN_FUZZY_LENGTH = 5
FULL_NAME_CUTOFF = 80.0
WORD_CUTOFF = 80.0
SHORT_WORD_CUTOFF = 70.0
LOWER_SLIP_CUTOFF = 70.0
LOWER_SLIP_FACTOR = 0.8
# Another ending of a listed nickname, in lower case ("mozzer" for Mozza): enough on its own, just.
NICKNAME_FORM_SCORE = 80.0
MIN_NICKNAME_STEM = 3
# A word that sounds like the name word and is spelt close to it counts as a misspelling of this strength.
PHONETIC_SCORE = 85.0
MIN_PHONETIC_LENGTH = 3
PHONETIC_SPELLING = 0.8
# Texting words that look like misspelt nicknames ("dunno" is not Dunny).
NOT_SLIPS = frozenset(
    ["dunno", "gonna", "wanna", "gotta", "innit", "bruvs", "mates", "lolll", "proper", "really", "sorry", "smell"]
)
# Words of every sentence, never a slip for a word of a name ("jordan was" is not Jordan Walsh): the lexicon.
FUNCTION_WORDS = linking_words("function_words")
# A part of a name alone is weaker evidence than the whole name.
FIRST_NAME_ONLY = 0.45
SURNAME_ONLY = 0.6


def tokens(text: str) -> list[tuple[str, int, int]]:
    return [(m.group().lower().replace("’", "'"), m.start(), m.end()) for m in _TOKEN.finditer(text)]


def _exact(said: str, name_word: str) -> bool:
    """Written as the name word, possessive or not: "gaz", "gaz's", and "gazs" (its apostrophe left out)."""
    bare = said.removesuffix("'s")
    return (
        said == name_word or bare == name_word or (bare[:-1] == name_word and bare[-1:] == "s" and len(name_word) >= 3)
    )


def _word_score(said: str, name_word: str, *, fuzzy: bool = True, phonetic: bool = False) -> float:
    """0-100: how well one written word stands for one word of a name. Short words must be exact, unless
    (`phonetic`, within a whole name of two words or more) they sound like it and are spelt close to it."""
    if _exact(said, name_word):
        return 100.0
    said_bare, name_bare = said.removesuffix("'s"), name_word
    if not fuzzy:
        return 0.0
    if min(len(said_bare), len(name_bare)) >= MIN_FUZZY_LENGTH:
        score = float(fuzz.ratio(said_bare, name_bare, score_cutoff=WORD_CUTOFF))
        if score:
            return score
    return PHONETIC_SCORE if phonetic and sounds_the_same(said_bare, name_bare) else 0.0


def sounds_the_same(said: str, name_word: str) -> bool:
    """A misspelling that sounds like the name: "Doil" for Doyle, "Ried" for Reid, "Smyth" for Smith. The same
    first letter, the same Metaphone key and close spelling (Jaro-Winkler), so "Reid" is never "Road"."""
    if min(len(said), len(name_word)) < MIN_PHONETIC_LENGTH or said[0] != name_word[0]:
        return False
    if JaroWinkler.similarity(said, name_word) < PHONETIC_SPELLING:
        return False
    key = _metaphone(said)
    return bool(key) and key == _metaphone(name_word)


@lru_cache(maxsize=65536)
def _metaphone(word: str) -> str:
    # A "y" between letters is a vowel as people spell it: "Rian" for Ryan, "Kaylee" for Kayleigh.
    return str(jellyfish.metaphone(word[:1] + re.sub(r"y(?=[a-z])", "i", word[1:])))


def _lower_slip(said: str, name_word: str) -> float:
    """0-100: a one-word nickname written in lower case and misspelt ("doyla" for Doyler, "lloydie" for Lloydy,
    "jonsey" for Jonesy). Believed only in words of MIN_FUZZY_LENGTH+ letters that begin as the name does (its
    first two letters: "yellow" is never "Kellow"), close enough (LOWER_SLIP_CUTOFF), and then discounted
    (LOWER_SLIP_FACTOR), because lower-case words are mostly just words."""
    said = said.removesuffix("'s")
    if said[:2] != name_word[:2] or said in NOT_SLIPS:
        return 0.0
    stem = nickname_stem(said)
    if stem and stem == nickname_stem(name_word):
        # Another ending of the same nickname ("mozzer" for Mozza, "reidie" for Reidy, "foxxy" for Foxy).
        return NICKNAME_FORM_SCORE
    if min(len(said), len(name_word)) < MIN_FUZZY_LENGTH:
        return 0.0
    return fuzz.ratio(said, name_word, score_cutoff=LOWER_SLIP_CUTOFF) * LOWER_SLIP_FACTOR


# The endings British nicknames are made with ("Mozza", "Millsy", "Reidy", "Doyler", "Simmo", "Gazza"), longest
# first; what is left, with a doubled last letter made single, is the nickname's stem ("mozz" -> "moz").
_NICKNAME_ENDINGS = ("zzer", "zza", "zzy", "sy", "ie", "ey", "er", "y", "o", "a")


def nickname_stem(word: str) -> str:
    """The stem of a nickname made with one of the usual endings, "" for a word without one: "mozza" and
    "mozzer" -> "moz", "millsy" and "milsy" -> "mil", "fox" -> "" (a word, not a nickname)."""
    for ending in _NICKNAME_ENDINGS:
        stem = word[: -len(ending)]
        if word.endswith(ending) and len(stem) >= MIN_NICKNAME_STEM:
            return stem[:-1] if stem[-1] == stem[-2] else stem
    return ""


@lru_cache(maxsize=16384)
def _name_parts(name: str) -> tuple[str, ...]:
    return tuple(t for t, _, _ in tokens(name))


def match_names(
    text: str,
    names: Sequence[str],
    *,
    text_tokens: list[tuple[str, int, int]] | None = None,
    whole_only: Sequence[str] = (),
    every_part: bool = False,
) -> list[NameMatch]:
    """Where the text names any of the given names (an appeal's name and aliases): the whole name, misspelt or
    not ("Darren Kelow" for "Darren Kellow", "darren kellow"), scores by similarity; a word standing alone (a
    one-word alias, or part of a name) may be misspelt only when it is written capitalised, as a name, and a
    short one ("Daz") must be written as it is; the first name alone scores lower (FIRST_NAME_ONLY) and the
    surname alone a little higher (SURNAME_ONLY), because first names are shared by many. The best reading of
    each place in the text wins, and each name is reported once, at its best; with `every_part`, once for each
    way it was found (whole, first, last, slip), so that a surname inside another person's name cannot hide the
    first name found elsewhere. Names in `whole_only` are matched as whole names only (another way of writing a
    name already given, whose parts are already looked for)."""
    if text_tokens is None:
        text_tokens = tokens(text)
    best: dict[tuple[str, str], NameMatch] = {}

    def offer(match: NameMatch) -> None:
        key = (match.name, match.part if every_part else "")
        current = best.get(key)
        if current is None or match.score > current.score:
            best[key] = match

    words = [w for w, _, _ in text_tokens]
    bare = [w.removesuffix("'s") for w in words]
    by_initial: dict[str, set[int]] = {}
    for i, w in enumerate(words):
        by_initial.setdefault(w[:1], set()).add(i)
    viable: dict[str, set[int]] = {}

    def could_fit(part: str) -> set[int]:
        """Where a word could stand for this word of a name at all (the same first letter, or spelt within the
        short-word cut-off, as written or without its "'s"): a cheap pass in C that spares the windows that
        cannot match every comparison below. Every way _word_score and _lower_slip can fit passes it."""
        if part not in viable:
            found = set(by_initial.get(part[:1], ()))
            for choices in (words, bare):
                found.update(
                    i
                    for _, _, i in process.extract(
                        part, choices, scorer=fuzz.ratio, processor=None, score_cutoff=SHORT_WORD_CUTOFF, limit=None
                    )
                )
            viable[part] = found
        return viable[part]

    for name in names:
        parts = _name_parts(name)
        if not parts:
            continue
        n = len(parts)
        places = [could_fit(p) for p in parts]
        for i in range(len(text_tokens) - n + 1):
            # Every word of the name must fit the word at its place for the window to match.
            if not all(i + j in places[j] for j in range(n)):
                continue
            window = text_tokens[i : i + n]
            # One word alone is misspelt only if written as a name (capitalised): "yellow" is not "Kellow".
            fuzzy = n >= 2 or text[window[0][1]].isupper()
            pairs = list(zip((w for w, _, _ in window), parts, strict=True))
            scores = []
            for w, p in pairs:
                scores.append(_word_score(w, p, fuzzy=fuzzy, phonetic=n >= 2))
                # A word that fits nothing ends the window, unless another is written exactly (which may rescue
                # a short slip below): most windows end at their first word, before the costlier comparisons.
                if not scores[-1] and n >= 2 and not any(_exact(w2, p2) for w2, p2 in pairs):
                    break
            if len(scores) < n:
                continue
            if n == 1 and not fuzzy and not scores[0]:
                slip = _lower_slip(window[0][0], parts[0])
                if slip:
                    span = (window[0][1], window[0][2])
                    offer(NameMatch(name, text[span[0] : span[1]], span, round(slip / 100.0, 3), part="slip"))
                continue
            if n >= 2 and 100.0 in scores:
                # Beside a word written exactly, a slip in a short word is still a slip: "Kieran Mess", "Tomasz Wolk".
                scores = [
                    s or (0.0 if w in FUNCTION_WORDS else float(fuzz.ratio(w, p, score_cutoff=SHORT_WORD_CUTOFF)))
                    for s, (w, _, _), p in zip(scores, window, parts, strict=True)
                ]
            if min(scores) == 0.0:
                continue
            score = sum(scores) / (100.0 * n)
            if score * 100 >= FULL_NAME_CUTOFF:
                span = (window[0][1], window[-1][2])
                offer(NameMatch(name, text[span[0] : span[1]], span, round(score, 3)))
        if n >= 2 and name not in whole_only:
            for k, (word, start, end) in enumerate(text_tokens):
                for part, which, weight, fits in (
                    (parts[0], "first", FIRST_NAME_ONLY, places[0]),
                    (parts[-1], "last", SURNAME_ONLY, places[-1]),
                ):
                    if k not in fits:
                        continue
                    s = _word_score(word, part, fuzzy=text[start].isupper())
                    if s:
                        score = round(weight * s / 100.0, 3)
                        offer(NameMatch(name, text[start:end], (start, end), score, part=which))
    return sorted(best.values(), key=lambda m: (m.span, -m.score))
