"""The guided questions: one required field, plain errors, and no police model behind them."""

import subprocess
import sys
from pathlib import Path

from reportkit.questions import QUESTION_FIELDS, GuidedQuestionsForm

ROOT = Path(__file__).resolve().parents[2]


def test_only_the_free_text_is_required():
    form = GuidedQuestionsForm({"details": "Seen at the station"})
    assert form.is_valid(), form.errors
    assert [name for name, field in form.fields.items() if field.required] == ["details"]
    assert set(form.question_answers()) == set(QUESTION_FIELDS)


def test_registration_is_normalised():
    form = GuidedQuestionsForm({"details": "x", "vehicle_registration": " qz71   xlr "})
    assert form.is_valid() and form.cleaned_data["vehicle_registration"] == "QZ71 XLR"
    assert not GuidedQuestionsForm({"details": "x", "vehicle_registration": "QZ71;DROP"}).is_valid()


def test_questions_module_imports_no_police_model():
    """The independent service reuses the questions; importing them must not pull in police models."""
    code = (
        "import django, sys; from django.conf import settings; settings.configure(); django.setup();"
        "import reportkit.questions;"
        "bad = [m for m in sys.modules if m.split('.')[0] in {'appeals','accounts','audit','intelligence'}"
        " or m in {'reporting.models','reporting.services'}];"
        "print(bad); sys.exit(1 if bad else 0)"
    )
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
