"""GET: a form with a signed token (as the report form carries). POST: the form validated, one row inserted in a
durable transaction (the token unique, as the report's idempotency key), a receipt shown. The HTML is a string:
the bare minimum, so the ratio says what Lookout's own work costs."""

import secrets
import uuid

from django import forms
from django.core import signing
from django.db import IntegrityError, connection, transaction
from django.http import HttpRequest, HttpResponse
from django.urls import path
from django.views.decorators.csrf import csrf_exempt

TABLE = "bare_report"
CREATE = (
    f"CREATE TABLE IF NOT EXISTS {TABLE} (id bigserial PRIMARY KEY, token uuid UNIQUE NOT NULL, "
    "received_at timestamptz NOT NULL DEFAULT now(), receipt text NOT NULL, details text NOT NULL, "
    "last_seen_when text NOT NULL, last_seen_where text NOT NULL, vehicle text NOT NULL)"
)


class BareForm(forms.Form):
    token = forms.CharField()
    details = forms.CharField(max_length=5000)
    last_seen_when = forms.CharField(max_length=200, required=False)
    last_seen_where = forms.CharField(max_length=200, required=False)
    vehicle_registration = forms.CharField(max_length=20, required=False)

    def clean_token(self) -> uuid.UUID:
        try:
            return uuid.UUID(signing.loads(self.cleaned_data["token"], salt="bare", max_age=3600))
        except (signing.BadSignature, ValueError) as exc:
            raise forms.ValidationError("expired") from exc


def _page(body: str) -> HttpResponse:
    return HttpResponse(f"<!doctype html><html lang=en><title>Bare</title><main>{body}</main></html>")


@csrf_exempt
def form_view(request: HttpRequest) -> HttpResponse:
    if request.method == "POST":
        form = BareForm(request.POST)
        if form.is_valid():
            receipt = secrets.token_hex(14).upper()
            data = form.cleaned_data
            try:
                with transaction.atomic(durable=True), connection.cursor() as cursor:
                    cursor.execute(
                        f"INSERT INTO {TABLE} (token, receipt, details, last_seen_when, last_seen_where, vehicle) "  # noqa: S608
                        "VALUES (%s, %s, %s, %s, %s, %s)",
                        [
                            data["token"],
                            receipt,
                            data["details"],
                            data["last_seen_when"],
                            data["last_seen_where"],
                            data["vehicle_registration"],
                        ],
                    )
            except IntegrityError:
                with connection.cursor() as cursor:
                    cursor.execute(f"SELECT receipt FROM {TABLE} WHERE token = %s", [data["token"]])  # noqa: S608
                    receipt = cursor.fetchone()[0]
            return _page(f'<p>Received: <strong id="receipt-code">{receipt}</strong></p>')
        return _page(f"<p>Errors: {form.errors.as_text()}</p>")
    token = signing.dumps(str(uuid.uuid4()), salt="bare")
    return _page(
        f'<form method=post><input type=hidden name="token" value="{token}">'
        '<textarea name="details"></textarea><button>Send</button></form>'
    )


urlpatterns = [path("form/", form_view)]
