"""The public forms' protection for both services' views: no CSRF cookie, a same-origin check instead."""

from collections.abc import Callable
from functools import wraps

from django.http import HttpRequest
from django.http.response import HttpResponseBase
from django.shortcuts import render
from django.views.decorators.csrf import csrf_exempt

from .formtoken import same_origin

View = Callable[..., HttpResponseBase]


def same_origin_post(refused_template: str) -> Callable[[View], View]:
    """No CSRF cookie (csrf_exempt); instead a post must come from one of our own pages (same origin), and the
    form's signed token (reportkit.formtoken) is checked by the form itself. docs/adr/0006."""

    def decorate(view: View) -> View:
        @wraps(view)
        def wrapped(request: HttpRequest, *args: object, **kwargs: object) -> HttpResponseBase:
            if request.method == "POST" and not same_origin(request):
                response = render(request, refused_template, status=403)
                response["Cache-Control"] = "no-store, max-age=0"
                return response
            return view(request, *args, **kwargs)

        return csrf_exempt(wrapped)

    return decorate
