"""Authentication of partner requests for django-ninja: a valid signature, in the window, never replayed."""

from typing import Any

from django.http import HttpRequest
from ninja.security.base import AuthBase

from . import signing
from .services import accept_nonce, partner_keys


class PartnerSignature(AuthBase):
    openapi_type = "apiKey"

    def __init__(self) -> None:
        self.openapi_name = signing.HEADER_SIGNATURE
        self.openapi_in = "header"
        super().__init__()

    def __call__(self, request: HttpRequest) -> Any:
        headers = {
            name: request.headers.get(name, "")
            for name in (
                signing.HEADER_KEY_ID,
                signing.HEADER_TIMESTAMP,
                signing.HEADER_NONCE,
                signing.HEADER_SIGNATURE,
            )
        }
        try:
            verified = signing.verify(
                keys=partner_keys(), method=request.method or "", path=request.path, body=request.body, headers=headers
            )
            accept_nonce(verified.nonce)
        except signing.SignatureError as exc:
            request.partner_refusal = exc  # type: ignore[attr-defined]
            return None
        return verified
