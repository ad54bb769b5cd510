"""`newswatch sql` and `newswatch backtest` as a user calls them."""

from __future__ import annotations

import json
import math
from datetime import UTC, datetime, timedelta

from typer.testing import CliRunner

from flows.cli import app
from warehouse.db import write

runner = CliRunner()


def warehouse_with_outlets(tmp_path):
    path = tmp_path / "w.duckdb"
    with write(path) as con:
        con.execute("INSERT INTO outlets VALUES ('herald', 'Herald', 'herald.example', 'en', "
                    "'GB', now()), ('wire', 'Wire', 'wire.example', 'de', NULL, now())")
    return path


def test_sql_prints_a_table_and_json_lines(tmp_path):
    db = warehouse_with_outlets(tmp_path)
    table = runner.invoke(app, ["sql", "--db", str(db), "SELECT name, language FROM outlets"])
    assert table.exit_code == 0 and "herald" in table.output and "language" in table.output
    lines = runner.invoke(app, ["sql", "--db", str(db), "--json",
                                "SELECT name, updated_at FROM outlets ORDER BY name"])
    rows = [json.loads(line) for line in lines.output.splitlines()]
    assert [r["name"] for r in rows] == ["herald", "wire"]
    assert datetime.fromisoformat(rows[0]["updated_at"]).tzinfo is not None


def test_sql_reads_the_query_from_stdin(tmp_path):
    db = warehouse_with_outlets(tmp_path)
    result = runner.invoke(app, ["sql", "--db", str(db), "--json", "-"],
                           input="SELECT count(*) AS n FROM outlets")
    assert json.loads(result.output) == {"n": 2}


def test_sql_errors_are_one_line(tmp_path):
    db = warehouse_with_outlets(tmp_path)
    result = runner.invoke(app, ["sql", "--db", str(db), "SELECT * FROM nowhere"])
    assert result.exit_code == 1
    assert result.output.count("\n") == 1 and "nowhere" in result.output
    missing = runner.invoke(app, ["sql", "--db", str(tmp_path / "none.duckdb"), "SELECT 1"])
    assert missing.exit_code == 1 and "no warehouse here yet" in missing.output


def test_sql_cannot_write(tmp_path):
    db = warehouse_with_outlets(tmp_path)
    result = runner.invoke(app, ["sql", "--db", str(db), "DELETE FROM outlets"])
    assert result.exit_code == 1 and "read-only" in result.output.lower()


def test_backtest_prints_one_json_line_per_alert(tmp_path):
    start = datetime(2026, 1, 1, tzinfo=UTC)
    lines = ["timestamp,value"]
    burst_at = 24 * 12
    for i in range(24 * 14):
        daily = 20 + 10 * math.sin(2 * math.pi * i / 24)
        value = int(daily) + (i % 3) + (200 if i == burst_at else 0)
        lines.append(f"{(start + timedelta(hours=i)):%Y-%m-%d %H:%M:%S},{value}")
    series = tmp_path / "counts.csv"
    series.write_text("\n".join(lines) + "\n")
    result = runner.invoke(app, ["backtest", "--series", str(series)])
    assert result.exit_code == 0, result.output
    alerts = [json.loads(line) for line in result.output.splitlines()]
    assert len(alerts) == 1
    assert set(alerts[0]) == {"timestamp", "value", "expected", "score"}
    burst_hour = (start + timedelta(hours=burst_at)).strftime("%Y-%m-%dT%H")
    assert alerts[0]["timestamp"].startswith(burst_hour)


def test_backtest_bad_input_is_one_line(tmp_path):
    bad = tmp_path / "bad.csv"
    bad.write_text("timestamp,value\n2026-01-01 00:00:00,seven\n")
    result = runner.invoke(app, ["backtest", "--series", str(bad)])
    assert result.exit_code == 1 and "bad.csv" in result.output and "line 2" in result.output
    both = runner.invoke(app, ["backtest"])
    assert both.exit_code == 2 and "exactly one of" in both.output
