"""Reading a count series from a `timestamp,value` CSV, with errors that name file and line."""

from __future__ import annotations

import csv
import math
from datetime import UTC, datetime
from pathlib import Path

from tasks.errors import SeriesError


def read_series_csv(path: str | Path) -> tuple[list[datetime], list[float]]:
    """Read a `timestamp,value` CSV (naive timestamps are UTC) into two lists."""
    path = Path(path)
    try:
        handle = path.open(newline="", encoding="utf-8")
    except OSError as exc:
        raise SeriesError(f"{path}: cannot read the series ({exc.strerror})") from exc
    timestamps: list[datetime] = []
    values: list[float] = []
    with handle:
        rows = csv.reader(handle)
        header = [cell.strip().lower() for cell in next(rows, [])]
        if header[:2] != ["timestamp", "value"]:
            raise SeriesError(
                f"{path}, line 1: expected the header 'timestamp,value', got {','.join(header)!r}"
            )
        for row in rows:
            line = rows.line_num
            if not any(cell.strip() for cell in row):
                continue
            if len(row) < 2:
                raise SeriesError(f"{path}, line {line}: expected 'timestamp,value', got {row!r}")
            timestamps.append(_parse_timestamp(row[0], path, line))
            values.append(_parse_count(row[1], path, line))
            if len(timestamps) > 1 and timestamps[-1] <= timestamps[-2]:
                raise SeriesError(
                    f"{path}, line {line}: timestamp {row[0].strip()} is not after the "
                    "previous row; sort the file and merge duplicates"
                )
    if not timestamps:
        raise SeriesError(f"{path}: no data rows under the header")
    return timestamps, values


def _parse_timestamp(text: str, path: Path, line: int) -> datetime:
    try:
        stamp = datetime.fromisoformat(text.strip().replace("Z", "+00:00"))
    except ValueError:
        raise SeriesError(
            f"{path}, line {line}: {text.strip()!r} is not a timestamp "
            "(expected e.g. 2015-03-05 03:22:53)"
        ) from None
    if stamp.tzinfo is None:
        return stamp.replace(tzinfo=UTC)
    return stamp.astimezone(UTC)


def _parse_count(text: str, path: Path, line: int) -> float:
    try:
        value = float(text)
    except ValueError:
        value = math.nan
    if not math.isfinite(value) or value < 0:
        raise SeriesError(
            f"{path}, line {line}: value {text.strip()!r} is not a count (expected a number >= 0)"
        )
    return value
