"""Ordinary mistakes at the `newswatch` command line: each is one line on stderr naming what
was wrong, and a non-zero exit, never a traceback."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from flows.cli import app
from warehouse.db import write

runner = CliRunner()


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "w.duckdb"
    with write(path):
        pass
    return path


def one_line(result, code: int = 1) -> str:
    """The single stderr line of a command that failed as it should."""
    assert result.exception is None or isinstance(result.exception, SystemExit), \
        result.exception
    assert result.exit_code == code, result.output
    assert result.stderr.count("\n") == 1, result.stderr
    return result.stderr


@pytest.mark.parametrize("query", ["", "   \n", ";", "-- nothing but a comment"])
def test_sql_with_no_statement(db: Path, query: str) -> None:
    result = runner.invoke(app, ["sql", "--db", str(db), "-"], input=query)
    assert one_line(result, code=2) == (
        "newswatch: no SQL to run: the query is empty (or only comments)\n")
    if not query.startswith("-"):  # as an argument, click takes it for an option
        argument = runner.invoke(app, ["sql", "--db", str(db), query])
        assert "no SQL to run" in one_line(argument, code=2)
