"""A task for the worker-kill test: it notes each start, then waits until the test lets it finish."""

import time
from pathlib import Path

from django_tasks import task


@task()
def hold_until_released(folder: str) -> int:
    """Write started-<n> (n counts the attempts), wait for `release` to exist, write `done`."""
    here = Path(folder)
    attempt = len(list(here.glob("started-*"))) + 1
    (here / f"started-{attempt}").write_text("")
    while not (here / "release").exists():
        time.sleep(0.1)
    (here / "done").write_text(str(attempt))
    return attempt
