"""Render Django form fields with GOV.UK Frontend markup (labels, hints, errors, radios, checkboxes)."""

from typing import Any

from django import forms, template

register = template.Library()

INPUT_CLASSES = {
    "input": "govuk-input",
    "textarea": "govuk-textarea",
    "select": "govuk-select",
    "file": "govuk-file-upload",
    "date": "govuk-input govuk-input--width-10",
    "number": "govuk-input govuk-input--width-5",
}


def widget_type(field: forms.BoundField) -> str:
    widget = field.field.widget
    # CheckboxSelectMultiple is a subclass of RadioSelect, so it is tested first.
    if isinstance(widget, forms.CheckboxSelectMultiple):
        return "checkboxes"
    if isinstance(widget, forms.RadioSelect):
        return "radios"
    if isinstance(widget, forms.CheckboxInput):
        return "checkbox"
    if isinstance(widget, forms.Textarea):
        return "textarea"
    if isinstance(widget, forms.Select):
        return "select"
    if isinstance(widget, forms.ClearableFileInput | forms.FileInput):
        return "file"
    if isinstance(widget, forms.DateInput) and widget.input_type == "date":
        return "date"
    if isinstance(widget, forms.NumberInput):
        return "number"
    return "input"


@register.inclusion_tag("lookout/includes/field.html")
def govuk_field(field: forms.BoundField, heading: bool = False, width: str = "") -> dict[str, Any]:
    kind = widget_type(field)
    described = []
    if field.help_text:
        described.append(f"{field.auto_id}-hint")
    if field.errors:
        described.append(f"{field.auto_id}-error")
    attrs: dict[str, str | bool] = {}
    if described:
        attrs["aria-describedby"] = " ".join(described)
    if kind in INPUT_CLASSES:
        css = INPUT_CLASSES[kind]
        if width:
            css += f" govuk-input--width-{width}"
        if field.errors:
            css += {"textarea": " govuk-textarea--error", "select": " govuk-select--error"}.get(
                kind, " govuk-input--error" if kind != "file" else " govuk-file-upload--error"
            )
        attrs["class"] = css
    options = []
    if kind in {"radios", "checkboxes"}:
        for sub in field.subwidgets:
            data = sub.data
            options.append(
                {
                    "id": data["attrs"].get("id") or f"{field.auto_id}_{data['index']}",
                    "name": data["name"],
                    "value": data["value"],
                    "label": data["label"],
                    "checked": bool(data["selected"]),
                }
            )
    return {
        "field": field,
        "kind": kind,
        "widget": field.as_widget(attrs=attrs) if kind not in {"radios", "checkboxes"} else "",
        "options": options,
        "heading": heading,
    }


@register.inclusion_tag("lookout/includes/error_summary.html")
def govuk_error_summary(*forms_: forms.BaseForm) -> dict[str, Any]:
    errors = []
    for form in forms_:
        if form is None or not form.is_bound:
            continue
        for message in form.non_field_errors():
            errors.append({"href": "", "message": message})
        for name, field_errors in form.errors.items():
            if name == "__all__":
                continue
            bound = form[name]
            target = bound.auto_id
            if widget_type(bound) in {"radios", "checkboxes"}:
                target = f"{bound.auto_id}_0"
            for message in field_errors:
                errors.append({"href": f"#{target}", "message": message})
    return {"errors": errors}
