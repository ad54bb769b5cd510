"""Quarantine instead of loss: a bad batch splits into loaded and quarantined rows with
reasons, and a retry after a settings change releases the rows that now pass.

Driven through the ingest functions on a temporary DuckDB file (the CLI also on a
DuckLake); the first validation pays the one-off Great Expectations import.
"""

from __future__ import annotations

import json
import re
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

import tasks.extract
from flows.cli import app
from tasks.config import Config, WarehouseSettings, load_config
from tasks.ingest import extract_pages, validate_extracted
from tasks.load import LoadBatch, recent_stories, write_batch
from tasks.match import TopicMatcher
from tasks.models import Candidate, Page
from tasks.quarantine import counts, list_rows, retry
from tasks.run import prepare_load
from tests.small_warehouse import alert_now, build
from tests.test_backfill import ARCHIVED, BBC, undated_page, write_warc
from warehouse import db
from warehouse.db import read

OUTLET = "bbc-world"
BASE = "https://www.bbc.co.uk/news/"
NOW = datetime.now(UTC).replace(microsecond=0)
SENTENCE = "On day {} officials in the port city said the ferry service would resume soon."
WORD_CHECK = "expect_column_values_to_be_between(word_count)"
TITLE_CHECK = "expect_column_value_lengths_to_be_between(title)"


def html(slug: str, title: str, sentences: int) -> str:
    body = "".join(f"<p>{SENTENCE.format(i)}</p>" for i in range(sentences))
    return f"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>{title}</title><link rel="canonical" href="{BASE}{slug}">
<meta property="og:title" content="{title}">
<meta property="article:published_time" content="{(NOW - timedelta(hours=2)).isoformat()}">
</head><body><article><h1>{title}</h1>{body}</article></body></html>"""


PAGES = {
    "good-1": html("good-1", "Ferry service to resume next week", 6),
    "good-2": html("good-2", "Harbour repairs finished early", 6),
    "short": html("short", "Iran ferry returns: a brief update", 2),  # 30 words < 40
    "bad-title": html("bad-title", "Hi", 2),  # short title and short body
    "not-html": "%PDF-1.7 binary garbage",
}


def ingest_batch(db_path, config: Config, pages: list[Page] | None = None) -> None:
    """What the ingest flow does to one outlet's fetched pages, without Prefect."""
    pages = pages or [Page(url=BASE + slug, outlet=OUTLET, html=text, charset="utf-8",
                           fetched_at=NOW) for slug, text in PAGES.items()]
    extracted = extract_pages(pages, config, OUTLET)
    passed, quarantined, run = validate_extracted(extracted, config, OUTLET, NOW)
    batch = LoadBatch(run_id="run-1", outlet=OUTLET, articles=passed,
                      fetched_at=extracted.fetched_at, quarantined=quarantined,
                      validation_runs=[run])
    matcher = TopicMatcher.compile(config.topics)
    write_batch(db_path, prepare_load(batch, matcher, recent_stories(db_path)))


def with_min_words(config: Config, words: int) -> Config:
    return config.model_copy(
        update={"settings": config.settings.model_copy(update={"min_words": words})})


@pytest.fixture
def warehouse(tmp_path):
    db_path = tmp_path / "w.duckdb"
    ingest_batch(db_path, load_config())
    return db_path


def reasons(db_path) -> dict[str, list[str]]:
    return {r.url.removeprefix(BASE): r.failed_expectations for r in list_rows(db_path)}


def test_a_bad_batch_is_split_with_reasons_and_nothing_lost(warehouse):
    with read(warehouse) as con:
        loaded = {r[0].removeprefix(BASE) for r in con.execute("SELECT url FROM articles")
                  .fetchall()}
        raw = dict(con.execute("SELECT url, raw_html FROM quarantine").fetchall())
        run = con.execute("SELECT rows, passed, failed FROM validation_runs").fetchone()
    assert loaded == {"good-1", "good-2"}
    found = reasons(warehouse)
    assert set(found) | loaded == set(PAGES)
    assert found["short"] == [WORD_CHECK]
    assert found["bad-title"] == [TITLE_CHECK, WORD_CHECK]
    assert found["not-html"][0].startswith("extract_article: ")
    assert raw[BASE + "short"] == PAGES["short"]  # the page, kept for a re-extract
    assert run == (4, 2, 2)  # the page that was not HTML never reached the suite


