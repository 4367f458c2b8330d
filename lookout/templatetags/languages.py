"""`{% html_lang %}` for <html lang>; `{% language_links as links %}`, this page in every language (lookout.i18n)."""

from django import template

from lookout.i18n import LanguageLink, language_tag
from lookout.i18n import language_links as links_for

register = template.Library()


@register.simple_tag
def html_lang() -> str:
    return language_tag()


@register.simple_tag(takes_context=True)
def language_links(context: template.Context) -> list[LanguageLink]:
    request = context.get("request")
    return links_for(request) if request is not None else []
