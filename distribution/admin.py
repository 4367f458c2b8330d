"""Administrators manage subscribers here: the Django admin is for administrators only (staff/admin/)."""

from typing import Any

from django import forms
from django.conf import settings
from django.contrib import admin
from django.core.exceptions import ValidationError
from django.forms import ModelForm

from partner.http_signatures import public_key_pem

from .models import Subscriber, SubscriberKind


class SubscriberForm(ModelForm):
    endpoint_url = forms.URLField(
        max_length=500, required=False, assume_scheme="https", help_text="Where events are posted (https)."
    )

    class Meta:
        model = Subscriber
        fields = ["name", "kind", "endpoint_url", "key_id", "active"]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("kind") != SubscriberKind.INDEPENDENT:
            if not str(data.get("endpoint_url", "")).startswith("https://") and not settings.DEBUG:
                self.add_error("endpoint_url", "A subscriber's endpoint must be an https:// address.")
            if data.get("key_id") not in settings.LOOKOUT_DISTRIBUTION_SIGNING_KEYS:
                raise ValidationError("Choose one of our signing key ids (LOOKOUT_DISTRIBUTION_SIGNING_KEYS).")
        return data


@admin.register(Subscriber)
class SubscriberAdmin(admin.ModelAdmin):
    form = SubscriberForm
    list_display = ["name", "kind", "endpoint_url", "key_id", "active"]
    list_filter = ["kind", "active"]
    readonly_fields = ["public_key", "created_at"]

    def save_model(self, request: Any, obj: Subscriber, form: Any, change: bool) -> None:
        # The public half of our key, to give the subscriber so they can verify what we send.
        obj.public_key = public_key_pem(obj.key_id) if obj.key_id else ""
        super().save_model(request, obj, form, change)
