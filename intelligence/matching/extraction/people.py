"""People: whether a text talks about a person, and the full names it writes."""

import re
from collections.abc import Sequence

from .entities import Extracted, Kind, Span, overlaps

# --- talk about a person --------------------------------------------------------------------------------------

# Words that show a text is about a person rather than a place or a problem; people write "shes" and "hes".
_PERSON_TALK = re.compile(
    r"\b(he|she|him|her|his|hers|he['’]?s|she['’]?s|hes|shes|he['’]d|she['’]d|"
    r"lad|lass|girl|boy|man|woman|bloke|guy|fella|geezer|person|poster|picture|photo|pic|kid|son|daughter|"
    r"missing|wanted|sighting|seen|saw|spotted)\b",
    re.IGNORECASE,
)


def talks_about_person(text: str) -> bool:
    """Whether the text is about a person (a pronoun, a word for a person, a sighting), also as people text it
    ("shes back at her mums", "hes been seen")."""
    return _PERSON_TALK.search(text) is not None


# --- person names ---------------------------------------------------------------------------------------------

_CAP_WORD = re.compile(r"\b[A-Z][a-z]+(?:['’-][A-Z]?[a-z]+)?\b|\b(?:Mc|Mac|O')[A-Z][a-z]+\b")
# Capitalised words that are not names: sentence starters, days, months, titles of things, place words.
_NOT_NAME_WORDS = {
    "i", "i'm", "i've", "im", "ive", "saw", "seen", "see", "think", "thought", "pretty", "yesterday", "today",
    "tonight", "tomorrow", "last", "this", "that", "these", "those", "my", "his", "her", "he", "she", "they", "we",
    "you", "went", "there", "it", "its", "was", "is", "just", "also", "not", "no", "yes", "hi", "hello", "dear",
    "please", "sorry", "sure", "definitely", "and", "but", "so", "then", "when", "if", "on", "in", "at", "by",
    "outside", "near", "driving", "walking", "been", "have", "has", "had", "the", "a", "an", "mate", "lad", "guy",
    "bloke", "man", "woman", "girl", "boy", "police", "officer", "sir", "madam", "mr", "mrs", "ms", "miss", "dr",
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february", "march",
    "april", "may", "june", "july", "august", "september", "october", "november", "december", "christmas",
    "easter", "road", "street", "lane", "avenue", "close", "drive", "way", "crescent", "court", "place", "square",
    "hill", "green", "park", "estate", "station", "pub", "club", "gym", "shop", "school", "hotel", "cafe", "bar",
    "inn", "arms", "centre", "facebook", "instagram", "insta", "snapchat", "tiktok", "twitter", "whatsapp",
    "google", "tesco", "asda", "aldi", "lidl", "greggs", "costa", "mcdonalds", "ford", "vauxhall", "audi",
    "mercedes", "toyota", "nissan", "honda", "transit", "corsa", "fiesta", "focus", "golf", "astra", "there's",
    "he's", "she's", "they're", "what", "where", "who", "why", "how", "anyway", "don't", "can't", "didn't",
    "thanks", "thank", "cheers", "regards", "kind", "ok", "okay", "north", "south", "east", "west", "upper",
    "lower", "new", "old", "great", "little", "big", "st", "saint", "royal", "english", "british", "polish",
    "irish", "scottish", "welsh", "asian", "black", "white", "about", "after", "before", "around", "because",
    "might", "maybe", "could", "would", "should", "will", "one", "two", "three", "did", "does", "do", "got",
    "get", "our", "your", "their", "him", "them", "us", "me", "from", "with", "for", "to", "of", "all", "some",
    "every", "each", "other", "another", "someone", "somebody", "nobody", "people", "missing", "wanted", "appeal",
    "poster", "picture", "photo", "news", "uber", "bolt", "amazon", "sky", "bbc", "itv", "nhs", "urgent", "info",
    "information", "red", "blue", "silver", "grey", "gray", "dark", "light", "young", "older", "tall", "short",
    "still", "now", "again", "often", "usually", "always", "never", "sometimes", "probably", "apparently",
    "defo", "mum", "mam", "dad", "nan", "nana", "grandad", "uncle", "auntie", "aunt", "cousin", "brother",
    "sister", "son", "daughter", "wife", "husband", "girlfriend", "boyfriend", "ex", "partner", "friend",
    "hes", "shes", "theyre", "dont", "cant", "didnt", "wasnt", "isnt", "thats", "theres", "whats", "ill", "id",
    "lol", "omg", "tbh", "idk", "pls", "plz", "def", "deffo", "ya", "yeah", "yep", "nah", "hiya",
    "rd", "ave", "ln", "cres", "sq", "tce", "gdns",
}  # fmt: skip


def extract_people(text: str, taken: Sequence[Span] = ()) -> list[Extracted]:
    """A person's name is two or three capitalised words in a row ("Darren Kellow", "Mary Anne O'Neill") none of
    which is a sentence starter, day, month, place word, brand or title. Deliberately conservative: one capitalised
    word alone is not taken as a name (appeal names are found by match_names instead), and a run that touches a
    place already found ("Millford station") is not a person. Normalised to lower case."""
    words = [(m.group(), m.start(), m.end()) for m in _CAP_WORD.finditer(text)]
    found: list[Extracted] = []
    run: list[tuple[str, int, int]] = []

    def flush() -> None:
        if 2 <= len(run) <= 3:
            span = (run[0][1], run[-1][2])
            if not overlaps(span, taken):
                raw = text[span[0] : span[1]]
                found.append(
                    Extracted(Kind.PERSON, raw, " ".join(w for w, _, _ in run).lower().replace("’", "'"), span)
                )
        run.clear()

    for word, start, end in words:
        contiguous = bool(run) and re.fullmatch(r"[ \t]+", text[run[-1][2] : start]) is not None
        if not contiguous:
            flush()
        if word.lower().replace("’", "'") in _NOT_NAME_WORDS:
            flush()
            continue
        run.append((word, start, end))
    flush()
    return found
