"""Checks shared by both services' language tests: what a page in Welsh or Polish says that its English page
says too (an untranslated string), and the language links every public page carries."""

import re
from html.parser import HTMLParser

from playwright.sync_api import Page

from conftest import WCAG_AA_AND_BEST_PRACTICE, axe_violations

# Each public language and the address prefix of its pages (English unprefixed).
PREFIXES = {"en": "", "cy": "/cy", "pl": "/pl"}
CONTINUE = {"en": "Continue", "cy": "Parhau", "pl": "Dalej"}


def assert_accessible_and_fits(page: Page, width: int, where: str) -> None:
    """The loaded page passes axe (WCAG 2.2 AA and best practice) and is no wider than the screen: long Welsh
    and Polish words must wrap."""
    page.wait_for_load_state("load")
    violations = axe_violations(page, WCAG_AA_AND_BEST_PRACTICE)
    assert violations == [], (where, violations)
    assert page.evaluate("document.documentElement.scrollWidth") <= width, (where, "wider than the screen")


# Attributes people read or hear.
_SPOKEN_ATTRIBUTES = {"alt", "aria-label", "title", "placeholder"}
_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
_WORD = re.compile(r"[^\W\d_]{3,}")


class _Segments(HTMLParser):
    """The text a person meets on a page, in pieces, leaving out scripts and every fragment in another
    language than the page's (marked with lang, like an appeal's English text on a Welsh page)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.page_lang = ""
        self.stack: list[tuple[str, bool]] = []  # (tag, foreign)
        self.segments: list[str] = []

    def _foreign(self) -> bool:
        return any(foreign for _tag, foreign in self.stack)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag == "html":
            self.page_lang = values.get("lang") or ""
        lang = values.get("lang")
        foreign = tag in {"script", "style"} or (tag != "html" and lang is not None and lang != self.page_lang)
        if not (self._foreign() or foreign):
            self.segments += [v for k, v in attrs if k in _SPOKEN_ATTRIBUTES and v]
            if tag == "meta" and values.get("property") == "og:description" and values.get("content"):
                self.segments.append(values["content"] or "")
        if tag not in _VOID:
            self.stack.append((tag, foreign))

    def handle_endtag(self, tag: str) -> None:
        for index in range(len(self.stack) - 1, -1, -1):
            if self.stack[index][0] == tag:
                del self.stack[index:]
                break

    def handle_data(self, data: str) -> None:
        if not self._foreign():
            self.segments.append(data)


def page_lang(html: str) -> str:
    parser = _Segments()
    parser.feed(html)
    return parser.page_lang


def sentences(html: str) -> set[str]:
    """The page's words as a person meets them, in pieces that could be English: each has a word of three or
    more letters in lower case (names, references and brands are capitalised or not words at all)."""
    parser = _Segments()
    parser.feed(html)
    pieces = {" ".join(segment.split()) for segment in parser.segments}
    return {piece for piece in pieces if any(word.islower() for word in _WORD.findall(piece))}


def untranslated(english_html: str, translated_html: str, *, data: frozenset[str] = frozenset()) -> set[str]:
    """What the translated page says exactly as its English page does, apart from the given data (what a person
    typed, for example)."""
    return (sentences(translated_html) & sentences(english_html)) - set(data)


def alternates(html: str) -> dict[str, str]:
    """hreflang → href of the page's <link rel="alternate" hreflang> links."""
    return dict(re.findall(r'<link rel="alternate" hreflang="([^"]+)" href="([^"]+)">', html))


def switcher(html: str) -> list[tuple[str, str, str]]:
    """(href, lang, hreflang) of each link in the language switcher."""
    nav = re.search(r'<ul class="lk-languages__list">(.*?)</ul>', html, re.S)
    if nav is None:
        return []
    return re.findall(r'<a href="([^"]+)" lang="([^"]+)" hreflang="([^"]+)"', nav.group(1))
