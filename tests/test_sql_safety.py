"""`newswatch sql` is read-only for real: the attacks a careless or curious analyst tries
against a real warehouse file fail with one line, and the warehouse still opens after."""

from __future__ import annotations

import duckdb
import pytest
from typer.testing import CliRunner

from flows.cli import app
from warehouse.db import write

runner = CliRunner()


@pytest.fixture
def warehouse(tmp_path):
    path = tmp_path / "data" / "newswatch.duckdb"
    with write(path) as con:
        con.execute("INSERT INTO outlets VALUES ('herald', 'Herald', 'herald.example', 'en', "
                    "'GB', now())")
        con.execute("INSERT INTO articles (url_hash, url, outlet, loaded_at) "
                    "VALUES ('a', 'https://herald.example/1', 'herald', now())")
    return path


def sql(db, query, *options):
    return runner.invoke(app, ["sql", "--db", str(db), *options, query])


def refused(result) -> bool:
    return result.exit_code == 1 and result.output.count("\n") == 1


def still_whole(db) -> None:
    con = duckdb.connect(str(db), read_only=True)
    assert con.execute("SELECT count(*) FROM articles").fetchone() == (1,)
    assert con.execute("SELECT count(*) FROM outlets").fetchone() == (1,)
    con.close()


def test_copy_to_the_warehouse_itself_cannot_destroy_it(warehouse):
    assert refused(sql(warehouse, f"COPY (SELECT 'x' AS x) TO '{warehouse}' (FORMAT csv)"))
    assert warehouse.stat().st_size > 14
    still_whole(warehouse)


def test_nothing_is_written_anywhere(warehouse, tmp_path):
    elsewhere = tmp_path / "out"
    for query in [f"COPY (SELECT 1 AS x) TO '{elsewhere}.csv'",
                  f"COPY outlets TO '{elsewhere}.parquet' (FORMAT parquet)",
                  f"EXPORT DATABASE '{elsewhere}'",
                  "DELETE FROM articles", "DROP TABLE outlets", "CREATE TABLE t (x INT)",
                  "UPDATE outlets SET name = 'x'"]:
        assert refused(sql(warehouse, query)), query
    assert not any(tmp_path.glob("out*"))
    still_whole(warehouse)


def test_other_databases_cannot_be_attached_or_changed(warehouse, tmp_path):
    other = tmp_path / "other.duckdb"
    con = duckdb.connect(str(other))
    con.execute("CREATE TABLE precious AS SELECT 42 AS answer")
    con.close()
    for query in [f"ATTACH '{other}' AS o (READ_WRITE); DROP TABLE o.precious",
                  f"ATTACH '{other}' AS o (READ_ONLY)",
                  f"ATTACH '{tmp_path / 'new.duckdb'}' AS n"]:
        assert refused(sql(warehouse, query)), query
    con = duckdb.connect(str(other), read_only=True)
    assert con.execute("SELECT answer FROM precious").fetchone() == (42,)
    con.close()
    assert not (tmp_path / "new.duckdb").exists()


def test_no_files_read_and_no_extensions_installed_or_loaded(warehouse):
    for query in ["SELECT * FROM read_csv('/etc/passwd')",
                  "SELECT * FROM read_text('/etc/hostname')", "SELECT * FROM glob('/etc/*')",
                  "INSTALL httpfs", "LOAD httpfs",
                  "SELECT * FROM 'https://example.com/x.parquet'", "CREATE SECRET (TYPE s3)"]:
        result = sql(warehouse, query)
        assert refused(result), query
        assert "root:" not in result.output


def test_the_lock_cannot_be_undone_from_inside(warehouse):
    for query in ["SET enable_external_access = true", "RESET enable_external_access",
                  "SET lock_configuration = false",
                  "SET allowed_directories = ['/']; SELECT * FROM read_csv('/etc/passwd')"]:
        assert refused(sql(warehouse, query)), query


def test_allow_files_opens_one_folder_but_never_the_warehouses(warehouse, tmp_path):
    exports = tmp_path / "exports"
    exports.mkdir()
    (exports / "watch.csv").write_text("outlet\nherald\n", encoding="utf-8")
    joined = sql(warehouse, f"SELECT o.name FROM outlets o JOIN read_csv('{exports}/watch.csv') "
                 "w ON w.outlet = o.name", "--json", "--allow-files", str(exports))
    assert joined.exit_code == 0 and "herald" in joined.output
    out = sql(warehouse, f"COPY outlets TO '{exports}/outlets.csv'", "--allow-files", str(exports))
    assert out.exit_code == 0 and (exports / "outlets.csv").exists()
    assert refused(sql(warehouse, "SELECT * FROM read_csv('/etc/passwd')",
                       "--allow-files", str(exports)))
    own = sql(warehouse, f"COPY (SELECT 'x') TO '{warehouse}' (FORMAT csv)",
              "--allow-files", str(warehouse.parent))
    assert refused(own) and "holds the warehouse" in own.output
    (warehouse.parent / "sub").mkdir()
    inside = sql(warehouse, "SELECT 1", "--allow-files", str(warehouse.parent / "sub"))
    assert refused(inside) and "holds the warehouse" in inside.output
    still_whole(warehouse)


def test_ordinary_queries_still_work(warehouse):
    result = sql(warehouse, "SELECT count(*) AS n FROM articles", "--json")
    assert result.exit_code == 0 and result.output.strip() == '{"n": 1}'
