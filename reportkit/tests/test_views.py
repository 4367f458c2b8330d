"""The shared journey views' small parts; the journeys themselves are tested through each service's pages."""

from django.http import HttpResponse

from reportkit.views import JourneyPages, no_store


def test_each_service_names_its_journey_pages_alike():
    pages = JourneyPages.in_folder("charity/public")
    assert pages == JourneyPages(
        start="charity/public/start.html",
        urgent="charity/public/urgent.html",
        form="charity/public/form.html",
        thanks="charity/public/thanks.html",
    )


def test_pages_with_a_receipt_or_a_reporters_words_are_never_kept():
    assert no_store(HttpResponse())["Cache-Control"] == "no-store, max-age=0"


def test_the_kit_imports_neither_service():
    """Both services import the kit, so the kit imports no app of either (nor any police app)."""
    import subprocess
    import sys
    from pathlib import Path

    code = (
        "import django, sys; from django.conf import settings; settings.configure(); django.setup();"
        "import reportkit.forms, reportkit.formtoken, reportkit.questions, reportkit.receipts,"
        " reportkit.selectors, reportkit.throttle, reportkit.views;"
        "apps = {'accounts', 'api', 'appeals', 'audit', 'demo', 'independent', 'intelligence', 'reporting'};"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in apps);"
        "print(bad); sys.exit(1 if bad else 0)"
    )
    root = Path(__file__).resolve().parents[2]
    result = subprocess.run([sys.executable, "-c", code], cwd=root, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
