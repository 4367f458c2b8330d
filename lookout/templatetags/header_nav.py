"""The header's navigation links, for both services' page bases: one tag a link instead of the same list item
written out for each. The link to the page being shown says so to assistive technology (aria-current)."""

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
