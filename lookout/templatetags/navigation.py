"""Navigation links for both services' pages, each one tag instead of the same markup written out again:
the header's links (the link to the page being shown says so to assistive technology, aria-current) and the
back link above a page's main content (inside its own labelled landmark, so no content is outside one)."""

from typing import Any

from django import template
from django.urls import reverse
from django.utils.html import format_html
from django.utils.safestring import SafeString

register = template.Library()


@register.simple_tag(takes_context=True)
def nav_item(context: template.Context, url_name: str, label: str) -> SafeString:
    href = reverse(url_name)
    request = context.get("request")
    if request is not None and request.path == href:
        return format_html('<li><a href="{}" aria-current="page">{}</a></li>', href, label)
    return format_html('<li><a href="{}">{}</a></li>', href, label)


@register.simple_tag
def back_link(url_name: str, *args: Any, text: str) -> SafeString:
    """`{% back_link "appeals_staff:detail" appeal.reference text="Back to the appeal" %}`."""
    href = reverse(url_name, args=args)
    return format_html('<nav aria-label="Back"><a href="{}" class="govuk-back-link">{}</a></nav>', href, text)
