"""Forms for the desk: grading, dissemination, recording information from other routes, actions' states,
sharing an appeal, and the inbox and audit filters."""

from datetime import timedelta
from typing import Any

from django import forms
from django.contrib.auth.models import User
from django.db.models import QuerySet
from django.utils import timezone

from accounts.models import Unit
from accounts.roles import Role
from appeals.models import Appeal, Outcome
from lookout.fields import BoundedModelChoiceField, DatabaseIdField
from reporting.forms import TokenMixin
from reporting.models import Channel, ReportStatus
from reportkit.questions import GuidedQuestionsForm

from .matching.extraction import extract
from .models import (
    ActionPriority,
    EntityKind,
    HandlingCode,
    IntelligenceAssessment,
    LinkDecision,
    ShareKind,
    SourceEvaluation,
)

# The units that take actions and specialist work (DESIGN.md): not CID or communications.
ACTION_UNIT_KINDS = [
    Unit.Kind.LOCAL_TEAM,
    Unit.Kind.FUGITIVE_TEAM,
    Unit.Kind.INTELLIGENCE_UNIT,
    Unit.Kind.TASK_FORCE,
    Unit.Kind.MISSING_PERSONS,
]
DUE_CHOICES = [("1", "Within 1 hour"), ("4", "Within 4 hours"), ("24", "Within 24 hours"), ("72", "Within 3 days")]
RESULT_OUTCOMES = [
    ("", "No: the appeal stays open"),
    (Outcome.ARRESTED.value, "Yes: arrested"),
    (Outcome.LOCATED.value, "Yes: located"),
    (Outcome.FOUND_SAFE.value, "Yes: found safe"),
]


def action_units() -> QuerySet[Unit]:
    return Unit.objects.filter(kind__in=ACTION_UNIT_KINDS).order_by("name")


def unit_officers(unit_id: int | None = None) -> QuerySet[User]:
    officers = User.objects.filter(groups__name=Role.UNIT_OFFICER.value, is_active=True)
    if unit_id is not None:
        officers = officers.filter(profile__unit_id=unit_id)
    return officers.select_related("profile__unit").order_by("last_name", "first_name").distinct()


