"""Stateless CSRF protection for the public forms of both services, without a cookie
(docs/adr/0006-csrf-without-cookies.md).

1. A form token: `<purpose>.<timestamp>.<nonce>.<HMAC-SHA256(LOOKOUT_FORM_TOKEN_KEY, purpose|timestamp|nonce)>`,
   drawn when the page is shown. It proves the post comes from a page this service rendered, recently, for
   this form. Its nonce doubles as the idempotency key: a repeated post finds the first result.
2. A same-origin check on every public post: `Sec-Fetch-Site: same-origin` when the browser sends it,
   otherwise an `Origin` equal to this site's. A post with neither is refused (every browser that can run
   these pages sends one of them). Our `Referrer-Policy: same-origin` keeps the Origin of same-origin posts.

Nothing here identifies a browser: the token is not stored until the form is accepted, and a new one is drawn
for every page view.
"""

import hashlib
import hmac
import secrets
import time
from dataclasses import dataclass

from django.conf import settings
from django.http import HttpRequest


class FormTokenError(ValueError):
    """The form is not ours, is for another form, or is too old."""


@dataclass(frozen=True)
class FormToken:
    purpose: str
    issued_at: int
    nonce: str


def _mac(purpose: str, stamp: str, nonce: str) -> str:
    key = settings.LOOKOUT_FORM_TOKEN_KEY.encode()
    return hmac.new(key, f"{purpose}|{stamp}|{nonce}".encode(), hashlib.sha256).hexdigest()


def form_token_new(purpose: str, *, now: float | None = None) -> str:
    stamp = str(int(now if now is not None else time.time()))
    nonce = secrets.token_hex(16)
    return f"{purpose}.{stamp}.{nonce}.{_mac(purpose, stamp, nonce)}"


def form_token_check(token: str, purpose: str, *, now: float | None = None) -> FormToken:
    """The token's contents, or FormTokenError. Valid for LOOKOUT_FORM_TOKEN_MAX_AGE seconds."""
    parts = (token or "").split(".")
    if len(parts) != 4:
        raise FormTokenError("malformed")
    got_purpose, stamp, nonce, mac = parts
    if not hmac.compare_digest(_mac(got_purpose, stamp, nonce), mac):
        raise FormTokenError("bad signature")
    if got_purpose != purpose:
        raise FormTokenError("wrong form")
    try:
        issued = int(stamp)
    except ValueError as exc:  # pragma: no cover - a valid MAC over a non-number cannot be made without the key
        raise FormTokenError("malformed") from exc
    current = now if now is not None else time.time()
    if current - issued > settings.LOOKOUT_FORM_TOKEN_MAX_AGE or issued - current > 60:
        raise FormTokenError("expired")
    return FormToken(purpose=purpose, issued_at=issued, nonce=nonce)


def same_origin(request: HttpRequest) -> bool:
    """True when the browser says the post comes from one of our own pages."""
    fetch_site = request.headers.get("Sec-Fetch-Site")
    if fetch_site is not None:
        return fetch_site == "same-origin"
    origin = request.headers.get("Origin")
    if origin is None or origin == "null":
        return False
    return origin == f"{request.scheme}://{request.get_host()}"
