"""Every row of every table, for the backup round trip: compared as values, binary columns as bytes."""

import hashlib
from pathlib import Path
from typing import Any

from django.db import connection


def _value(value: Any) -> Any:
    return bytes(value) if isinstance(value, memoryview | bytearray) else value


def every_row() -> dict[str, list[tuple[Any, ...]]]:
    tables: dict[str, list[tuple[Any, ...]]] = {}
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names(cursor):
            cursor.execute(f"SELECT * FROM {connection.ops.quote_name(table)}")  # noqa: S608 - catalogue names
            tables[table] = sorted((tuple(_value(v) for v in row) for row in cursor.fetchall()), key=repr)
    return tables


def every_file(root: Path) -> dict[str, str]:
    return {
        p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in root.rglob("*")
        if p.is_file()
    }
