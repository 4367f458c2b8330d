"""The audit log's filter."""

from django import forms

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
