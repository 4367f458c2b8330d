"""Forms for the public report, the follow-up and the back office."""

import re
import uuid
from typing import Any, cast

from django import forms
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from reportkit.attachments import ACCEPTED_TEXT
from reportkit.forms import LostFilesMixin, ReceiptField, ReportFormBase, written_answer
from reportkit.formtoken import FormTokenError, form_token_check, form_token_new
from reportkit.receipts import receipt_normalise
from reportkit.uploads import MultipleFileField

from .models import PartnerOutcome, ReportStatus
from .rules import REPORT_STATUS_TRANSITIONS

_PHONE = re.compile(r"^\+?[0-9 ()\-]{7,25}$")


EXPIRED = _("This form has expired: send it again")


class TokenMixin(forms.Form):
    """A random token drawn when the page is shown: posting the same form twice finds the first result."""

    token = forms.UUIDField(widget=forms.HiddenInput, error_messages={"invalid": EXPIRED})

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if not self.is_bound:
            self.initial.setdefault("token", uuid.uuid4())

    def fresh_token(self) -> None:
        """A page shown again after an error keeps its token unless it was missing or damaged."""
        if "token" in self.errors:
            # The token is hidden, so its error is said at the top of the page, not next to a field.
            messages = self.errors.pop("token")
            for message in messages:
                self.add_error(None, message)
            # copy(), not {**data}: a QueryDict is a dict of lists underneath, and unpacking it would turn every
            # field's value into a list (a server error on the page shown again).
            data = self.data.copy()  # type: ignore[attr-defined]  # a QueryDict or a dict, both have copy()
            data["token"] = self._new_token()
            self.data = data

    def _new_token(self) -> str:
        return str(uuid.uuid4())


class PublicTokenMixin(TokenMixin):
    """The public forms' token is signed (reportkit.formtoken, docs/adr/0006): it stands in for a CSRF cookie,
    so the public pages set none, and its nonce is the idempotency key."""

    form_purpose = "report"
    token = forms.CharField(widget=forms.HiddenInput, error_messages={"required": EXPIRED})  # type: ignore[assignment]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if not self.is_bound:
            self.initial["token"] = form_token_new(self.form_purpose)

    def clean_token(self) -> uuid.UUID:
        try:
            return uuid.UUID(form_token_check(self.cleaned_data.get("token", ""), self.form_purpose).nonce)
        except (FormTokenError, ValueError) as exc:
            raise forms.ValidationError(EXPIRED) from exc

    @classmethod
    def blank_token(cls) -> str:
        """A blank form's token, for a page kept as a shell (reportkit.shells) without building the form."""
        return form_token_new(cls.form_purpose)

    def _new_token(self) -> str:
        return self.blank_token()


class ReportForm(PublicTokenMixin, ReportFormBase):
    """The confidential report: the shared questions (reportkit.forms), optional contact details and files."""

    attachments = MultipleFileField(
        label=_("Photos or documents"),
        required=False,
        help_text=format_lazy(
            "{} {} {}",
            _("Up to 5 files."),
            ACCEPTED_TEXT,
            _("We remove hidden details such as where a photo was taken."),
        ),
    )
    contact_name = forms.CharField(label=_("Your name"), required=False, max_length=120)
    contact_phone = forms.CharField(
        label=_("Phone number"),
        required=False,
        max_length=30,
        widget=forms.TextInput(attrs={"type": "tel", "autocomplete": "tel"}),
    )
    contact_email = forms.EmailField(
        label=_("Email address"),
        required=False,
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "email", "spellcheck": "false"}),
        error_messages={"invalid": _("Enter an email address like name@example.com, or leave it empty")},
    )

    def __init__(self, *args: Any, general: bool, **kwargs: Any) -> None:
        super().__init__(*args, general=general, **kwargs)
        self.fields["contact_name"].widget.attrs["autocomplete"] = "name"

    def clean_contact_phone(self) -> str:
        value = str(self.cleaned_data.get("contact_phone", "")).strip()
        if value and not _PHONE.match(value):
            raise forms.ValidationError(
                _("Enter a phone number using numbers only, like 07700 900 982, or leave it empty")
            )
        return value

    def contact(self) -> dict[str, str]:
        data = self.cleaned_data
        return {k: data.get(f"contact_{k}") or "" for k in ("name", "phone", "email")}


class FollowUpLookupForm(forms.Form):
    receipt = ReceiptField()

    def canonical_receipt(self) -> str | None:
        return receipt_normalise(self.cleaned_data["receipt"])


class FollowUpReplyForm(PublicTokenMixin, LostFilesMixin, forms.Form):
    form_purpose = "follow_up"
    receipt = ReceiptField(widget=forms.HiddenInput)
    body = written_answer(
        _("Your answer or more information"),
        max_length=10000,
        rows=5,
        required=_("Write your answer or what you want to add"),
    )
    attachments = MultipleFileField(
        label=_("Photos or documents"),
        required=False,
        help_text=format_lazy("{} {}", _("Up to 5 files."), ACCEPTED_TEXT),
    )


class StaffQuestionForm(TokenMixin, forms.Form):
    body = written_answer(
        "Question for the person who sent this",
        help_text="They see it when they come back with their receipt code. Use plain words.",
        max_length=4000,
        rows=3,
        required="Write the question",
    )


class JustificationForm(forms.Form):
    justification = written_answer(
        "Why do you need to see this?",
        help_text="Recorded in the audit trail with your name.",
        max_length=500,
        rows=2,
        required="Say why you need to see this",
    )


class StatusForm(forms.Form):
    """The statuses a report can be moved to from where it is (reporting.rules.REPORT_STATUS_TRANSITIONS), with
    where it is first; without `current`, every status (the service refuses a move the rules do not allow)."""

    status = forms.ChoiceField(label="Status", choices=ReportStatus.choices)

    def __init__(self, *args: Any, current: str | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if current is not None:
            reachable = {current} | set(REPORT_STATUS_TRANSITIONS[ReportStatus(current)])
            field = cast(forms.ChoiceField, self.fields["status"])
            field.choices = [(v, label) for v, label in ReportStatus.choices if v in reachable]


class OutcomeForm(forms.Form):
    """What came of an anonymous report; the independent service is told (it may offer a reward)."""

    outcome = forms.ChoiceField(
        label="What came of this information?",
        help_text="Sent to the independent service under its reference only. Nothing else about the case goes.",
        choices=PartnerOutcome.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Select what came of it"},
    )