class OfficerChoiceField(BoundedModelChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        user: User = obj
        unit = getattr(getattr(user, "profile", None), "unit", None)
        name = user.get_full_name() or user.get_username()
        return f"{name} ({unit})" if unit else name


class GradingForm(forms.Form):
    source_evaluation = forms.ChoiceField(
        label="Source evaluation",
        choices=SourceEvaluation.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose a source evaluation"},
    )
    intelligence_assessment = forms.ChoiceField(
        label="Intelligence assessment",
        choices=IntelligenceAssessment.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose an intelligence assessment"},
    )
    handling_code = forms.ChoiceField(
        label="Handling code",
        choices=HandlingCode.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose a handling code"},
    )
    handling_conditions = forms.CharField(
        label="Conditions (handling code C only)",
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    summary = forms.CharField(
        label="Sanitised intelligence summary",
        help_text="In your own words. Nothing that could identify the person who told us: this is what a team reads.",
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": "Write a sanitised summary of the intelligence"},
    )


class DisseminateForm(forms.Form):
    unit = BoundedModelChoiceField(
        label="Unit",
        queryset=Unit.objects.none(),
        empty_label="Choose a unit",
        error_messages={"required": "Choose a unit"},
    )
    officer = OfficerChoiceField(
        label="Officer (optional)",
        help_text="Leave empty to let the unit allocate it",
        queryset=User.objects.none(),
        required=False,
        empty_label="The unit allocates it",
    )
    instruction = forms.CharField(
        label="What should the unit do?",
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": "Say what the unit should do"},
    )
    priority = forms.ChoiceField(label="Priority", choices=ActionPriority.choices, initial=ActionPriority.MEDIUM)
    due_within = forms.ChoiceField(label="Due", choices=DUE_CHOICES, initial="24")

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = action_units()  # type: ignore[attr-defined]
        self.fields["officer"].queryset = unit_officers()  # type: ignore[attr-defined]

    def due_at(self) -> Any:
        return timezone.now() + timedelta(hours=int(self.cleaned_data["due_within"]))


class AllocateForm(forms.Form):
    officer = OfficerChoiceField(label="Officer", queryset=User.objects.none(), empty_label=None)

    def __init__(self, *args: Any, unit_id: int, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["officer"].queryset = unit_officers(unit_id)  # type: ignore[attr-defined]


class CompleteForm(forms.Form):
    note = forms.CharField(
        label="What was done", required=False, max_length=2000, widget=forms.Textarea(attrs={"rows": 2})
    )


class ResultForm(forms.Form):
    result = forms.CharField(
        label="Result",
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": "Say what the result was"},
    )
    appeal_outcome = forms.ChoiceField(
        label="Does this end the appeal?",
        help_text="Ending it takes the appeal down from the public site at once",
        choices=RESULT_OUTCOMES,
        required=False,
        widget=forms.RadioSelect,
    )


class ReferBackForm(forms.Form):
    reason = forms.CharField(
        label="Why are you referring it back?",
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
        error_messages={"required": "Say why you are referring this action back"},
    )


class ReissueForm(forms.Form):
    unit = BoundedModelChoiceField(label="Send to unit", queryset=Unit.objects.none(), empty_label=None)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = action_units()  # type: ignore[attr-defined]


class RecordForm(TokenMixin, GuidedQuestionsForm):
    """The public's guided questions, with what the officer who took the call adds: route, appeal, urgency
    and the person's contact details (sealed as for the web)."""

    channel = forms.ChoiceField(
        label="How did the information reach us?",
        choices=[(c.value, c.label) for c in (Channel.PHONE, Channel.EMAIL, Channel.IN_PERSON)],
        widget=forms.RadioSelect,
        error_messages={"required": "Choose how the information reached us"},
    )
    appeal = BoundedModelChoiceField(
        label="Appeal", queryset=Appeal.objects.none(), required=False, empty_label="No appeal: general information"
    )
    urgent = forms.BooleanField(label="They know where the person is right now", required=False)
    contact_name = forms.CharField(label="Their name", required=False, max_length=120)
    contact_phone = forms.CharField(label="Their phone number", required=False, max_length=40)
    contact_email = forms.EmailField(label="Their e-mail address", required=False, max_length=200)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["appeal"].queryset = Appeal.objects.public().order_by("reference")  # type: ignore[attr-defined]

    def contact(self) -> dict[str, str]:
        return {
            "name": self.cleaned_data.get("contact_name") or "",
            "phone": self.cleaned_data.get("contact_phone") or "",
            "email": self.cleaned_data.get("contact_email") or "",
        }


class ShareForm(forms.Form):
    unit = BoundedModelChoiceField(
        label="Specialist unit",
        queryset=Unit.objects.none(),
        empty_label="Choose a unit",
        error_messages={"required": "Choose a unit"},
    )
    kind = forms.ChoiceField(
        label="Transfer or share?",
        choices=ShareKind.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose transfer or share"},
    )
    reason = forms.CharField(
        label="Why?",
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
        error_messages={"required": "Say why the appeal is being transferred or shared"},
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = action_units()  # type: ignore[attr-defined]


class InboxFilterForm(forms.Form):
    appeal = forms.CharField(label="Appeal reference", required=False, max_length=8)
    unit = BoundedModelChoiceField(label="Unit", queryset=Unit.objects.none(), required=False, empty_label="Any unit")
    status = forms.ChoiceField(label="Status", choices=[("", "Any status"), *ReportStatus.choices], required=False)
    mentions = forms.CharField(
        label="Mentions",
        help_text="A registration, phone number, postcode, e-mail address, handle or place",
        required=False,
        max_length=220,
    )
    group = DatabaseIdField(required=False, widget=forms.HiddenInput)
    every = forms.BooleanField(label="Show every similar report", required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = Unit.objects.order_by("name")  # type: ignore[attr-defined]

    def clean_mentions(self) -> str:
        """An entity key from a link ("vrm:AB12CDE"), or what the analyst typed, read the way reports are."""
        value: str = self.cleaned_data["mentions"].strip()
        if not value:
            return ""
        kind, sep, rest = value.partition(":")
        if sep and kind in EntityKind.values and rest:
            return value
        found = extract(value)
        if not found:
            raise forms.ValidationError(
                "We could not read a registration, phone number, postcode, e-mail address, handle or place in "
                "that. Write it as a report would, for example AB12 CDE or 07700 900123."
            )
        return found[0].key


class LinkDecisionForm(forms.Form):
    decision = forms.ChoiceField(
        label="Is this report about the appeal?",
        choices=[(LinkDecision.CONFIRMED.value, "Yes, confirm"), (LinkDecision.REJECTED.value, "No, reject")],
        widget=forms.RadioSelect,
        error_messages={"required": "Choose whether the report is about this appeal."},
    )
    note = forms.CharField(label="Note", required=False, max_length=500)


AUDIT_RECORD_TYPES = [
    ("", "Any record"),
    ("reporting.informationreport", "Report"),
    ("appeals.appeal", "Appeal"),
    ("intelligence.action", "Action"),
]


class AuditFilterForm(forms.Form):
    person = forms.CharField(label="Person (username)", required=False, max_length=150)
    record_type = forms.ChoiceField(label="Record", choices=AUDIT_RECORD_TYPES, required=False)
    record_id = forms.CharField(label="Record number", required=False, max_length=64)
