"""Template context shared by every page."""

from django.conf import settings
from django.http import HttpRequest


def site(request: HttpRequest) -> dict[str, str]:
    return {
        "force_name": settings.LOOKOUT_FORCE_NAME,
        "charity_name": settings.LOOKOUT_CHARITY_NAME,
        "charity_phone": settings.LOOKOUT_CHARITY_PHONE,
        "charity_phone_tel": settings.LOOKOUT_CHARITY_PHONE.replace(" ", ""),
        "exit_url": settings.LOOKOUT_EXIT_URL,
    }
