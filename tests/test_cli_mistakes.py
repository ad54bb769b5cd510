"""Ordinary mistakes at the `newswatch` command line: each is one line on stderr naming what
was wrong, and a non-zero exit, never a traceback."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from flows.cli import app
from flows.demo import check_replaceable, write_demo_config
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


@pytest.mark.parametrize("argument", ["x.sql", "queries/top.SQL", "queries/top"])
def test_sql_names_a_missing_file(db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                  argument: str) -> None:
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, ["sql", "--db", str(db), argument])
    assert one_line(result) == f"newswatch: no such file: {argument}\n"


def test_sql_names_a_file_it_cannot_read(db: Path, tmp_path: Path) -> None:
    (tmp_path / "folder.sql").mkdir()
    folder = runner.invoke(app, ["sql", "--db", str(db), str(tmp_path / "folder.sql")])
    assert one_line(folder) == f"newswatch: {tmp_path}/folder.sql: is a folder, not a file of SQL\n"
    (tmp_path / "latin1.sql").write_bytes("SELECT 'café'".encode("latin-1"))
    latin1 = runner.invoke(app, ["sql", "--db", str(db), str(tmp_path / "latin1.sql")])
    assert one_line(latin1) == f"newswatch: {tmp_path}/latin1.sql: is not UTF-8 text\n"


def test_sql_runs_files_and_inline_sql(db: Path, tmp_path: Path) -> None:
    (tmp_path / "my query.sql").write_text("SELECT 41 + 1 AS answer")
    (tmp_path / "plain").write_text("SELECT 'plain' AS answer")
    for argument, answer in [(str(tmp_path / "my query.sql"), 42),
                             (str(tmp_path / "plain"), "plain"),
                             ("SELECT 'inline.sql' AS answer", "inline.sql"),
                             ("SELECT 6 * 7 AS answer", 42)]:
        result = runner.invoke(app, ["sql", "--db", str(db), "--json", argument])
        assert result.exit_code == 0, result.output
        assert json.loads(result.stdout) == {"answer": answer}


def test_report_into_a_folder_takes_the_default_name(db: Path, tmp_path: Path) -> None:
    folder = tmp_path / "reports"
    folder.mkdir()
    result = runner.invoke(app, ["report", "--db", str(db), "--out", str(folder)])
    assert result.exit_code == 0, result.output
    assert result.stdout == f"{folder}/report.html\n"
    assert "<html" in (folder / "report.html").read_text(encoding="utf-8")
    shown = runner.invoke(app, ["report", "--help"], env={"COLUMNS": "200"})
    assert "an existing folder gets report.html in it" in " ".join(shown.stdout.split())


def test_report_where_no_file_can_be(db: Path, tmp_path: Path) -> None:
    (tmp_path / "notes").write_text("a file, not a folder")
    out = tmp_path / "notes" / "report.html"
    result = runner.invoke(app, ["report", "--db", str(db), "--out", str(out)])
    assert one_line(result) == f"newswatch: {out}: {tmp_path}/notes is a file, not a folder\n"


# a config whose one outlet is a closed loopback port: no run of these reaches the internet
@pytest.mark.parametrize("command", [["run", "--config", "config"], ["demo"],
                                     ["backfill", "crawl.warc", "--config", "config"]])
def test_a_warehouse_where_none_can_be_is_refused_before_prefect_starts(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, command: list[str]) -> None:
    monkeypatch.chdir(tmp_path)
    write_demo_config(Path("config"), [{
        "name": "closed", "display_name": "Closed", "domain": "127.0.0.1", "language": "en",
        "sources": [{"type": "feed", "url": "http://127.0.0.1:9/rss"}]}])
    Path("crawl.warc").write_bytes(b"")
    Path("notes").write_text("a file, not a folder")
    Path("folder").mkdir()
    under_a_file = runner.invoke(app, [*command, "--db", "notes/w.duckdb"])
    assert one_line(under_a_file) == "newswatch: notes/w.duckdb: notes is a file, not a folder\n"
    a_folder = runner.invoke(app, [*command, "--db", "folder"])
    assert one_line(a_folder) == "newswatch: folder: is a folder, not a DuckDB file\n"


def test_sql_from_stdin_that_is_not_text(db: Path) -> None:
    result = runner.invoke(app, ["sql", "--db", str(db), "-"], input=b"SELECT '\xff\xfe'")
    assert one_line(result) == "newswatch: stdin: is not UTF-8 text\n"
    text = runner.invoke(app, ["sql", "--db", str(db), "--json", "-"],
                         input="SELECT 'café' AS word".encode())
    assert json.loads(text.stdout) == {"word": "café"}


def test_sql_allowing_files_in_a_folder_that_is_not_there(
        db: Path, tmp_path_factory: pytest.TempPathFactory) -> None:
    files = tmp_path_factory.mktemp("files")  # not the warehouse's folder: that is refused
    (files / "notes").write_text("a file, not a folder")
    for given in (files / "nowhere", files / "notes"):
        result = runner.invoke(app, ["sql", "--db", str(db), "--allow-files", str(given),
                                     f"COPY (SELECT 1) TO '{given}/one.csv'"])
        assert one_line(result, code=2) == f"newswatch: --allow-files {given}: no such folder\n"
    written = runner.invoke(app, ["sql", "--db", str(db), "--allow-files", str(files),
                                  f"COPY (SELECT 1 AS n) TO '{files}/one.csv'"])
    assert written.exit_code == 0, written.output
    assert (files / "one.csv").read_text().split() == ["n", "1"]


@pytest.mark.parametrize("given", ["", ".", "/"])
def test_a_warehouse_path_without_a_name(given: str) -> None:
    result = runner.invoke(app, ["sql", "--db", given, "SELECT 1"])
    assert one_line(result).startswith(f"newswatch: {Path(given)}: cannot open: ")


def test_the_demo_does_not_delete_a_warehouse_no_demo_wrote(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    real = Path("data/newswatch.duckdb")
    real.parent.mkdir()
    with write(real) as con:
        con.execute("INSERT INTO outlets (name, display_name, domain, updated_at) "
                    "VALUES ('x', 'X', 'x', now())")
    result = runner.invoke(app, ["demo", "--db", str(real)])
    assert one_line(result).startswith(
        "newswatch: data/newswatch.duckdb: no demo wrote this file (no "
        "data/newswatch-config/settings.yaml beside it)")
    with write(real) as con:
        assert con.execute("SELECT name FROM outlets").fetchall() == [("x",)]
    write_demo_config(Path("data/demo-config"), [])  # an earlier demo's file may go
    Path("data/demo.duckdb").write_bytes(real.read_bytes())
    check_replaceable(Path("data/demo.duckdb"))


def test_quarantine_list_of_an_outlet_nobody_has_is_refused(db: Path) -> None:
    result = runner.invoke(app, ["quarantine", "list", "--db", str(db), "--outlet", "bbc-wrold"])
    assert one_line(result).startswith("newswatch: no outlet named 'bbc-wrold'; known: bbc-world")
    known = runner.invoke(app, ["quarantine", "list", "--db", str(db), "--outlet", "bbc-world"])
    assert known.exit_code == 0 and known.stderr == "0 row(s)\n"


def test_extract_of_a_folder_with_no_page_says_so(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("not a page")
    result = runner.invoke(app, ["extract", str(tmp_path)])
    assert one_line(result) == f"newswatch: no .html or .html.gz file in {tmp_path}\n"
