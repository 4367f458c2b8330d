"""Signing in to the staff pages: password (with lock-out) then a TOTP code, enrolling the authenticator app the
first time (signin, shared with the charity's operator console). See docs/adr/0020-intelligence-desk.md."""

from signin import views as signin


class SignInView(signin.SignInView):
    template_name = "accounts/login.html"


two_factor = signin.two_factor_view(
    template="accounts/two_factor.html", home="staff:home", qr_title="Lookout authenticator set-up"
)
