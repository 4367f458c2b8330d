"""System checks: what the public pages need from the machine they run on."""

from typing import Any

from django.core.checks import CheckMessage, Warning, register

from .share.fonts import font_path


@register()
def share_fonts_installed(**kwargs: Any) -> list[CheckMessage]:
    """Share cards and posters cannot be drawn without their fonts: say so at start-up, not on the first share."""
    problems: list[CheckMessage] = []
    for bold in (False, True):
        try:
            font_path(bold)
        except FileNotFoundError as missing:
            problems.append(
                Warning(str(missing), hint="apt-get install fonts-dejavu-core (make fonts)", id="appeals.W001")
            )
    return problems
