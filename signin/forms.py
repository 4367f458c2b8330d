"""Sign-in forms (both services): the password (with lock-out per username) and the code from an authenticator app."""

from typing import Any

from django import forms
from django.contrib.auth.forms import AuthenticationForm

from .lockout import lock_message, locked_until, sign_in_failed, sign_in_succeeded


class LockingAuthenticationForm(AuthenticationForm):
    """Django's sign-in form, refusing a locked username before any password is checked."""

    error_messages = {
        **AuthenticationForm.error_messages,
        "invalid_login": "Enter a correct username and password. Both are case-sensitive.",
    }

    def clean(self) -> dict[str, Any]:
        username = str(self.data.get("username", ""))
        until = locked_until(username) if username else None
        if until is not None:
            raise forms.ValidationError(lock_message(until), code="locked")
        try:
            cleaned = super().clean()
        except forms.ValidationError:
            if username:
                until = sign_in_failed(username)
                if until is not None:
                    raise forms.ValidationError(lock_message(until), code="locked") from None
            raise
        sign_in_succeeded(username)
        return cleaned


class TokenForm(forms.Form):
    token = forms.CharField(
        label="Code from your authenticator app",
        help_text="6 digits, for example 123456",
        max_length=8,
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "spellcheck": "false"}),
        error_messages={"required": "Enter the 6-digit code from your authenticator app"},
    )

    def clean_token(self) -> str:
        token = "".join(str(self.cleaned_data["token"]).split())
        if not token.isdigit() or len(token) != 6:
            raise forms.ValidationError("Enter the 6-digit code from your authenticator app")
        return token
