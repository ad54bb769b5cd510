"""Commands for analysts: `sql`, `backtest`."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from flows.cli.common import (
    ConfigOption,
    JsonOption,
    WarehouseOption,
    configured_warehouse,
    emit,
    fail,
    print_table,
)


def sql(
    query: Annotated[str, typer.Argument(
        help="SQL to run, a file of it (a path ending in .sql or holding a '/'), or '-' "
        "to read it from stdin")],
    db: WarehouseOption = None,
    as_json: JsonOption = False,
    allow_files: Annotated[list[Path] | None, typer.Option(
        "--allow-files", help="A folder the query may read and write files in (repeatable); "
        "without it only the warehouse is reachable")] = None,
    config: ConfigOption = None,
) -> None:
    """Run a read-only SQL query on the warehouse (safe while flows write).

    No writes, attaches, installs or file access outside the warehouse, unless
    --allow-files names a folder.

    Example: newswatch sql "SELECT * FROM topic_volume_hourly ORDER BY hour DESC LIMIT 10"
    """
    import duckdb

    from warehouse.db import snapshot

    text = query_text(query)
    for folder in allow_files or ():
        if not folder.is_dir():
            fail(f"--allow-files {folder}: no such folder", code=2)
    path, _config = configured_warehouse(db, config)
    with snapshot(path, allowed_directories=allow_files or ()) as con:
        try:
            result = con.execute(text)
        except duckdb.Error as exc:
            fail(f"query failed: {str(exc).splitlines()[0]}")
        if result is None:  # DuckDB's answer to a query of no statement
            fail("no SQL to run: the query is empty (or only comments)", code=2)
        columns = [c[0] for c in result.description or []]
        rows = result.fetchall()
    if as_json:
        for row in rows:
            emit(dict(zip(columns, row, strict=True)))
    else:
        print_table(columns, rows)


def query_text(query: str) -> str:
    """The SQL the argument gives: stdin's for '-', a file's for a path, else itself."""
    if query == "-":
        try:
            return sys.stdin.buffer.read().decode("utf-8")
        except UnicodeDecodeError:
            fail("stdin: is not UTF-8 text")
    text = query.strip()
    spaced = any(c.isspace() for c in text)
    file = Path(text)
    if file.suffix.lower() == ".sql":
        names_a_file = not spaced or file.is_file()  # not `SELECT * FROM schema.sql`
    else:
        names_a_file = not spaced and "/" in text
    if not names_a_file:
        return query
    try:
        return file.read_text(encoding="utf-8")
    except FileNotFoundError:
        fail(f"no such file: {file}")
    except IsADirectoryError:
        fail(f"{file}: is a folder, not a file of SQL")
    except OSError as exc:
        fail(f"{file}: cannot read: {exc.strerror}")
    except UnicodeDecodeError:
        fail(f"{file}: is not UTF-8 text")


def backtest(
    series: Annotated[Path | None, typer.Option(help="CSV of timestamp,value counts")] = None,
    topic: Annotated[str | None, typer.Option(help="A topic's story counts from the warehouse")
                     ] = None,
    config: ConfigOption = None,
    db: WarehouseOption = None,
) -> None:
    """Run the flows' spike detector over a whole series; one JSON line per alert.

    The configured settings apply; each line has timestamp, value, expected and score.
    With --topic, the topic's stories are counted and judged as the alerts flow does,
    over the last year from the first bucket holding any story.

    Example: newswatch backtest --series counts.csv
    """
    from datetime import UTC, datetime, timedelta

    from tasks.alerting import count_and_decide
    from tasks.config import load_config
    from tasks.detect import alerts, detect
    from tasks.series_csv import read_series_csv

    if (series is None) == (topic is None):
        fail("give exactly one of --series FILE.csv or --topic NAME", code=2)
    if series is not None:
        detector = load_config(config).settings.alerts.detector
        stamps, values = read_series_csv(series)
        decisions = detect(stamps, values, detector)
    else:
        path, loaded = configured_warehouse(db, config)
        if topic not in {t.name for t in loaded.topics}:
            fail(f"unknown topic {topic!r}; configured: "
                 f"{', '.join(t.name for t in loaded.topics)}")
        now = datetime.now(UTC)
        _counts, by_topic = count_and_decide(path, loaded, [topic], now - timedelta(days=365),
                                             now, from_first_story=True)
        decisions = by_topic[topic]
    for decision in alerts(decisions):
        emit({"timestamp": decision.timestamp, "value": decision.value,
              "expected": round(decision.expected, 3), "score": round(decision.score, 3)})


COMMANDS = {"sql": sql, "backtest": backtest}
