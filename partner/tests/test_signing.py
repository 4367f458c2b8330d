"""Signing, the time window and replay refusal."""

import pytest

from partner import signing
from partner.services import accept_nonce

KEYS = {"k1": b"a-shared-key-of-reasonable-length"}


def signed(body: bytes = b'{"a": 1}', path: str = "/api/v1/partner/reports", now: float = 1_000_000.0):
    return signing.sign(key=KEYS["k1"], key_id="k1", method="POST", path=path, body=body, now=now)


def check(headers, body=b'{"a": 1}', path="/api/v1/partner/reports", now=1_000_000.0, keys=KEYS):
    return signing.verify(keys=keys, method="POST", path=path, body=body, headers=headers, now=now)


def test_a_signed_request_verifies():
    headers = signed()
    verified = check(headers)
    assert verified.key_id == "k1" and verified.nonce == headers[signing.HEADER_NONCE]


@pytest.mark.parametrize(
    ("change", "code"),
    [
        (lambda h: {**h, signing.HEADER_SIGNATURE: "0" * 64}, "bad_signature"),
        (lambda h: {k: v for k, v in h.items() if k != signing.HEADER_SIGNATURE}, "unsigned"),
        (lambda h: {**h, signing.HEADER_KEY_ID: "k9"}, "unknown_key"),
        (lambda h: {**h, signing.HEADER_NONCE: "f" * 32}, "bad_signature"),  # nonce is signed too
    ],
)
def test_tampered_headers_are_refused(change, code):
    with pytest.raises(signing.SignatureError) as exc:
        check(change(signed()))
    assert exc.value.code == code


def test_tampered_body_or_path_is_refused():
    headers = signed()
    with pytest.raises(signing.SignatureError, match="signature"):
        check(headers, body=b'{"a": 2}')
    with pytest.raises(signing.SignatureError, match="signature"):
        check(headers, path="/api/v1/partner/other")


def test_wrong_key_is_refused():
    with pytest.raises(signing.SignatureError):
        check(signed(), keys={"k1": b"another-key"})


@pytest.mark.parametrize("skew", [-301, 301])
def test_requests_outside_the_window_are_refused(skew):
    with pytest.raises(signing.SignatureError) as exc:
        check(signed(now=1_000_000.0), now=1_000_000.0 + skew)
    assert exc.value.code == "stale"


@pytest.mark.django_db
def test_a_nonce_is_accepted_once_only():
    accept_nonce("n" * 32)
    with pytest.raises(signing.SignatureError) as exc:
        accept_nonce("n" * 32)
    assert exc.value.code == "replay"
