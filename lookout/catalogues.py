"""The translation catalogues of the public pages (locale/<language>/LC_MESSAGES/django.po) and the checks
that keep them complete: every string marked in the code is in each catalogue, with a translation that is
not empty and not fuzzy. `manage.py catalogues update` brings them up to date after strings are marked;
`manage.py catalogues check` (and lookout/tests/test_catalogues.py) fails while anything is missing.
"""

import re
import shutil
import subprocess  # noqa: S404 - runs this project's own manage.py, with fixed arguments
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings

TRANSLATED = [code for code, _name in settings.LANGUAGES if code != settings.LANGUAGE_CODE]
# What makemessages reads: the apps' Python and templates, not the tests, tooling, demo data or dependencies.
IGNORED = ["node_modules", "staticfiles", "var", "docs", "bench", "demo", "tests", "*/tests/*", ".venv"]
MAKEMESSAGES_ARGS = [
    *[f"--locale={code}" for code in TRANSLATED],
    "--add-location=file",
    "--no-wrap",
    *[f"--ignore={pattern}" for pattern in IGNORED],
]
_SOURCE_SUFFIXES = {".py", ".html", ".txt"}
_ENTRY = re.compile(
    r"^(#, .*\n)?(?:#.*\n)*msgid \"(.*)\"\n(?:msgid_plural \".*\"\n)?((?:msgstr(?:\[\d\])? \".*\"\n?)+)", re.M
)


@dataclass(frozen=True)
class Entry:
    msgid: str
    translations: tuple[str, ...]
    fuzzy: bool

    @property
    def translated(self) -> bool:
        return not self.fuzzy and all(t.strip() for t in self.translations)


def catalogue_path(language: str, root: Path | None = None) -> Path:
    return (root or Path(settings.BASE_DIR)) / "locale" / language / "LC_MESSAGES" / "django.po"


def read_catalogue(path: Path) -> list[Entry]:
    """The entries of a .po file as written by makemessages (--no-wrap: one line per string), header left out."""
    entries = []
    for match in _ENTRY.finditer(path.read_text(encoding="utf-8")):
        flags, msgid, msgstrs = match.groups()
        if not msgid:
            continue
        translations = tuple(re.findall(r"^msgstr(?:\[\d\])? \"(.*)\"$", msgstrs, re.M))
        entries.append(Entry(msgid=msgid, translations=translations, fuzzy=bool(flags and "fuzzy" in flags)))
    return entries


def untranslated(language: str) -> list[str]:
    """The strings of a catalogue with no translation, or only a fuzzy one."""
    return [entry.msgid for entry in read_catalogue(catalogue_path(language)) if not entry.translated]


def extracted_msgids() -> set[str]:
    """Every string marked for translation in the code now, found by makemessages run on a copy of the source
    (so the committed catalogues are left as they are)."""
    base = Path(settings.BASE_DIR)
    with tempfile.TemporaryDirectory() as folder:
        copy = Path(folder) / "src"
        ignore = shutil.ignore_patterns(".git", ".venv", "node_modules", "var", "staticfiles", "locale", "*.pyc")
        shutil.copytree(base, copy, ignore=ignore, symlinks=True)
        for language in TRANSLATED:
            catalogue_path(language, copy).parent.mkdir(parents=True)
        subprocess.run(  # noqa: S603 - our manage.py, fixed arguments
            [sys.executable, "manage.py", "makemessages", *MAKEMESSAGES_ARGS, "--verbosity=0"],
            cwd=copy,
            check=True,
            env={"DJANGO_SETTINGS_MODULE": "lookout.settings.test", "PATH": "/usr/bin:/bin"},
        )
        return {entry.msgid for entry in read_catalogue(catalogue_path(TRANSLATED[0], copy))}


def missing_from_catalogues() -> dict[str, list[str]]:
    """Strings marked in the code that a committed catalogue lacks, by language."""
    marked = extracted_msgids()
    missing = {}
    for language in TRANSLATED:
        known = {entry.msgid for entry in read_catalogue(catalogue_path(language))}
        if absent := sorted(marked - known):
            missing[language] = absent
    return missing
