"""Forms for the public filters and the back office."""

from typing import Any

from django import forms
from django.core.validators import RegexValidator
from django.utils.translation import gettext_lazy as _

from lookout.fields import BoundedModelMultipleChoiceField
from reportkit.images import ImageRejected

from .models import (
    COMMON_FIELDS,
    MISSING_FIELDS,
    WANTED_FIELDS,
    Appeal,
    AppealImage,
    AppealKind,
    ImageKind,
    MissingRiskGrade,
    Outcome,
    PublicityAssessment,
    ReleasableField,
    ThreatRiskHarm,
)
from .rules import MAX_REVIEW_INTERVAL_DAYS


class PublicFilterForm(forms.Form):
    kind = forms.ChoiceField(label="Show", required=False, choices=[("", "Everyone"), *AppealKind.choices])
    area = forms.ChoiceField(label="Area", required=False, choices=[("", "All areas")])
    q = forms.CharField(label="Search by name or description", required=False, max_length=100)

    def __init__(self, *args: Any, areas: list[str], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["area"].choices = [("", "All areas"), *[(a, a) for a in areas]]  # type: ignore[attr-defined]


AREA_TEXT = r"^[^\W\d_][\w '.,-]*\Z"


class EmbedFilterForm(forms.Form):
    """A partner's choice of appeals for its embed (?kind=, ?area=, ?page=). An area is free text, matched
    against the released areas only, so an embed set up for a town keeps working while it has no appeals."""

    kind = forms.ChoiceField(
        required=False,
        choices=[("", ""), *AppealKind.choices],
        error_messages={"invalid_choice": _("Choose kind=wanted or kind=missing, or leave it out for both.")},
    )
    area = forms.CharField(
        required=False,
        max_length=60,
        validators=[
            RegexValidator(
                AREA_TEXT, _("Give area= as the name of a town or district, in letters, for example Eastbrook.")
            )
        ],
        error_messages={"max_length": _("Give area= as a town or district name of up to 60 characters.")},
    )
    page = forms.IntegerField(
        required=False,
        min_value=1,
        max_value=10_000,
        error_messages={
            "invalid": _("Give page= as a whole number, such as 2."),
            "min_value": _("Give page= as a whole number, such as 2."),
            "max_value": _("Give page= as a whole number, such as 2."),
        },
    )

    def clean_area(self) -> str:
        return " ".join(self.cleaned_data["area"].split())


class AppealForm(forms.ModelForm[Appeal]):
    """The subject and the public text. Which of these are released is decided in the assessment."""

    class Meta:
        model = Appeal
        fields = COMMON_FIELDS + WANTED_FIELDS + MISSING_FIELDS
        widgets = {"last_seen_on": forms.DateInput(attrs={"type": "date"})}

    def __init__(self, *args: Any, kind: str, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        drop = MISSING_FIELDS if kind == AppealKind.WANTED else WANTED_FIELDS
        for name in drop:
            del self.fields[name]
        if kind == AppealKind.WANTED:
            self.fields["wanted_reason"].required = True

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        low, high = data.get("age_min"), data.get("age_max")
        if low is not None and high is not None and high < low:
            self.add_error("age_max", "The oldest age must be the same as or more than the youngest age.")
        if high is not None and low is None:
            self.add_error("age_min", "Enter the youngest age as well.")
        height = data.get("height_cm")
        if height is not None and not 50 <= height <= 250:
            self.add_error("height_cm", "Enter a height between 50 and 250 centimetres.")
        for name in ("age_min", "age_max"):
            age = data.get(name)
            if age is not None and age > 120:
                self.add_error(name, "Enter an age of 120 or less.")
        return data


class ImageUploadForm(forms.Form):
    image = forms.FileField(label="Image file", help_text="JPEG, PNG, WebP or GIF, up to 8 MB.")
    kind = forms.ChoiceField(label="What kind of image is it?", choices=ImageKind.choices)
    alt_text = forms.CharField(
        label="Describe the image for people who cannot see it",
        max_length=200,
        help_text=(
            "For example: Photo of the man, smiling, wearing a red cap. A name here is shown only if the "
            "name is released."
        ),
    )

    def clean_image(self) -> Any:
        upload = self.cleaned_data["image"]
        if upload.size == 0:
            raise forms.ValidationError("The selected file is empty.")
        return upload


class AssessmentForm(forms.ModelForm[PublicityAssessment]):
    released_fields = forms.MultipleChoiceField(
        label="Details released to the public",
        choices=ReleasableField.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    released_images = BoundedModelMultipleChoiceField(
        label="Images released to the public",
        queryset=AppealImage.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    review_interval_days = forms.IntegerField(
        label="Review after this many days", min_value=1, max_value=MAX_REVIEW_INTERVAL_DAYS, initial=28
    )

    class Meta:
        model = PublicityAssessment
        fields = [
            "threat_risk_harm",
            "missing_risk_grade",
            "necessity",
            "less_intrusive_means",
            "released_fields",
            "released_images",
            "review_interval_days",
        ]
        widgets = {
            "threat_risk_harm": forms.RadioSelect(choices=ThreatRiskHarm.choices),
            "missing_risk_grade": forms.RadioSelect(choices=MissingRiskGrade.choices),
        }

    def __init__(self, *args: Any, appeal: Appeal, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["released_images"].queryset = appeal.images.all()  # type: ignore[attr-defined]
        self.fields["released_images"].label_from_instance = (  # type: ignore[attr-defined]
            lambda image: f"{image.get_kind_display()}: {image.alt_text}"
        )
        if appeal.kind == AppealKind.WANTED:
            del self.fields["missing_risk_grade"]
            allowed = [c for c in ReleasableField.choices if c[0] not in {"last_seen", "vulnerability"}]
        else:
            self.fields["missing_risk_grade"].required = True
            allowed = [c for c in ReleasableField.choices if c[0] != "reason"]
        self.fields["released_fields"].choices = allowed  # type: ignore[attr-defined]


class DecisionForm(forms.Form):
    decision = forms.ChoiceField(
        label="Your decision",
        choices=[("approve", "Approve and publish"), ("refuse", "Refuse and return to the author")],
        widget=forms.RadioSelect,
    )
    reason = forms.CharField(
        label="Reasons",
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=4000,
        help_text="Recorded on the appeal and shown to the author.",
    )


class RenewForm(forms.Form):
    reason = forms.CharField(
        label="Why is publicity still necessary?", widget=forms.Textarea(attrs={"rows": 4}), max_length=4000
    )


class CloseForm(forms.Form):
    outcome = forms.ChoiceField(
        label="Outcome",
        choices=[c for c in Outcome.choices if c[0] != Outcome.EXPIRED],
        widget=forms.RadioSelect,
    )
    note = forms.CharField(
        label="Note (internal)", required=False, widget=forms.Textarea(attrs={"rows": 3}), max_length=4000
    )


__all__ = [
    "AppealForm",
    "AssessmentForm",
    "CloseForm",
    "DecisionForm",
    "ImageRejected",
    "ImageUploadForm",
    "PublicFilterForm",
    "RenewForm",
]
