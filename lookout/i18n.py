"""The languages of the public pages: the same page in each language, for the switcher and the hreflang links.

The language is in the URL only (English unprefixed, /cy/ and /pl/; lookout.urls, independent.urls), so the
switcher is plain links that work without JavaScript and nothing is kept in a cookie: both services' public
pages set none. The staff pages are not translated, and show no switcher.
"""

from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import DisallowedHost
from django.http import HttpRequest
from django.http.response import HttpResponseBase
from django.middleware.locale import LocaleMiddleware
from django.urls import translate_url
from django.utils import translation

# BCP 47 tags for <html lang> and hreflang.
_TAGS = {"en-gb": "en-GB", "cy": "cy", "pl": "pl"}


@dataclass(frozen=True)
class LanguageLink:
    code: str
    tag: str
    name: str
    url: str
    current: bool
    absolute: str  # for hreflang, which names pages in full; empty when the request's host is not ours


def language_tag(code: str | None = None) -> str:
    """The BCP 47 tag of a language code, of the active language by default."""
    code = code or translation.get_language() or settings.LANGUAGE_CODE
    return _TAGS.get(code, code)


def language_links(request: HttpRequest) -> list[LanguageLink]:
    """This page in every language, or nothing when the page is not translated (a staff page, the API).

    A page is translated when its address changes with the language; the query string is kept, so a search or
    a step of a journey stays where it is.
    """
    path = request.get_full_path()
    current = translation.get_language() or settings.LANGUAGE_CODE
    urls = {code: translate_url(path, code) for code, _name in settings.LANGUAGES}
    if len(set(urls.values())) < len(urls):
        return []
    try:
        origin = f"{request.scheme}://{request.get_host()}"
    except DisallowedHost:  # the 400 page for a request to a host we do not serve: no full addresses
        origin = ""
    return [
        LanguageLink(
            code=code,
            tag=language_tag(code),
            name=name,
            url=urls[code],
            current=code == current,
            absolute=origin + urls[code] if origin else "",
        )
        for code, name in settings.LANGUAGES
    ]


class PathLocaleMiddleware(LocaleMiddleware):
    """Django's LocaleMiddleware, but a page's language is its address alone: ForgetClientMiddleware drops the
    request's Accept-Language before this runs, so the `Vary: Accept-Language` Django adds to unprefixed (English)
    pages would only keep the page cache and every shared cache from keeping them."""

    def process_response(self, request: HttpRequest, response: HttpResponseBase) -> HttpResponseBase:
        response = super().process_response(request, response)
        if response.has_header("Vary"):
            kept = [v.strip() for v in response["Vary"].split(",") if v.strip().lower() != "accept-language"]
            if kept:
                response["Vary"] = ", ".join(kept)
            else:
                del response["Vary"]
        return response