def batch_of(*slugs_and_pages: tuple[str, str]) -> list[Page]:
    return [Page(url=BASE + slug, outlet=OUTLET, html=text, charset="utf-8", fetched_at=NOW)
            for slug, text in slugs_and_pages]


def loaded_and_quarantined(db_path) -> tuple[set[str], dict[str, str]]:
    with read(db_path) as con:
        loaded = {r[0].removeprefix(BASE) for r in con.execute("SELECT url FROM articles")
                  .fetchall()}
        raw = dict(con.execute("SELECT url, raw_html FROM quarantine").fetchall())
    return loaded, raw


def test_a_page_the_extractor_trips_over_is_quarantined_and_the_batch_goes_on(
        tmp_path, monkeypatch):
    # an extractor bug on one odd page (an exception that is not an ExtractError), raised
    # from inside the extraction of that page alone
    odd = html("odd", "Ferry timetable published", 6)
    real_read_page_meta = tasks.extract.read_page_meta

    def read_page_meta(tree):
        if tree.xpath("//link[@rel='canonical'][contains(@href, '/odd')]"):
            raise KeyError("@graph")
        return real_read_page_meta(tree)

    monkeypatch.setattr(tasks.extract, "read_page_meta", read_page_meta)
    db_path = tmp_path / "w.duckdb"
    ingest_batch(db_path, load_config(), batch_of(
        ("good-1", PAGES["good-1"]), ("odd", odd), ("good-2", PAGES["good-2"])))
    loaded, raw = loaded_and_quarantined(db_path)
    assert loaded == {"good-1", "good-2"}
    assert reasons(db_path)["odd"] == ["extract_article: KeyError: '@graph'"]
    assert raw[BASE + "odd"] == odd


def test_a_page_with_json_ld_nested_too_deep_is_read_from_its_other_signals(tmp_path):
    # nested past Python's recursion limit: the block is ignored, not the page
    nested = html("nested", "Ferry timetable published", 6).replace(
        "</head>", '<script type="application/ld+json">' + "[" * 5000 + "]" * 5000
        + "</script></head>")
    db_path = tmp_path / "w.duckdb"
    ingest_batch(db_path, load_config(), batch_of(
        ("good-1", PAGES["good-1"]), ("nested", nested), ("good-2", PAGES["good-2"])))
    loaded, raw = loaded_and_quarantined(db_path)
    assert loaded == {"good-1", "nested", "good-2"} and not raw
    with read(db_path) as con:
        title, body = con.execute("SELECT title, body FROM articles WHERE url = ?",
                                  [BASE + "nested"]).fetchone()
    assert title == "Ferry timetable published"
    assert body.startswith(SENTENCE.format(0))


