"""Forms for the desk: grading, dissemination, recording information from other routes, actions' states,
sharing an appeal, and the inbox filter. The audit log's filter is the audit app's (audit/forms.py)."""

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


def _choose(label: str, choices: Any, required: str) -> forms.ChoiceField:
    """Radio buttons one of which must be chosen; `required` says what to do when none is."""
    return forms.ChoiceField(
        label=label, choices=choices, widget=forms.RadioSelect, error_messages={"required": required}
    )


def _say(label: str, required: str, *, rows: int, max_length: int = 2000, **kwargs: Any) -> forms.CharField:
    """A box of text that must be written; `required` says what to write when it is left empty."""
    return forms.CharField(
        label=label,
        max_length=max_length,
        widget=forms.Textarea(attrs={"rows": rows}),
        error_messages={"required": required},
        **kwargs,
    )


def _choose_unit(label: str) -> BoundedModelChoiceField:
    """One of the units that take actions (the queryset is set by ActionUnitsForm)."""
    return BoundedModelChoiceField(
        label=label,
        queryset=Unit.objects.none(),
        empty_label="Choose a unit",
        error_messages={"required": "Choose a unit"},
    )


class ActionUnitsForm(forms.Form):
    """A form whose `unit` field offers the units that take actions and specialist work."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = action_units()  # type: ignore[attr-defined]


class OfficerChoiceField(BoundedModelChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        user: User = obj
        unit = getattr(getattr(user, "profile", None), "unit", None)
        name = user.get_full_name() or user.get_username()
        return f"{name} ({unit})" if unit else name


class GroupSplitForm(forms.Form):
    """ "Not the same": take a report out of its group of similar reports."""

    note = forms.CharField(
        label="Why it is not the same (optional)",
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class GradingForm(forms.Form):
    source_evaluation = _choose("Source evaluation", SourceEvaluation.choices, "Choose a source evaluation")
    intelligence_assessment = _choose(
        "Intelligence assessment", IntelligenceAssessment.choices, "Choose an intelligence assessment"
    )
    handling_code = _choose("Handling code", HandlingCode.choices, "Choose a handling code")
    handling_conditions = forms.CharField(
        label="Conditions (handling code C only)",
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    summary = _say(
        "Sanitised intelligence summary",
        "Write a sanitised summary of the intelligence",
        rows=4,
        max_length=4000,
        help_text="In your own words. Nothing that could identify the person who told us: this is what a team reads.",
    )


class DisseminateForm(ActionUnitsForm):
    unit = _choose_unit("Unit")
    officer = OfficerChoiceField(
        label="Officer (optional)",
        help_text="Leave empty to let the unit allocate it",
        queryset=User.objects.none(),
        required=False,
        empty_label="The unit allocates it",
    )
    instruction = _say("What should the unit do?", "Say what the unit should do", rows=3)
    priority = forms.ChoiceField(label="Priority", choices=ActionPriority.choices, initial=ActionPriority.MEDIUM)
    due_within = forms.ChoiceField(label="Due", choices=DUE_CHOICES, initial="24")

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
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
    result = _say("Result", "Say what the result was", rows=3)
    appeal_outcome = forms.ChoiceField(
        label="Does this end the appeal?",
        help_text="Ending it takes the appeal down from the public site at once",
        choices=RESULT_OUTCOMES,
        required=False,
        widget=forms.RadioSelect,
    )


class ReferBackForm(forms.Form):
    reason = _say("Why are you referring it back?", "Say why you are referring this action back", rows=2)


class ReissueForm(ActionUnitsForm):
    unit = BoundedModelChoiceField(label="Send to unit", queryset=Unit.objects.none(), empty_label=None)


class RecordForm(TokenMixin, GuidedQuestionsForm):
    """The public's guided questions, with what the officer who took the call adds: route, appeal, urgency
    and the person's contact details (sealed as for the web)."""

    channel = _choose(
        "How did the information reach us?",
        [(c.value, c.label) for c in (Channel.PHONE, Channel.EMAIL, Channel.IN_PERSON)],
        "Choose how the information reached us",
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


class ShareForm(ActionUnitsForm):
    unit = _choose_unit("Specialist unit")
    kind = _choose("Transfer or share?", ShareKind.choices, "Choose transfer or share")
    reason = _say("Why?", "Say why the appeal is being transferred or shared", rows=2)


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
    decision = _choose(
        "Is this report about the appeal?",
        [(LinkDecision.CONFIRMED.value, "Yes, confirm"), (LinkDecision.REJECTED.value, "No, reject")],
        "Choose whether the report is about this appeal.",
    )
    note = forms.CharField(label="Note", required=False, max_length=500)
