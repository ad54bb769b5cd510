"""`newswatch sql` as a user calls it: a table or JSON lines, one-line errors, no writes."""

from __future__ import annotations

import json
from datetime import datetime

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


def test_feed_text_in_a_table_is_printed_as_written(tmp_path):
    """A headline is a stranger's text: rich markup in it is neither obeyed nor an error."""
    db = warehouse_with_outlets(tmp_path)
    title = "Drone strike [red]hits[/red] Gulf port [/x] [link=http://evil.example]click[/link]"
    with write(db) as con:
        con.execute("INSERT INTO articles (url_hash, url, outlet, title, counts_at, loaded_at) "
                    "VALUES ('h', 'https://herald.example/1', 'herald', ?, now(), now())", [title])
    query = 'SELECT title AS "[bold]t" FROM articles'
    result = runner.invoke(app, ["sql", "--db", str(db), query], env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    assert title in result.output and "[bold]t" in result.output
