"""A run's set-up and loader, on a real DuckDB file: the run's outlets in the warehouse,
an unknown outlet refused before anything is written, one story index and matcher
across the run's loads, and finished outlets' batches loaded together."""

from __future__ import annotations

import time
from datetime import UTC, datetime

import duckdb
import pytest

from tasks.config import load_config
from tasks.errors import ConfigError
from tasks.load import LoadBatch
from tasks.models import Article, Quarantined
from tasks.run import PendingLoads, start_run

BODY = " ".join(
    f"Iran launched drones at targets across the region on day {n}, officials said, "
    "and air defences intercepted most of them before they reached the coast." for n in range(8))


def rows(db_path, sql: str) -> list[tuple]:
    with duckdb.connect(str(db_path), read_only=True) as con:
        return con.execute(sql).fetchall()


def test_a_run_upserts_its_outlets_and_refuses_unknown_ones_before_writing(tmp_path):
    config = load_config(None)
    db_path = tmp_path / "w.duckdb"
    with pytest.raises(ConfigError, match="no-such-outlet"):
        start_run(config, db_path, ["no-such-outlet"])
    assert not db_path.exists()

    first, second = config.outlets[0].name, config.outlets[1].name
    run = start_run(config, db_path, [first], id_prefix="retry-")
    assert run.run_id.startswith("retry-") and [o.name for o in run.outlets] == [first]
    assert rows(db_path, "SELECT name FROM outlets") == [(first,)]
    other = start_run(config, db_path)
    assert other.run_id != run.run_id
    assert {name for (name,) in rows(db_path, "SELECT name FROM outlets")} >= {first, second}


def test_copies_loaded_by_one_run_share_a_story_and_their_topics(tmp_path):
    config = load_config(None)
    db_path = tmp_path / "w.duckdb"
    names = [o.name for o in config.outlets[:2]]
    run = start_run(config, db_path, names)
    for number, outlet in enumerate(names):
        article = Article(url=f"https://{outlet}.example/{number}", outlet=outlet,
                          title="Iran fires drones across the region", body=BODY,
                          published_at=datetime.now(UTC), language="en")
        run.load(LoadBatch(run_id=run.run_id, outlet=outlet, articles=[article]))
    stored = rows(db_path, "SELECT count(DISTINCT story_id), count(*), min(run_id) FROM articles")
    assert stored == [(1, 2, run.run_id)]
    topics = rows(db_path, "SELECT DISTINCT topic FROM article_topics ORDER BY topic")
    assert ("iran",) in topics and ("drones",) in topics


def test_finished_outlets_load_together_by_rows_or_by_waiting_time():
    def batch(outlet: str, articles: int = 0, quarantined: int = 0) -> LoadBatch:
        stub = Article(url=f"https://{outlet}.example/a", outlet=outlet)
        return LoadBatch(run_id="r", outlet=outlet, articles=[stub] * articles,
                         quarantined=[Quarantined(stub, ["x"], "")] * quarantined)

    pending = PendingLoads(at_least=3, max_wait=60)
    pending.add(batch("a", articles=2))
    assert not pending.due()
    pending.add(batch("b", quarantined=1))  # quarantine rows are written too
    assert pending.due()
    assert [b.outlet for b in pending.take()] == ["a", "b"]
    assert not pending.due()

    slow = PendingLoads(at_least=1000, max_wait=0.05)
    slow.add(batch("c", articles=1))
    assert not slow.due()
    time.sleep(0.06)
    assert slow.due()  # a quiet run's articles still reach readers
