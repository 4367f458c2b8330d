"""The matching core is pure Python: importing every module of intelligence.matching loads no Django."""

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

# Run in a fresh interpreter: this test process has Django loaded already.
PROBE = """
import importlib, json, pkgutil, sys
import intelligence.matching as matching
names = [matching.__name__]
names += [m.name for m in pkgutil.walk_packages(matching.__path__, matching.__name__ + ".")]
for name in names:
    importlib.import_module(name)
django = sorted(m for m in sys.modules if m == "django" or m.startswith("django."))
print(json.dumps({"modules": names, "django": django}))
"""


def test_every_matching_module_imports_without_django() -> None:
    done = subprocess.run(  # noqa: S603 - our own interpreter and a fixed script
        [sys.executable, "-c", PROBE], cwd=ROOT, capture_output=True, text=True, check=True, timeout=120
    )
    found = json.loads(done.stdout)
    assert "intelligence.matching.linking.suggest" in found["modules"]
    assert "intelligence.matching.extraction.plates" in found["modules"]
    assert found["django"] == []


def test_a_child_s_age_is_read_when_the_words_say_it_is_an_age() -> None:
    from intelligence.matching.description import stated_age

    # "about 10" is as often a time as an age; "looked about 11", "11 years old" and "no more than 14" are ages.
    assert stated_age("she looked about 11") == (11, 11)
    assert stated_age("a girl about 11 years old") == (11, 11)
    assert stated_age("no more than 14") == (14, 14)
    assert stated_age("connor the boy next door, he's about 10") == (10, 10)
    assert stated_age("I'll be there about 10") is None
    assert stated_age("at about 8 last night") is None
