"""A run's set-up and loader, on a real DuckDB file: the run's outlets in the warehouse,
an unknown outlet refused before anything is written, and one story index and matcher
across the run's loads."""

from __future__ import annotations

from datetime import UTC, datetime

import duckdb
import pytest

from tasks.config import load_config
from tasks.errors import ConfigError
from tasks.load import LoadBatch
from tasks.models import Article
from tasks.run import start_run

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
