"""Signed-in sessions in a protected area (/staff/, /operators/): an idle time-out and, where required, the second
factor on every page of the area. Each service subclasses SignInSessionMiddleware with its own paths."""

import time
from collections.abc import Callable
from urllib.parse import urlencode

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.urls import reverse

SESSION_LAST_SEEN = "lookout_last_seen"


class SignInSessionMiddleware:
    """Ends a session left unused for LOOKOUT_STAFF_IDLE_MINUTES and, when LOOKOUT_REQUIRE_2FA is on, sends a
    signed-in person who has not given a code to the second-factor page."""

    area = "/staff/"
    # Pages a signed-in person can reach before the second factor: signing in and out, and the code itself.
    open_paths: tuple[str, ...] = ()
    login_url = ""
    two_factor_url = ""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = getattr(request, "user", None)
        if request.path.startswith(self.area) and user is not None and user.is_authenticated:
            now = int(time.time())
            last_seen = request.session.get(SESSION_LAST_SEEN)
            if last_seen is not None and now - int(last_seen) > settings.LOOKOUT_STAFF_IDLE_MINUTES * 60:
                logout(request)
                messages.info(request, "You were signed out because the page was left unused. Sign in again.")
                return HttpResponseRedirect(f"{reverse(self.login_url)}?{urlencode({'next': request.path})}")
            request.session[SESSION_LAST_SEEN] = now
            verified = getattr(user, "is_verified", lambda: False)()
            if settings.LOOKOUT_REQUIRE_2FA and not verified and not request.path.startswith(self.open_paths):
                return HttpResponseRedirect(f"{reverse(self.two_factor_url)}?{urlencode({'next': request.path})}")
        return self.get_response(request)
