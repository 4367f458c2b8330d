"""Back-office tables of both services: one tag draws a GOV.UK table's caption and header row."""

from typing import Any

from django import template

register = template.Library()


@register.inclusion_tag("reportkit/_table_head.html")
def table_head(caption: str, *headers: str, caption_size: str = "") -> dict[str, Any]:
    """The caption (read by screen readers only, unless caption_size "s" or "m" shows it at that size) and a
    header cell per column, in order."""
    return {"caption": caption, "headers": headers, "caption_size": caption_size}
