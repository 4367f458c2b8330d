"""The staff page's upload form."""

from typing import Any

from django import forms
from django.core.files.uploadedfile import UploadedFile

from accounts.models import Unit

from .models import ImportSource

MAX_UPLOAD_BYTES = 5 * 1024 * 1024


class ImportForm(forms.Form):
    source = forms.ChoiceField(
        label="Which agency published the file?",
        choices=[
            (ImportSource.FBI, "FBI Wanted API (a list with total, items and page)"),
            (ImportSource.INTERPOL, "Interpol notices (_embedded.notices, with each notice's details)"),
        ],
        widget=forms.RadioSelect,
    )
    file = forms.FileField(label="JSON file", help_text="Up to 5 MB.")
    unit = forms.ModelChoiceField(
        label="Unit that will own the drafts", queryset=Unit.objects.order_by("name"), empty_label=None
    )
    dry_run = forms.BooleanField(label="Check the file only: show what would happen and change nothing", required=False)

    def __init__(self, *args: Any, default_unit: Unit | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if default_unit is not None:
            self.fields["unit"].initial = default_unit.pk

    def clean_file(self) -> bytes:
        upload: UploadedFile = self.cleaned_data["file"]
        if upload.size is not None and upload.size > MAX_UPLOAD_BYTES:
            raise forms.ValidationError("The file is larger than 5 MB. Split it into smaller files.")
        return upload.read()
