"""The files other agencies publish, read into candidates for draft appeals. Each format is a module with
`read(document) -> list[Candidate | Skip]`; `parse` checks the file is JSON of the shape the format expects."""

import hashlib
import json
from dataclasses import dataclass, field
from typing import Any

from ..models import ImportSource


class FormatError(ValueError):
    """The file cannot be read as the format asked for: the message says why, for the person importing it."""


@dataclass
class Candidate:
    """One record, as the fields of a draft appeal (appeals.models.EDITABLE_FIELDS, no unit yet)."""

    position: int
    external_id: str
    kind: str
    data: dict[str, Any]
    image_urls: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    @property
    def digest(self) -> str:
        """What an import would write from this record: the same digest means nothing to change."""
        content = json.dumps([self.kind, self.data, self.image_urls], sort_keys=True, default=str)
        return hashlib.sha256(content.encode()).hexdigest()


@dataclass
class Skip:
    position: int
    external_id: str
    reason: str


def parse(source: str, content: bytes) -> list[Candidate | Skip]:
    from . import fbi, interpol

    try:
        document = json.loads(content.decode("utf-8-sig"))
    except UnicodeDecodeError as exc:
        raise FormatError("The file is not text in UTF-8: is it the JSON file the agency published?") from exc
    except json.JSONDecodeError as exc:
        raise FormatError(f"The file is not valid JSON ({exc.msg} at line {exc.lineno}, column {exc.colno}).") from exc
    except RecursionError as exc:
        raise FormatError("The file is nested too deeply to be an agency's list of records.") from exc
    readers = {ImportSource.FBI: fbi.read, ImportSource.INTERPOL: interpol.read}
    if source not in readers:
        raise FormatError(f"Unknown format {source!r}: choose fbi or interpol.")
    return readers[ImportSource(source)](document)


def describe_keys(document: Any) -> str:
    if isinstance(document, dict):
        keys = ", ".join(sorted(str(k) for k in document)[:8])
        return f"an object with {keys or 'no keys'}"
    return f"a JSON {type(document).__name__.replace('dict', 'object').replace('list', 'array')}"
