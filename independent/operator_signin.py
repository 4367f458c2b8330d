"""Operators sign in to the same standard as police staff (issue 9, ADR 0033): the password with lock-out per
username, a TOTP code from an authenticator app (enrolled on first sign-in), and an idle time-out. The machinery
is the neutral signin app, shared with the police service; only the paths and pages are the console's."""

from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse

from signin.forms import LockingAuthenticationForm
from signin.middleware import SignInSessionMiddleware
from signin.views import two_factor_page


class OperatorSignInView(auth_views.LoginView):
    template_name = "independent/operators/login.html"
    authentication_form = LockingAuthenticationForm
    redirect_authenticated_user = True


@login_required
def two_factor(request: HttpRequest) -> HttpResponse:
    return two_factor_page(
        request,
        template="independent/operators/two_factor.html",
        home="operators:list",
        qr_title="Operator console authenticator set-up",
    )


class OperatorSessionMiddleware(SignInSessionMiddleware):
    area = "/operators/"
    open_paths = ("/operators/login/", "/operators/logout/", "/operators/two-factor/")
    login_url = "operators:login"
    two_factor_url = "operators:two_factor"
