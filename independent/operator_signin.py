"""Operators sign in to the same standard as police staff (issue 9, ADR 0033): the password with lock-out per
username, a TOTP code from an authenticator app (enrolled on first sign-in), and an idle time-out. The machinery
is the neutral signin app, shared with the police service; only the paths and pages are the console's."""

from signin import views as signin
from signin.middleware import SignInSessionMiddleware


class OperatorSignInView(signin.SignInView):
    template_name = "independent/operators/login.html"


two_factor = signin.two_factor_view(
    template="independent/operators/two_factor.html",
    home="operators:list",
    qr_title="Operator console authenticator set-up",
)


class OperatorSessionMiddleware(SignInSessionMiddleware):
    area = "/operators/"
    open_paths = ("/operators/login/", "/operators/logout/", "/operators/two-factor/")
    login_url = "operators:login"
    two_factor_url = "operators:two_factor"
