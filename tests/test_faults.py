"""Crashes: the flow process killed (SIGKILL) inside a load transaction leaves no half-written
batch, and the re-run loses and duplicates nothing; a load written twice adds nothing."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest

from flows.demo import write_demo_config
from flows.ingest import ingest
from tasks.config import load_config
from tasks.discover import discover_outlet
from tasks.fetch import fetch_pages, fetcher_for
from tasks.ingest import extract_pages, validate_extracted
from tasks.load import LoadBatch, recent_stories, write_batch
from tasks.match import TopicMatcher
from tasks.run import prepare_load
from warehouse.db import read

ROOT = Path(__file__).resolve().parents[1]
OUTLETS = ["globe-herald", "der-tagesbote", "harbor-times"]
FACT_TABLES = ["articles", "article_topics", "quarantine", "url_state"]

# The ingest flow in a process of its own, whose Nth warehouse write stops inside its
# transaction (after the batch's statements, before COMMIT) and says so.
CRASHING_INGEST = """
import os, sys, time
from contextlib import contextmanager
from warehouse import db
from flows.ingest import ingest

config_dir, db_path, stop_at, outlets = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4:]
real_write, writes = db.write, []

@contextmanager
def write_then_hang(path):
    with real_write(path) as con:
        yield con
        writes.append(path)
        if len(writes) == stop_at:
            os.write(1, b"inside the transaction\\n")  # print() would go to Prefect's log
            time.sleep(120)

db.write = write_then_hang
ingest(config_dir=config_dir, db_path=db_path, outlets=outlets)
"""


def query(db_path: Path, sql: str) -> list[tuple]:
    with read(db_path) as con:
        return con.execute(sql).fetchall()


def table_counts(db_path: Path) -> dict[str, int]:
    return {t: query(db_path, f"SELECT count(*) FROM {t}")[0][0] for t in FACT_TABLES}


@pytest.mark.slow
def test_a_flow_killed_mid_load_is_made_whole_by_the_rerun(prefect_harness, newsroom, tmp_path):
    from prefect.settings import PREFECT_API_URL

    config_dir = write_demo_config(tmp_path / "config", newsroom.outlets_config())
    db_path = tmp_path / "w.duckdb"
    env = {**os.environ, "PREFECT_API_URL": PREFECT_API_URL.value()}
    # Write 1 registers the outlets, write 2 is the first outlet's batch, write 3 the second's.
    with subprocess.Popen([sys.executable, "-c", CRASHING_INGEST, str(config_dir),
                           str(db_path), "3", *OUTLETS],
                          cwd=ROOT, env=env, stdout=subprocess.PIPE, text=True) as child:
        line = child.stdout.readline()
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=30)
    assert line.strip() == "inside the transaction"
    assert child.returncode == -signal.SIGKILL

    truth: dict[str, set[str]] = {name: set() for name in OUTLETS}
    for article in newsroom.articles:
        if article["outlet"] in truth:
            truth[article["outlet"]].add(article["url"])
    stored = query(db_path, """
        SELECT outlet, url FROM articles UNION ALL SELECT outlet, url FROM quarantine""")
    after_crash = {name: {url for outlet, url in stored if outlet == name} for name in OUTLETS}
    # The first batch committed whole; the killed one left nothing, the third never ran.
    loaded = [name for name in OUTLETS if after_crash[name]]
    assert len(loaded) == 1
    assert after_crash[loaded[0]] == truth[loaded[0]]
    assert query(db_path, "SELECT DISTINCT outlet FROM url_state WHERE kind = 'article'"
                 ) == [(loaded[0],)]
    assert query(db_path, """
        SELECT count(*) FROM article_topics t
        WHERE NOT EXISTS (SELECT 1 FROM articles a WHERE a.url_hash = t.url_hash)""") == [(0,)]

    ingest(config_dir=str(config_dir), db_path=str(db_path), outlets=OUTLETS)
    stored = query(db_path, """
        SELECT outlet, url FROM articles UNION ALL SELECT outlet, url FROM quarantine""")
    assert len(stored) == len({url for _outlet, url in stored})  # nothing twice
    assert {name: {url for outlet, url in stored if outlet == name} for name in OUTLETS} == truth


def test_a_load_written_twice_adds_nothing(newsroom, tmp_path):
    """What a load retried after a commit would do. fetch_log and validation_runs are logs
    of attempts and would get the batch's rows again; the facts must not."""
    config_dir = write_demo_config(tmp_path / "config", newsroom.outlets_config())
    config = load_config(config_dir)
    outlet = config.outlets[0]
    fetcher = fetcher_for(config.settings.fetch)
    found = discover_outlet(outlet, fetcher, {})
    fetched = fetch_pages(found.candidates[:12], fetcher)
    extracted = extract_pages(fetched.pages, config, outlet.name)
    passed, quarantined, run = validate_extracted(extracted, config, outlet.name,
                                                  datetime.now(UTC))
    db_path = tmp_path / "w.duckdb"
    batch = LoadBatch(run_id="r1", outlet=outlet.name, records=fetched.records,
                      fetched=[p.url for p in fetched.pages], articles=passed,
                      fetched_at=extracted.fetched_at, quarantined=quarantined,
                      validation_runs=[run])
    batch = prepare_load(batch, TopicMatcher.compile(config.topics), recent_stories(db_path))
    write_batch(db_path, batch)
    first = table_counts(db_path)
    write_batch(db_path, batch)
    assert first["articles"] == len(passed) > 0
    assert first["article_topics"] > 0
    assert table_counts(db_path) == first
