"""reportkit.storage: stored files go with the transaction that named them; reportkit.replay: one report per
post of a form."""

import pytest
from django.core.files.storage import default_storage
from django.db import IntegrityError, transaction

from reportkit.replay import Submitted, submit_once
from reportkit.storage import StoredFiles, files_atomic, files_delete_on_commit

pytestmark = pytest.mark.django_db


class _FileField:
    """What StoredFiles needs of a model's file field (the kit has no models of its own)."""

    storage = default_storage
    name = ""

    def save(self, name: str, content, save: bool = True) -> None:  # type: ignore[no-untyped-def]
        self.name = self.storage.save(f"reportkit-test/{name}", content)


def _write(files: StoredFiles, content: bytes = b"words") -> str:
    field = _FileField()
    files.save(field, "clean", content)  # type: ignore[arg-type]
    name = field.name
    assert name and default_storage.exists(name)
    return name


def test_files_written_in_a_block_that_fails_are_deleted_and_the_error_propagates():
    names: list[str] = []
    with pytest.raises(RuntimeError, match="disk full"), files_atomic() as files:
        names += [_write(files), _write(files)]
        raise RuntimeError("disk full")
    assert names and not any(default_storage.exists(name) for name in names)


def test_files_written_in_a_block_that_commits_are_kept():
    with files_atomic() as files:
        name = _write(files)
    assert default_storage.exists(name)
    default_storage.delete(name)


def test_files_deleted_on_commit_stay_when_the_transaction_rolls_back(django_capture_on_commit_callbacks):
    with files_atomic() as files:
        name = _write(files)
    with (
        django_capture_on_commit_callbacks(execute=True) as callbacks,
        pytest.raises(RuntimeError),
        transaction.atomic(),
    ):
        files_delete_on_commit([name, ""])
        raise RuntimeError("rolled back")
    assert not callbacks and default_storage.exists(name)
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        files_delete_on_commit([name])
    assert len(callbacks) == 1 and not default_storage.exists(name)


@pytest.mark.django_db(transaction=True)
def test_submit_once_stores_first_and_shows_a_repeated_post_the_first_report():
    first = object()
    stored: list[object] = []
    looked_up: list[str] = []

    def store(files: StoredFiles) -> object:
        if stored:  # the token's unique index, as the services' tables have it
            raise IntegrityError("duplicate token")
        stored.append(first)
        return first

    def no_replay() -> None:
        looked_up.append("new post")

    done = submit_once(replay=no_replay, receipt_code="ABCD1234", store=store)
    assert done == Submitted(report=first, receipt_code="ABCD-1234", repeated=False)
    assert looked_up == []  # a new post costs no look-up for an earlier one

    again = Submitted(report=first, receipt_code="ABCD-1234", repeated=True)
    assert submit_once(replay=lambda: again, receipt_code="ZZZZ", store=store) is again
    assert len(stored) == 1

    written: list[str] = []

    def lose_the_race(files: StoredFiles) -> object:
        written.append(_write(files))
        raise IntegrityError("duplicate token")

    assert submit_once(replay=lambda: again, receipt_code="ZZZZ", store=lose_the_race) is again
    assert not default_storage.exists(written[0])

    with pytest.raises(IntegrityError):  # refused by another constraint: no earlier report to show
        submit_once(replay=lambda: None, receipt_code="ZZZZ", store=lose_the_race)
