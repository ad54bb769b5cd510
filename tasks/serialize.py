"""One JSON form for the records (dataclasses) the warehouse keeps as JSON: quarantined
articles (`quarantine.record`) and candidates due another fetch (`url_state.candidate`).

Written: datetimes as ISO 8601 with their UTC offset, tuples as lists, nested records as
objects. Read: pydantic validates the object against the dataclass's own field types, so
datetimes, tuples and nested records come back as they were, and keys the dataclass no
longer has (a record stored by an older version) are ignored.
"""

from __future__ import annotations

import json
from dataclasses import asdict
from datetime import datetime
from functools import cache
from typing import Any, TypeVar

from pydantic import TypeAdapter

Record = TypeVar("Record")


def to_json(record: Any) -> dict[str, Any]:
    """The record as a JSON-ready dict."""
    return _plain(asdict(record))


def to_json_text(record: Any) -> str:
    return json.dumps(to_json(record), ensure_ascii=False)


def from_json(kind: type[Record], data: dict[str, Any] | str) -> Record:
    """A `kind` record from `to_json`'s dict, or from its JSON text."""
    return _adapter(kind).validate_python(json.loads(data) if isinstance(data, str) else data)


def _plain(value: Any) -> Any:
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, dict):
        return {key: _plain(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(item) for item in value]
    return value


@cache
def _adapter(kind: type) -> TypeAdapter:
    return TypeAdapter(kind)
