"""Stored files carry the day, not the moment: a file's modification time (and that of the folder it is
written into) would otherwise tell a stolen disk when a reporter sent it (docs/adr/0031)."""

import os
from pathlib import Path
from typing import Any

from django.core.files.storage import FileSystemStorage

from .clock import day_start


class DayStampedStorage(FileSystemStorage):
    def _save(self, name: str, content: Any) -> str:
        saved: str = super()._save(name, content)  # type: ignore[misc]
        stamp = day_start().timestamp()
        root = Path(self.location).resolve()
        path = Path(self.path(saved)).resolve()
        # The file and every folder up to (not including) the media root: creating a file touches its folder.
        while path != root and root in path.parents:
            os.utime(path, (stamp, stamp))
            path = path.parent
        return saved