def test_retry_after_a_settings_change_releases_what_now_passes(warehouse):
    before = counts(warehouse)
    result = retry(warehouse, with_min_words(load_config(), 10))

    assert (result.retried, result.released, result.kept) == (3, 1, 2)
    after = counts(warehouse)
    assert after["open"] + after["released"] == before["open"] + before["released"]
    assert after["released"] - before["released"] == result.released
    assert after["articles"] - before["articles"] == result.released
    found = reasons(warehouse)
    assert set(found) == {"bad-title", "not-html"}
    assert found["bad-title"] == [TITLE_CHECK]  # the failure names are the new ones
    with read(warehouse) as con:
        article = con.execute(
            "SELECT run_id, story_id IS NOT NULL, word_count FROM articles WHERE url = ?",
            [BASE + "short"]).fetchone()
        topics = con.execute("SELECT topic FROM article_topics JOIN articles USING (url_hash) "
                             "WHERE url = ?", [BASE + "short"]).fetchall()
        runs = con.execute("SELECT run_id, rows, passed FROM validation_runs "
                           "ORDER BY validated_at, id").fetchall()
        released = con.execute("SELECT released_at FROM quarantine WHERE url = ?",
                               [BASE + "short"]).fetchone()[0]
    assert article == (result.run_id, True, 30)
    assert topics == [("iran",)]  # matched like any load
    assert runs[-1] == (result.run_id, 2, 1)
    assert released is not None
    assert [r.url for r in list_rows(warehouse, include_released=True)
            if r.released_at] == [BASE + "short"]

    again = retry(warehouse, with_min_words(load_config(), 10))
    assert (again.retried, again.released, again.kept) == (2, 0, 2)
    assert counts(warehouse) == after | {"open": 2}


def test_a_released_row_keeps_the_day_its_sitemap_gave(tmp_path):
    db_path = tmp_path / "w.duckdb"
    undated = re.sub(r"<meta property=\"article:published_time\"[^>]*>", "", PAGES["short"])
    day = Candidate(url=BASE + "short", outlet=OUTLET, source=BASE + "sitemap.xml",
                    published_at=datetime(2026, 3, 18, tzinfo=UTC), published_date_only=True)
    ingest_batch(db_path, load_config(), [Page(url=day.url, outlet=OUTLET, html=undated,
                                               charset="utf-8", fetched_at=NOW, candidate=day)])
    assert retry(db_path, with_min_words(load_config(), 10)).released == 1
    with read(db_path) as con:
        assert con.execute("SELECT published_at, published_date_only FROM articles").fetchall() \
            == [(datetime(2026, 3, 18, 12, tzinfo=UTC), True)]


def test_retry_without_changes_keeps_everything(warehouse):
    before = counts(warehouse)
    result = retry(warehouse, load_config(), outlet=OUTLET)
    assert (result.retried, result.released, result.kept) == (3, 0, 3)
    assert counts(warehouse) == before


def test_retry_of_an_outlet_the_config_does_not_name_is_refused_as_backfill_refuses_it(
        warehouse, tmp_path):
    before = counts(warehouse)
    runner = CliRunner()
    retried = runner.invoke(app, ["quarantine", "retry", "--db", str(warehouse),
                                  "--outlet", "nope"])
    archive = tmp_path / "a.warc"
    archive.write_bytes(b"")
    backfilled = runner.invoke(app, ["backfill", str(archive), "--db", str(warehouse),
                                     "--outlet", "nope"])
    assert (retried.exit_code, retried.stdout) == (1, "")
    assert retried.stderr.startswith("newswatch: no outlet named 'nope'; known: bbc-world, ")
    assert retried.stderr.count("\n") == 1
    assert retried.stderr == backfilled.stderr
    assert counts(warehouse) == before


@pytest.fixture
def configured(any_backend, tmp_path):
    """A warehouse on either backend after the bad batch, and a config folder naming it:
    the CLI finds a DuckLake through --config."""
    path, settings = any_backend
    config_dir = tmp_path / "config"
    config_dir.mkdir()
    backend = {"warehouse": settings.model_dump()}
    (config_dir / "settings.yaml").write_text(yaml.safe_dump(backend))
    ingest_batch(path, load_config(config_dir))
    db.configure(path, WarehouseSettings())  # forgotten: the CLI must find the lake itself
    return path, config_dir, backend


