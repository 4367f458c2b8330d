"""Forms of the independent service. The report form is the police's guided questions
(reportkit.questions.GuidedQuestionsForm, shared, not copied) plus a category and files, and nothing about
the reporter: no name, phone or email field exists here."""

from datetime import timedelta
from decimal import Decimal
from typing import Any

from django import forms
from django.conf import settings
from django.core.validators import MaxValueValidator
from django.utils import timezone
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from lookout.fields import DatabaseIdField
from reportkit.attachments import ACCEPTED_TEXT
from reportkit.forms import ReceiptField, ReportFormBase, written_answer
from reportkit.formtoken import FormTokenError, form_token_check, form_token_new
from reportkit.questions import GuidedQuestionsForm
from reportkit.uploads import MultipleFileField

from .models import Urgency

EXPIRED = _("This page was open too long, or did not come from this site. Check your answers and send it again")


class SignedTokenMixin(forms.Form):
    """A stateless signed token (reportkit.formtoken) in place of a CSRF cookie; its nonce is the
    idempotency key of what the form creates."""

    form_purpose = ""
    form_token = forms.CharField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if not self.is_bound:
            self.initial["form_token"] = form_token_new(self.form_purpose)

    def clean_form_token(self) -> str:
        try:
            return form_token_check(self.cleaned_data.get("form_token", ""), self.form_purpose).nonce
        except FormTokenError as exc:
            raise forms.ValidationError(EXPIRED) from exc

    def fresh_token(self) -> None:
        """A page shown again always carries a new token; a bad one is reported at the top of the page."""
        if "form_token" in self.errors:
            for message in self.errors.pop("form_token"):
                self.add_error(None, message)
        # not {**data}: that turns a QueryDict's values into lists
        data = self.data.copy()  # type: ignore[attr-defined]  # a QueryDict or a dict, both have copy()
        data["form_token"] = form_token_new(self.form_purpose)
        self.data = data


class AnonymousReportForm(SignedTokenMixin, ReportFormBase):
    """The shared questions (reportkit.forms) and files; nothing about the reporter."""

    form_purpose = "report"
    attachments = MultipleFileField(
        label=_("Photos or documents"),
        required=False,
        help_text=format_lazy(
            "{} {} {}",
            _("Up to 5 files."),
            ACCEPTED_TEXT,
            _(
                "We remove every hidden detail, such as where and when a photo was taken and on which phone, and "
                "we never keep the file you send, only the cleaned copy."
            ),
        ),
    )


class ReceiptForm(forms.Form):
    receipt = ReceiptField()


class AnswerForm(SignedTokenMixin, forms.Form):
    form_purpose = "answer"
    receipt = forms.CharField(widget=forms.HiddenInput, max_length=60)
    follow_up = DatabaseIdField(widget=forms.HiddenInput)
    answer = written_answer(
        _("Your answer"),
        help_text=_("We read it and take out anything that could point to you before the police see it."),
        max_length=10000,
        rows=5,
        required=_("Write your answer"),
    )


class ClaimForm(SignedTokenMixin, forms.Form):
    form_purpose = "claim"
    receipt = forms.CharField(widget=forms.HiddenInput, max_length=60)


# --- Operators -------------------------------------------------------------------------------------------


class SanitiseForm(GuidedQuestionsForm):
    """The sanitised version the police will see: the same questions, edited by the operator."""

    urgency = forms.ChoiceField(label="Urgency", choices=Urgency.choices, widget=forms.RadioSelect)
    forward_files = forms.MultipleChoiceField(
        label="Files to forward (cleaned copies)", required=False, widget=forms.CheckboxSelectMultiple
    )
    action = forms.ChoiceField(choices=[("save", "Save"), ("forward", "Forward")], widget=forms.HiddenInput)

    def __init__(self, *args: Any, file_choices: list[tuple[str, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["forward_files"].choices = file_choices  # type: ignore[attr-defined]
        self.fields["details"].label = "What they told us (sanitised)"
        self.fields["details"].help_text = "Only this version goes to the police."
        self.fields["acquaintance"].help_text = "Usually left empty: it says how the reporter knows the subject."
        self.fields["in_your_area"].help_text = "Usually left empty: it points to where the reporter lives."

    def sanitised(self) -> dict[str, Any]:
        return self.question_answers()


class HoldForm(forms.Form):
    reason = written_answer("Why hold it?", max_length=2000, rows=2, required="Say why you are holding it")


class SanitiseAnswerForm(forms.Form):
    sanitised_answer = written_answer(
        "Sanitised answer (what the police will see)",
        max_length=10000,
        rows=4,
        required="Write the sanitised answer",
    )


class PhoneReportForm(AnonymousReportForm):
    """An operator takes a caller's report: the same form, the same path, plus an appeal reference."""

    form_purpose = "phone"
    appeal_reference = forms.CharField(
        label="Appeal reference (if the caller has one)",
        required=False,
        max_length=20,
        help_text="For example W-7KQ2. Leave empty for general information about crime.",
    )
    caller_urgent = forms.BooleanField(label="The caller knows where the person is right now", required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, general=True, **kwargs)
        self.fields["crime_category"].required = False
        del self.fields["attachments"]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if not data.get("appeal_reference") and not data.get("crime_category"):
            self.add_error("crime_category", "Select what the information is about, or give an appeal reference")
        return data


class RewardOfferForm(forms.Form):
    amount = forms.DecimalField(
        label="Amount", min_value=Decimal("1"), max_digits=8, decimal_places=2, widget=forms.NumberInput
    )
    currency = forms.ChoiceField(label="Currency", choices=[("GBP", "GBP (£)"), ("EUR", "EUR (€)")])
    expires_on = forms.DateField(label="Offer ends on", widget=forms.DateInput(attrs={"type": "date"}))

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["amount"].validators.append(MaxValueValidator(settings.LOOKOUT_REWARD_MAX))
        self.fields["amount"].help_text = f"Up to {settings.LOOKOUT_REWARD_MAX}, as the charity's policy says."
        self.initial.setdefault("expires_on", timezone.localdate() + timedelta(days=90))


class PayForm(forms.Form):
    code = forms.CharField(
        label="Collection code",
        help_text="Read out by the person collecting. It works once.",
        max_length=40,
        widget=forms.TextInput(attrs={"autocomplete": "off", "spellcheck": "false"}),
    )
