"""The public journey's shared forms, as both services use them."""

from reportkit.forms import (
    FILES_NOT_KEPT,
    WHERE_NOW_ABOUT_APPEAL,
    WHERE_NOW_GENERAL,
    LostFilesMixin,
    ReceiptField,
    ReportFormBase,
    WhereNowForm,
    where_now_label,
    written_answer,
)


def test_the_first_question_asks_about_the_appeal_or_about_now():
    assert where_now_label(about_appeal=True) == WHERE_NOW_ABOUT_APPEAL
    assert where_now_label(about_appeal=False) == WHERE_NOW_GENERAL
    form = WhereNowForm({}, label=WHERE_NOW_GENERAL)
    assert not form.is_valid()
    assert form.errors["now"] == ["Select yes if you know where they are right now"]


def test_the_category_is_asked_only_without_an_appeal():
    assert "crime_category" in ReportFormBase(general=True).fields
    assert "crime_category" not in ReportFormBase(general=False).fields
    assert not ReportFormBase({"details": "Seen"}, general=True).is_valid()
    assert ReportFormBase({"details": "Seen"}, general=False).is_valid()


def test_urgent_comes_from_the_999_page_or_the_post():
    assert ReportFormBase(initial={"urgent": True}, general=False).urgent_requested()
    assert not ReportFormBase(initial={"urgent": False}, general=False).urgent_requested()
    assert ReportFormBase({"details": "x", "urgent": "True"}, general=False).urgent_requested()
    assert not ReportFormBase({"details": "x"}, general=False).urgent_requested()


class _WithFiles(LostFilesMixin):
    details = written_answer("Details", max_length=10, rows=2, required="Write something")
    attachments = written_answer("Files", max_length=10, rows=1, required="unused")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["attachments"].required = False


def test_chosen_files_are_said_to_be_lost_only_when_the_page_is_shown_again():
    shown_again = _WithFiles({"details": ""})
    shown_again.is_valid()
    shown_again.note_lost_files(True)
    assert shown_again.errors["details"] == ["Write something"]
    assert shown_again.errors["attachments"] == [FILES_NOT_KEPT]
    accepted = _WithFiles({"details": "fine"})
    assert accepted.is_valid()
    accepted.note_lost_files(True)
    assert "attachments" not in accepted.errors


def test_the_receipt_field_is_typed_back_without_help_from_the_browser():
    field = ReceiptField()
    assert field.max_length == 60 and field.error_messages["required"] == "Enter your receipt code"
    assert field.widget.attrs == {
        "autocomplete": "off",
        "spellcheck": "false",
        "autocapitalize": "characters",
        "maxlength": "60",
    }