def test_cli_lists_and_retries(configured):
    warehouse, config_dir, backend = configured
    runner = CliRunner()

    def listed(*options: str) -> list[dict]:
        result = runner.invoke(app, ["quarantine", "list", "--db", str(warehouse),
                                     "--config", str(config_dir), "--json", *options])
        assert result.exit_code == 0, result.output
        return [json.loads(line) for line in result.stdout.splitlines()]

    rows = listed()
    assert {r["url"].removeprefix(BASE) for r in rows} == {"short", "bad-title", "not-html"}
    assert all(r["outlet"] == OUTLET and r["failed_expectations"] for r in rows)
    assert len({r["id"] for r in rows}) == 3 and all(isinstance(r["id"], int) for r in rows)

    table = runner.invoke(app, ["quarantine", "list", "--db", str(warehouse), "--config",
                                str(config_dir)], env={"COLUMNS": "250"})
    assert table.exit_code == 0
    assert BASE + "bad-title" in table.stdout and TITLE_CHECK in table.stdout

    (config_dir / "settings.yaml").write_text(yaml.safe_dump({**backend, "min_words": 10}))
    db.configure(warehouse, WarehouseSettings())  # each command finds the lake on its own
    retried = runner.invoke(app, ["quarantine", "retry", "--db", str(warehouse),
                                  "--config", str(config_dir)])
    assert retried.exit_code == 0, retried.output
    summary = json.loads(retried.stdout.splitlines()[-1])
    assert (summary["retried"], summary["released"], summary["kept"]) == (3, 1, 2)

    still_open = listed()
    assert {r["url"].removeprefix(BASE) for r in still_open} == {"bad-title", "not-html"}
    assert {r["id"] for r in still_open} < {r["id"] for r in rows}
    assert len(listed("--all", "--outlet", OUTLET)) == 3
    typo = runner.invoke(app, ["quarantine", "list", "--db", str(warehouse), "--config",
                               str(config_dir), "--outlet", "nowhere"])
    assert typo.exit_code == 1 and "no outlet named 'nowhere'" in typo.stderr

    report = runner.invoke(app, ["report", "--db", str(warehouse), "--config", str(config_dir),
                                 "--out", str(warehouse.parent / "report.html")])
    assert report.exit_code == 0, report.output
    assert TITLE_CHECK in Path(report.stdout.strip()).read_text()  # the open rows' reason


def test_released_undated_rows_of_a_backfill_count_when_archived_not_at_the_release(
        prefect_harness, tmp_path):
    """Undated 2019 pages a backfill quarantined (too short) and a retry releases count on
    their WARC-Date, kept with the rows: the alerts run after the release raises nothing."""
    db_path = tmp_path / "w.duckdb"
    build(db_path, datetime.now(UTC) - timedelta(hours=1))  # ten days of history
    archive = tmp_path / "old.warc"
    write_warc(archive, [(f"{BBC}{n}", undated_page(n, sentences=2), ARCHIVED)
                         for n in range(40)])
    runner = CliRunner()
    loaded = runner.invoke(app, ["backfill", str(archive), "--db", str(db_path)])
    assert loaded.exit_code == 0, loaded.output
    assert json.loads(loaded.stdout.splitlines()[-1])["quarantined"] == 40
    config_dir = tmp_path / "config"
    config_dir.mkdir()
    (config_dir / "settings.yaml").write_text("min_words: 10\n")
    retried = runner.invoke(app, ["quarantine", "retry", "--db", str(db_path),
                                  "--config", str(config_dir), "--outlet", "bbc-world"])
    assert retried.exit_code == 0, retried.output
    assert json.loads(retried.stdout.splitlines()[-1])["released"] == 40
    archived = datetime(2019, 5, 1, 12, tzinfo=UTC)
    with read(db_path) as con:
        assert con.execute("SELECT DISTINCT fetched_at FROM quarantine WHERE outlet = "
                           "'bbc-world'").fetchall() == [(archived,)]
        assert con.execute("SELECT DISTINCT counts_at, fetched_at FROM articles "
                           "WHERE outlet = 'bbc-world'").fetchall() == [(archived, archived)]
    alert_now(db_path, datetime.now(UTC))
    with read(db_path) as con:
        assert con.execute("SELECT count(*) FROM alerts WHERE topic = 'ukraine'"
                           ).fetchone()[0] == 0
