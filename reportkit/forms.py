"""The forms both services' public report journeys share: the first question (the 999 path), the report
form's common part (what it is about, the guided questions, the urgent flag, chosen files said to be lost),
the receipt field, and the plain written answer box."""

from typing import TYPE_CHECKING, Any

from django import forms
from django.utils.translation import gettext, gettext_noop
from django.utils.translation import gettext_lazy as _

from .questions import CrimeCategory, GuidedQuestionsForm

if TYPE_CHECKING:
    from .questions import StrOrPromise

FILES_NOT_KEPT = gettext_noop(
    "Choose your files again: for your safety, browsers do not keep chosen files when a page is shown again"
)
WHERE_NOW_ABOUT_APPEAL = gettext_noop("Do you know where this person is right now?")
WHERE_NOW_GENERAL = gettext_noop("Is someone in danger, or is a crime happening right now?")


def where_now_label(*, about_appeal: bool) -> str:
    """The first question, in English; the form shows it in the page's language."""
    return WHERE_NOW_ABOUT_APPEAL if about_appeal else WHERE_NOW_GENERAL


class WhereNowForm(forms.Form):
    """The first question, before the form: someone in danger now needs 999, not a web form."""

    now = forms.ChoiceField(
        choices=[("yes", _("Yes")), ("no", _("No"))],
        widget=forms.RadioSelect,
        error_messages={"required": _("Select yes if you know where they are right now")},
    )

    def __init__(self, *args: Any, label: str, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["now"].label = gettext(label)


def written_answer(
    label: "StrOrPromise", *, max_length: int, rows: int, required: "StrOrPromise", help_text: "StrOrPromise" = ""
) -> forms.CharField:
    """A box for a few lines in the person's own words; `required` is the plain error when it is left empty."""
    return forms.CharField(
        label=label,
        help_text=help_text,
        max_length=max_length,
        widget=forms.Textarea(attrs={"rows": rows}),
        error_messages={"required": required},
    )


class ReceiptField(forms.CharField):
    """The receipt code as a person types it back (reading is forgiving: the service normalises it)."""

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("label", _("Your receipt code"))
        kwargs.setdefault("help_text", _("The code you were given when you sent your information, like 7KQ2-XM4P-…"))
        kwargs.setdefault("max_length", 60)
        kwargs.setdefault(
            "widget",
            forms.TextInput(attrs={"autocomplete": "off", "spellcheck": "false", "autocapitalize": "characters"}),
        )
        kwargs.setdefault("error_messages", {"required": _("Enter your receipt code")})
        super().__init__(**kwargs)


class LostFilesMixin(forms.Form):
    """For a form with an `attachments` file field."""

    def note_lost_files(self, sent_files: bool) -> None:
        """Browsers cannot keep a chosen file in a page shown again, so say so next to the file field."""
        if sent_files and self.errors and "attachments" not in self.errors:
            self.add_error("attachments", gettext(FILES_NOT_KEPT))


class ReportFormBase(LostFilesMixin, GuidedQuestionsForm):
    """What both services' report forms ask: what it is about (only without an appeal), the guided questions,
    and the hidden urgent flag the 999 page sets. Each service adds its own token and file field (its own
    help text), and the police form its optional contact details."""

    crime_category = forms.ChoiceField(
        label=_("What is it about?"),
        choices=CrimeCategory.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Select what your information is about")},
    )
    urgent = forms.BooleanField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args: Any, general: bool, **kwargs: Any) -> None:
        if not general:
            # Left out before the form copies its fields (Django deep-copies each one, this question's choices
            # too), not copied and then deleted: an instance attribute shadowing the class's, which Django's
            # form __init__ reads (the stubs call it a class variable, hence the ignore).
            self.base_fields = {  # type: ignore[misc]
                name: f for name, f in type(self).base_fields.items() if name != "crime_category"
            }
        super().__init__(*args, **kwargs)

    def urgent_requested(self) -> bool:
        """The reporter came through the 999 page (a fresh form) or said so in the form posted."""
        return self["urgent"].value() in {True, "True", "true", "on", "1"}
