"""The guided questions both services ask the public, as a plain form, and the choices their models store.

Model-less on purpose: the police report and the charity's anonymous report (its own deployment, its own
database) ask exactly the same questions and keep the same field names and choice values.
"""

import re
from typing import TYPE_CHECKING, Any

from django import forms
from django.db import models
from django.utils.translation import gettext_lazy as _

if TYPE_CHECKING:
    from django.utils.functional import _StrPromise

    StrOrPromise = str | _StrPromise  # a label: plain, or translated when shown (gettext_lazy)


class Acquaintance(models.TextChoices):
    PERSONALLY = "personally", _("I know them personally")
    OF_THEM = "of_them", _("I know of them, but not personally")
    NOT_SURE = "not_sure", _("I am not sure")


class CrimeCategory(models.TextChoices):
    VIOLENCE = "violence", _("Violence")
    DRUGS = "drugs", _("Drugs")
    OTHER = "other", _("Other crime")


class InAreaAnswer(models.TextChoices):
    YES = "yes", _("Yes")
    NO = "no", _("No")
    NOT_SURE = "not_sure", _("I do not know")


# Field names, in the order the form asks them; the police and anonymous reports store the same names.
QUESTION_FIELDS = [
    "details",
    "acquaintance",
    "last_seen_when",
    "last_seen_where",
    "in_your_area",
    "vehicle_make",
    "vehicle_model",
    "vehicle_colour",
    "vehicle_registration",
    "places",
    "companions",
]
VEHICLE_FIELDS = ["vehicle_make", "vehicle_model", "vehicle_colour", "vehicle_registration"]
_REGISTRATION = re.compile(r"^[A-Z0-9 ]{2,10}$")


def _short(label: "StrOrPromise", max_length: int, help_text: "StrOrPromise" = "", **attrs: str) -> forms.CharField:
    return forms.CharField(
        label=label,
        required=False,
        max_length=max_length,
        help_text=help_text,
        widget=forms.TextInput(attrs=attrs),
    )


class GuidedQuestionsForm(forms.Form):
    """Every question is optional except `details`: what the person wants to tell us, in their own words."""

    details = forms.CharField(
        label=_("What do you want to tell us?"),
        help_text=_("In your own words: anything you know. This is the only question you must answer."),
        max_length=10000,
        widget=forms.Textarea(attrs={"rows": 5}),
        error_messages={
            "required": _("Tell us what you know, in your own words"),
            "max_length": _("What you tell us must be 10,000 characters or fewer"),
        },
    )
    acquaintance = forms.ChoiceField(
        label=_("Do you know them personally, or know of them?"),
        required=False,
        choices=Acquaintance.choices,
        widget=forms.RadioSelect,
    )
    last_seen_when = _short(_("When did you last see them?"), 200, _("For example: yesterday about 6pm, or 3 March"))
    last_seen_where = _short(_("Where did you last see them?"), 300, _("A street, a place or a postcode"))
    in_your_area = forms.ChoiceField(
        label=_("Do you think they are living or staying in your area?"),
        required=False,
        choices=InAreaAnswer.choices,
        widget=forms.RadioSelect,
    )
    vehicle_make = _short(_("Make"), 60, _("For example: Ford"), autocomplete="off")
    vehicle_model = _short(_("Model"), 60, _("For example: Transit"), autocomplete="off")
    vehicle_colour = _short(_("Colour"), 40, autocomplete="off")
    vehicle_registration = _short(
        _("Registration (number plate)"), 12, _("Even part of it helps"), autocomplete="off", spellcheck="false"
    )
    places = forms.CharField(
        label=_("Places they go regularly"),
        required=False,
        max_length=2000,
        help_text=_("For example: a shop, pub, club or gym, or someone's address"),
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    companions = forms.CharField(
        label=_("Who are they with, or who do they spend time with?"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def clean_vehicle_registration(self) -> str:
        value = " ".join(str(self.cleaned_data.get("vehicle_registration", "")).upper().split())
        if value and not _REGISTRATION.match(value):
            raise forms.ValidationError(_("A number plate has only letters, numbers and spaces: for example AB12 CDE"))
        return value

    def question_answers(self) -> dict[str, Any]:
        """The cleaned answers, by field name, ready to store."""
        return {name: self.cleaned_data.get(name) or "" for name in QUESTION_FIELDS}
