"""The demo runs with DEBUG off (issue 9, item 8): an error is our own page, never a traceback, and the
stylesheet is still served. Run in a subprocess with the demo's settings module."""

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

SCRIPT = """
import json, os, django
os.environ["DJANGO_SETTINGS_MODULE"] = "lookout.settings.local"
os.environ.pop("DEBUG", None)
django.setup()
from django.conf import settings
from django.test import Client

# The public forms take posts from our own pages only (reportkit.views.same_origin).
SAME_ORIGIN = {"HTTP_SEC_FETCH_SITE": "same-origin"}
client = Client(raise_request_exception=False, **SAME_ORIGIN)
css = client.get("/static/lookout/css/lookout.css")
missing = client.get("/no-such-page/")
print(json.dumps({
    "debug": settings.DEBUG,
    "css": css.status_code,
    "css_type": css.get("Content-Type", ""),
    "missing": missing.status_code,
    "missing_debug_page": "Using the URLconf" in missing.content.decode(),
}))
"""


def test_the_demo_settings_hide_tracebacks_and_still_serve_css(tmp_path):
    env = {"PATH": "/usr/bin:/bin", "LOOKOUT_VAR_DIR": str(tmp_path), "HOME": str(tmp_path)}
    done = subprocess.run(  # noqa: S603 - our own interpreter
        [sys.executable, "-c", SCRIPT], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120, check=True
    )
    result = json.loads(done.stdout.strip().splitlines()[-1])
    assert result["debug"] is False
    assert result["css"] == 200 and result["css_type"].startswith("text/css")
    assert result["missing"] == 404 and not result["missing_debug_page"]
