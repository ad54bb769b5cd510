"""After the quick-start demo, the commands find what it left: its database
(`data/demo.duckdb`) when the default warehouse does not exist, and the config it wrote
beside it (`data/demo-config`, or `saved/mine-config` for `--db saved/mine.duckdb`); a
quarantined row a retry cannot take says why.

Through the CLI, in a working folder laid out as the demo leaves it, on real DuckDB files.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from typer.testing import CliRunner

from flows.cli import app
from flows.demo import demo_config_dir, write_demo_config
from tasks.config import load_config
from tasks.quarantine import retry
from warehouse.db import DEMO_DB, write

runner = CliRunner()
OUTLET = "harbour-herald"  # a demo outlet: not in the bundled config
NOW = datetime.now(UTC).replace(microsecond=0)
SENTENCE = "On day {} officials in the port city said the ferry service would resume soon."


def page(slug: str) -> str:
    body = "".join(f"<p>{SENTENCE.format(i)}</p>" for i in range(8))
    return f"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>Ferry service to resume</title>
<link rel="canonical" href="https://herald.example/news/{slug}">
<meta property="article:published_time" content="{(NOW - timedelta(hours=2)).isoformat()}">
</head><body><article><h1>Ferry service to resume</h1>{body}</article></body></html>"""


@pytest.fixture
def demo_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A working folder after the demo: data/demo.duckdb with two quarantined rows of a
    demo outlet, data/demo-config, and no data/newswatch.duckdb."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("NEWSWATCH_CONFIG", raising=False)
    leave_demo(DEMO_DB)
    return tmp_path


def leave_demo(db: Path) -> None:
    """What `newswatch demo --db DB` leaves: DB with two quarantined rows of a demo
    outlet, and the demo's config where it writes it."""
    with write(db) as con:
        for slug in ("ferry-1", "ferry-2"):
            con.execute("""
                INSERT INTO quarantine (url, outlet, failed_expectations, record, raw_html,
                                        run_id, quarantined_at)
                VALUES (?, ?, ['expect_column_values_to_be_between(word_count)'], '{}', ?,
                        'demo', ?)""", [f"https://herald.example/news/{slug}", OUTLET,
                                         page(slug), NOW])
    write_demo_config(demo_config_dir(db), [{
        "name": OUTLET, "display_name": "Harbour Herald", "domain": "herald.example",
        "language": "en", "sources": [{"type": "feed", "url": "https://herald.example/rss"}]}])


def test_read_commands_find_the_demo_database_and_say_so(demo_folder: Path) -> None:
    listed = runner.invoke(app, ["quarantine", "list", "--json"])
    assert listed.exit_code == 0, listed.output
    assert {json.loads(line)["outlet"] for line in listed.stdout.splitlines()} == {OUTLET}
    assert "reading the demo's data/demo.duckdb" in listed.stderr

    report = runner.invoke(app, ["report", "--out", "report.html"])
    assert report.exit_code == 0, report.output
    assert report.stdout.strip() == "report.html" and (demo_folder / "report.html").is_file()
    assert "reading the demo's data/demo.duckdb" in report.stderr

    counted = runner.invoke(app, ["sql", "--json", "SELECT count(*) AS n FROM quarantine"])
    assert json.loads(counted.stdout) == {"n": 2}


def test_the_default_warehouse_comes_first_and_a_given_db_is_kept(demo_folder: Path) -> None:
    with write(Path("data/newswatch.duckdb")):
        pass
    listed = runner.invoke(app, ["quarantine", "list", "--json"])
    assert (listed.exit_code, listed.stdout, listed.stderr) == (0, "", "")
    missing = runner.invoke(app, ["quarantine", "list", "--db", "data/other.duckdb"])
    assert missing.exit_code == 1
    assert missing.stderr.startswith("newswatch: data/other.duckdb: no warehouse here yet")


def test_retry_on_the_demo_database_uses_the_demo_config(demo_folder: Path) -> None:
    result = runner.invoke(app, ["quarantine", "retry"])
    assert result.exit_code == 0, result.output
    *per_outlet, totals = [json.loads(line) for line in result.stdout.splitlines()]
    assert per_outlet == [{"outlet": OUTLET, "retried": 2, "released": 2, "kept": 0}]
    assert (totals["retried"], totals["skipped"]) == (2, 0)
    assert "using the demo's config data/demo-config" in result.stderr


