from django import forms

from .models import CopyKind


class ManualCopyForm(forms.Form):
    kind = forms.ChoiceField(label="What did you make?", choices=CopyKind.choices)
    where = forms.CharField(
        label="Where is it?",
        max_length=300,
        help_text="The post's address, or where the posters are (for example: Mill Street noticeboard).",
        error_messages={"required": "Say where the copy is, so it can be taken down."},
    )
    count = forms.IntegerField(
        label="How many?",
        min_value=1,
        max_value=10000,
        initial=1,
        error_messages={"min_value": "Enter 1 or more.", "max_value": "Enter 10,000 or fewer."},
    )

    def clean_where(self) -> str:
        where = " ".join(str(self.cleaned_data["where"]).split())
        if not where:
            raise forms.ValidationError("Say where the copy is, so it can be taken down.")
        return where
