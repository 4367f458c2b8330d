"""The police side of bench/takedown.py, run in the production profile's police environment. Prints one JSON
line: the appeal's public surfaces (distribution.surfaces) as paths with their rule.
Then waits for a line on stdin, closes the appeal as the officer who authorised it, or its author (appeals.services) and
prints the wall-clock time at which the close committed (the first on-commit callback, before the purges)."""

import json
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lookout.settings.production")

import django  # noqa: E402

django.setup()

from django.db import transaction  # noqa: E402

from appeals import services  # noqa: E402
from appeals.models import Appeal, Outcome  # noqa: E402
from distribution.selectors import surface_paths  # noqa: E402


def main() -> None:
    appeal = Appeal.objects.get(reference=sys.argv[1])
    paths = [{"surface": s.key, "path": path} for s, deployed in surface_paths(appeal) for path in deployed or []]
    print(json.dumps({"paths": paths}), flush=True)
    sys.stdin.readline()
    authorised = appeal.authorisations.order_by("-pk").first()
    officer = authorised.officer if authorised else appeal.author  # any acting role may close a public appeal
    committed: list[float] = []
    with transaction.atomic():
        transaction.on_commit(lambda: committed.append(time.time()))  # runs first: before the close's own
        services.appeal_close(appeal=appeal, actor=officer, outcome=Outcome.ARRESTED, note="takedown benchmark")
    print(json.dumps({"committed": committed[0], "returned": time.time()}), flush=True)


if __name__ == "__main__":
    main()
