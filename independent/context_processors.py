"""Template context for every page of the independent service: the charity, never the police brand."""

from django.conf import settings
from django.http import HttpRequest


def charity(request: HttpRequest) -> dict[str, str]:
    return {
        "charity_name": settings.LOOKOUT_CHARITY_NAME,
        "charity_phone": settings.LOOKOUT_CHARITY_PHONE,
        "charity_phone_tel": settings.LOOKOUT_CHARITY_PHONE.replace(" ", ""),
        "force_name": settings.LOOKOUT_FORCE_NAME,
        "police_site_url": settings.LOOKOUT_POLICE_PUBLIC_URL,
        "exit_url": settings.LOOKOUT_EXIT_URL,
    }
