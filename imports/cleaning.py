"""Turning another agency's values into ours: text without HTML, units converted, dates read, ids normalised.
Each function takes what a feed may hold (None, "", 0, a number as text) and returns None or "" for unknown."""

import math
import re
from datetime import date, datetime
from html.parser import HTMLParser
from typing import Any

# Elements whose end starts a new line or paragraph in the plain text.
BLOCK_TAGS = frozenset({"p", "div", "br", "li", "ul", "ol", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote"})
# Elements whose content is not text a person reads.
DROPPED_TAGS = frozenset({"script", "style", "template", "noscript"})


class _TextExtractor(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.dropping = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in DROPPED_TAGS:
            self.dropping += 1
        elif tag in BLOCK_TAGS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in DROPPED_TAGS:
            self.dropping = max(0, self.dropping - 1)
        elif tag in BLOCK_TAGS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self.dropping:
            self.parts.append(data)


def plain_text(value: Any) -> str:
    """The text a person would read in an HTML fragment (tags removed by a real parser, entities decoded,
    scripts and styles dropped), with spaces collapsed and paragraphs kept as blank-line breaks."""
    if value is None:
        return ""
    parser = _TextExtractor()
    parser.feed(str(value))
    parser.close()
    text = "".join(parser.parts)
    paragraphs = [" ".join(chunk.split()) for chunk in re.split(r"\n\s*\n|\n", text)]
    return "\n\n".join(p for p in paragraphs if p)


def one_line(value: Any) -> str:
    return " ".join(plain_text(value).split())


# No measurement of a person is this large: a bigger number is a mistake (and could overflow a conversion).
LARGEST = 100_000.0


def _sensible(found: float) -> bool:
    return math.isfinite(found) and 0 < found <= LARGEST


def number(value: Any) -> float | None:
    """A positive number from a number or text ("180", "180 pounds", "1.75"); zero, negative, absurdly large or
    none: unknown."""
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        found = float(value)
    else:
        match = re.search(r"\d+(?:\.\d+)?", str(value))
        if match is None:
            return None
        found = float(match.group())
    return found if _sensible(found) else None


def numbers(value: Any) -> list[float]:
    """Every positive number in a text such as "170 to 180 pounds"."""
    if value is None or isinstance(value, bool):
        return []
    if isinstance(value, int | float):
        return [float(value)] if _sensible(float(value)) else []
    return [float(n) for n in re.findall(r"\d+(?:\.\d+)?", str(value)) if _sensible(float(n))]


def inches_to_cm(inches: float | None) -> int | None:
    return round(inches * 2.54) if inches else None


def metres_to_cm(metres: float | None) -> int | None:
    return round(metres * 100) if metres else None


def pounds_to_kg(pounds: float | None) -> int | None:
    return round(pounds * 0.45359237) if pounds else None


def plausible_height_cm(cm: int | None) -> int | None:
    """A height a person can have (the appeal form's own limits); anything else is treated as unknown."""
    return cm if cm is not None and 50 <= cm <= 250 else None


DATE_FORMATS = (
    "%Y-%m-%d",
    "%Y/%m/%d",
    "%d/%m/%Y",
    "%B %d, %Y",
    "%b %d, %Y",
    "%d %B %Y",
    "%d %b %Y",
    "%B %Y",
    "%Y",
)


def parse_date(value: Any) -> date | None:
    """A date written as agencies write them: "May 3, 1980", "1980/05/03", "1980-05-03", "3 May 1980", an
    ISO 8601 timestamp; None, "" or anything unreadable is unknown. Day-first for "03/05/1980" (the UK way)."""
    if not value or not isinstance(value, str):
        return None
    text = " ".join(value.replace("Sept ", "Sep ").split()).strip()
    try:
        return datetime.fromisoformat(text.replace("Z", "+00:00")).date()
    except ValueError:
        pass
    for fmt in DATE_FORMATS:
        try:
            return datetime.strptime(text, fmt).date()  # noqa: DTZ007 - a calendar date, no time of day
        except ValueError:
            continue
    return None


def age_on(born: date | None, today: date) -> int | None:
    if born is None or born > today:
        return None
    return today.year - born.year - ((today.month, today.day) < (born.month, born.day))


def external_id(value: Any) -> str:
    """One id for a record however it is written: "2021/12345", "2021-12345" and " 2021-12345 " are the same."""
    if value is None or isinstance(value, bool):
        return ""
    text = str(value).strip().upper()
    return re.sub(r"[\s/\\_.-]+", "-", text).strip("-")[:100]


def text_list(value: Any) -> list[str]:
    """A list of short texts from a list (of texts or numbers), a single text or None."""
    if value is None:
        return []
    items = value if isinstance(value, list) else [value]
    return [one_line(item) for item in items if isinstance(item, str | int | float) and one_line(item)]
