"""Files kept with database rows. Storage is not transactional, so both services tie stored files to the
transaction that names them, in one place:

- `files_atomic()`: a transaction that writes files; when it rolls back (any error leaving the block), the
  files it wrote are deleted again, so no file outlives the rows that would have named it.
- `files_delete_on_commit()`: files whose rows are being deleted go only once that deletion is committed, so a
  rollback never leaves a row naming a file that is gone.
"""

from collections.abc import Iterable, Iterator
from contextlib import contextmanager

from django.core.files.base import ContentFile
from django.core.files.storage import Storage, default_storage
from django.db import transaction
from django.db.models.fields.files import FieldFile


class StoredFiles:
    """The files written so far inside one `files_atomic()` block."""

    def __init__(self) -> None:
        self._written: list[tuple[Storage, str]] = []

    def save(self, field: FieldFile, name: str, content: bytes) -> None:
        """Write `content` to the file field (the model is saved by the caller) and remember it."""
        field.save(name, ContentFile(content), save=False)
        self._written.append((field.storage, field.name or ""))

    def discard(self) -> None:
        for storage, name in self._written:
            if name:
                storage.delete(name)
        self._written.clear()


@contextmanager
def files_atomic(*, durable: bool = False) -> Iterator[StoredFiles]:
    """`transaction.atomic()` whose files are deleted when it rolls back. Errors propagate unchanged (an
    IntegrityError from a repeated post is still the caller's to handle, after the files are gone)."""
    files = StoredFiles()
    try:
        with transaction.atomic(durable=durable):
            yield files
    except BaseException:
        files.discard()
        raise


def files_delete_on_commit(files: Iterable[FieldFile | str]) -> None:
    """Delete stored files once the current transaction commits; nothing is deleted if it rolls back. A name
    is in the default storage; a file field carries its own. Empty names (no file) are skipped."""
    targets: list[tuple[Storage, str]] = []
    for item in files:
        storage, name = (default_storage, item) if isinstance(item, str) else (item.storage, item.name or "")
        if name:
            targets.append((storage, name))

    def delete() -> None:
        for storage, name in targets:
            storage.delete(name)

    transaction.on_commit(delete)
