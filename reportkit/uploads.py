"""The file field of both services' public forms, with the same cleaning (reportkit.attachments)."""

from typing import Any

from django import forms
from django.conf import settings
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext

from .attachments import AttachmentRejected, CleanAttachment, clean_attachment


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Up to LOOKOUT_REPORT_MAX_FILES files; each is re-encoded (reportkit.attachments) during validation."""

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("widget", MultipleFileInput(attrs={"accept": "image/*,.heic,.heif,.txt,text/plain"}))
        super().__init__(**kwargs)

    def clean(self, data: Any, initial: Any = None) -> list[CleanAttachment]:
        uploads: list[UploadedFile] = [f for f in (data if isinstance(data, list | tuple) else [data]) if f]
        limit: int = settings.LOOKOUT_REPORT_MAX_FILES
        if len(uploads) > limit:
            raise forms.ValidationError(gettext("Choose %(limit)s files or fewer") % {"limit": limit})
        cleaned: list[CleanAttachment] = []
        errors: list[str] = []
        for number, upload in enumerate(uploads, start=1):
            try:
                cleaned.append(clean_attachment(upload))
            except AttachmentRejected as exc:
                errors.append(gettext("File %(number)s was not taken: %(reason)s") % {"number": number, "reason": exc})
        if errors:
            raise forms.ValidationError(errors)
        return cleaned
