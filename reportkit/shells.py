"""Pages that are the same for every reader but for one value drawn for them: the blank report form (its signed
token) and the receipt page (the receipt code). Rendering such a page costs several milliseconds of CPU, most of
a report's cost in a surge, and gives the same HTML every time; so it is rendered once per key with a
placeholder, kept in the shared cache, and each reader is given a copy with their own value put in.

The key is the caller's: it must change whenever what the page shows may change (the police key it on the
public version that every takedown bumps, appeals.public_cache), so a closed appeal's form is never served
from here. The value is escaped as the template would; a page the placeholder does not appear in exactly once
is not kept (it is rendered for each reader, as before). Nothing about the reader is in the key or the page.
"""

from collections.abc import Callable

from django.core.cache import cache
from django.http import HttpResponse
from django.utils.html import escape
from django.utils.translation import get_language

from .memo import Memo

PLACEHOLDER = "lk-shell-fill-7f3a9c"  # letters, digits and hyphens: the same escaped or not, in text or attribute
TIMEOUT_SECONDS = 300
# Each process keeps the shells it read (their keys change with the page's content, so none outlives it).
KEPT = Memo(64)


def shell_page(key: str, render: Callable[[str], HttpResponse], fill: str) -> HttpResponse:
    """The page `render(value)` would give for `fill`, from the shell cached under `key` when there is one."""
    if not key:
        return render(fill)
    # One shell per language: a page's words (and which of the appeal's words are marked lang="en") depend on it.
    key = f"{key}:{get_language() or '-'}"
    html: str | None = KEPT.read_through(key, cache.get)
    if html is None:
        response = render(PLACEHOLDER)
        content = response.content.decode()
        if response.status_code != 200 or content.count(PLACEHOLDER) != 1:
            return render(fill)
        cache.set(key, content, TIMEOUT_SECONDS)
        KEPT.put(key, content)
        html = content
    return HttpResponse(html.replace(PLACEHOLDER, str(escape(fill))))