def test_a_demo_saved_under_another_name_keeps_its_config(demo_folder: Path) -> None:
    mine, other = Path("saved/mine.duckdb"), Path("saved/other.duckdb")
    leave_demo(mine)
    leave_demo(other)
    write_demo_config(demo_config_dir(other), [])  # a second demo beside it, other outlets
    result = runner.invoke(app, ["quarantine", "retry", "--db", str(mine)])
    assert result.exit_code == 0, result.output
    *per_outlet, totals = [json.loads(line) for line in result.stdout.splitlines()]
    assert per_outlet == [{"outlet": OUTLET, "retried": 2, "released": 2, "kept": 0}]
    assert "using the demo's config saved/mine-config" in result.stderr
    counted = runner.invoke(app, ["sql", "--db", str(mine), "--json",
                                  "SELECT count(*) AS n FROM quarantine WHERE released_at IS NULL"])
    assert json.loads(counted.stdout) == {"n": 0}
    assert "saved/mine-config" in counted.stderr


def test_retry_feeds_its_progress_bar_per_outlet(demo_folder: Path) -> None:
    steps: list[tuple[int, int]] = []
    retry(DEMO_DB, load_config(demo_config_dir(DEMO_DB)),
          progress=lambda done, total: steps.append((done, total)))
    assert steps == [(0, 2), (2, 2)]


def test_a_skipped_row_says_why(demo_folder: Path) -> None:
    bundled = runner.invoke(app, ["quarantine", "retry", "--config", "data/elsewhere"])
    assert bundled.exit_code == 1 and "config folder does not exist" in bundled.stderr
    Path("data/elsewhere").mkdir()  # a config folder without the demo's outlets
    result = runner.invoke(app, ["quarantine", "retry", "--config", "data/elsewhere"])
    assert result.exit_code == 0, result.output
    *per_outlet, totals = [json.loads(line) for line in result.stdout.splitlines()]
    assert per_outlet == [{"outlet": OUTLET, "skipped": 2,
                           "reason": f"no outlet '{OUTLET}' in the config"}]
    assert (totals["retried"], totals["skipped"]) == (0, 2)
    hint = result.stderr.splitlines()[-1]
    assert hint.startswith("newswatch: 2 row(s) skipped")
    assert "data/elsewhere" in hint and "--config" in hint


def test_the_demo_help_says_it_deletes_its_database() -> None:
    result = runner.invoke(app, ["demo", "--help"], env={"COLUMNS": "200"})
    assert result.exit_code == 0
    assert "deletes its database file" in " ".join(result.stdout.split())


def test_a_config_that_names_a_ducklake_reads_the_lake_not_the_demo(demo_folder: Path) -> None:
    """With only the demo's file in data/, `--config` of a DuckLake warehouse is that lake:
    its rows, its name in the report, and no note about the demo's file."""
    from tasks.config import WarehouseSettings
    from tests.conftest import lake_settings
    from warehouse.db import DEFAULT_DB, configure

    lake = lake_settings(demo_folder / "lake")
    (demo_folder / "lakecfg").mkdir()
    (demo_folder / "lakecfg" / "settings.yaml").write_text(
        json.dumps({"warehouse": lake.model_dump(mode="json", exclude_none=True)}), "utf-8")
    configure(DEFAULT_DB, lake)
    try:
        leave_demo(DEFAULT_DB)  # two rows, in the lake
        leave_demo(DEFAULT_DB)
        for command in (["sql", "--json", "SELECT count(*) AS n FROM quarantine"],
                        ["report", "--out", "lake.html"], ["quarantine", "list", "--json"]):
            result = runner.invoke(app, [*command, "--config", "lakecfg"])
            assert result.exit_code == 0, result.output
            assert "demo" not in result.stderr, command
        assert json.loads(runner.invoke(app, ["sql", "--json", "--config", "lakecfg",
                                              "SELECT count(*) AS n FROM quarantine"]).stdout
                          ) == {"n": 4}
        assert "DuckLake sqlite:" in (demo_folder / "lake.html").read_text("utf-8")
    finally:
        configure(DEFAULT_DB, WarehouseSettings())
