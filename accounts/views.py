"""Signing in to the staff pages: password (signin.forms, with lock-out) then a TOTP code (signin.views),
enrolling the authenticator app the first time. See docs/adr/0020-intelligence-desk.md."""

from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse

from signin.forms import LockingAuthenticationForm
from signin.views import two_factor_page


class SignInView(auth_views.LoginView):
    template_name = "accounts/login.html"
    authentication_form = LockingAuthenticationForm
    redirect_authenticated_user = True


@login_required
def two_factor(request: HttpRequest) -> HttpResponse:
    return two_factor_page(
        request, template="accounts/two_factor.html", home="staff:home", qr_title="Lookout authenticator set-up"
    )
