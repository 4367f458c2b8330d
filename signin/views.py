"""Signing in to a protected area: the password (with lock-out per username), then a TOTP code from the
person's authenticator app (django-otp), enrolling the app the first time. Shared by the police staff pages and
the charity's operator console; each gives its own templates (which include signin/_password.html and
signin/_two_factor.html) and home. See docs/adr/0020-intelligence-desk.md and ADR 0033."""

from base64 import b32encode
from collections.abc import Callable
from typing import Any

import segno
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.safestring import mark_safe
from django_otp import login as otp_login
from django_otp.plugins.otp_totp.models import TOTPDevice

from .forms import LockingAuthenticationForm, TokenForm
from .lockout import lock_message, locked_until, sign_in_failed, sign_in_succeeded


class SignInView(auth_views.LoginView):
    """The password page: Django's, refusing a locked username; someone already signed in goes straight on.
    Each area subclasses it with its own template_name."""

    authentication_form = LockingAuthenticationForm
    redirect_authenticated_user = True

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        form = context["form"]
        # Every problem points at the username field: a refused password or a lock says why, a field left empty
        # asks for both (lookout/includes/error_summary.html draws the list).
        messages = list(form.non_field_errors()) or (["Enter your username and password."] if form.errors else [])
        context["sign_in_errors"] = [{"href": "#id_username", "message": message} for message in messages]
        return context


def safe_next(request: HttpRequest, home: str) -> str:
    """Where to go after signing in: the page asked for, if it is on this site, else the area's home."""
    target = request.POST.get("next") or request.GET.get("next") or ""
    if target and url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        return target
    return reverse(home)


def qr_svg(text: str, title: str) -> str:
    """The QR code as inline SVG, drawn here: no image service is asked, nothing leaves the server."""
    svg: str = segno.make(text, error="m").svg_inline(scale=5, title=title, svgclass="lk-qr", lineclass=None)
    return svg.replace("<svg ", '<svg role="img" aria-label="QR code for your authenticator app" ', 1)


def two_factor_page(request: HttpRequest, *, template: str, home: str, qr_title: str) -> HttpResponse:
    """Ask for the code from the person's authenticator app; the first time, enrol the app. Wrong codes count
    towards the same lock-out as wrong passwords (signin.lockout)."""
    user = request.user
    if not isinstance(user, User):
        raise PermissionDenied("Sign in first.")
    device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
    enrolling = device is None
    if device is None:
        device = TOTPDevice.objects.filter(user=user, confirmed=False).first() or TOTPDevice.objects.create(
            user=user, name="Authenticator app", confirmed=False
        )
    form = TokenForm(request.POST or None)
    status = 200
    if request.method == "POST":
        until = locked_until(user.get_username())
        if until is not None:
            form.add_error(None, lock_message(until))
            status = 400
        elif form.is_valid() and device.verify_token(form.cleaned_data["token"]):
            sign_in_succeeded(user.get_username())
            if enrolling:
                device.confirmed = True
                device.save(update_fields=["confirmed"])
            otp_login(request, device)
            return HttpResponseRedirect(safe_next(request, home))
        else:
            if form.is_valid():
                form.add_error("token", "That code is not right. Check the time on your phone and try the newest code")
            until = sign_in_failed(user.get_username())
            if until is not None:
                form.add_error(None, lock_message(until))
            status = 400
    context = {"form": form, "enrolling": enrolling, "next": safe_next(request, home)}
    if enrolling:
        context["secret"] = " ".join(b32encode(device.bin_key).decode().rstrip("=")[i : i + 4] for i in range(0, 32, 4))
        context["qr"] = mark_safe(qr_svg(device.config_url, qr_title))  # noqa: S308 - drawn here from our own data
    return render(request, template, context, status=status)


def two_factor_view(*, template: str, home: str, qr_title: str) -> Callable[[HttpRequest], HttpResponse]:
    """An area's second-factor page (two_factor_page), for someone who has given their password."""

    @login_required
    def two_factor(request: HttpRequest) -> HttpResponse:
        return two_factor_page(request, template=template, home=home, qr_title=qr_title)

    return two_factor
