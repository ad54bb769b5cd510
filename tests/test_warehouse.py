"""Migrations apply to a fresh file, are recorded, and re-apply as a no-op."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import duckdb

from tasks.alerting import count_stories, floor_time
from tasks.load import write_batch
from tests.small_warehouse import article, batch
from warehouse.db import connect, migrate, read, write

TABLES = {"outlets", "fetch_log", "url_state", "articles", "article_topics", "quarantine",
          "validation_runs", "spike_decisions", "alerts", "schema_migrations"}
VIEWS = {"topic_volume_hourly", "latest_articles_per_topic", "outlet_health"}
MIGRATIONS = Path(__file__).parents[1] / "warehouse" / "migrations"


def test_migrations_apply_once_and_record_themselves(tmp_path):
    path = tmp_path / "w.duckdb"
    con = connect(path)
    applied = migrate(con)
    assert applied and applied[0] == "0001_init.sql"
    assert migrate(con) == []
    names = {r[0] for r in con.execute(
        "SELECT table_name FROM information_schema.tables").fetchall()}
    assert names >= TABLES | VIEWS
    recorded = [r[0] for r in con.execute("SELECT name FROM schema_migrations").fetchall()]
    assert recorded == applied
    con.close()


def test_a_warehouse_from_before_counts_at_counts_its_articles_as_it_did(tmp_path):
    con = connect(tmp_path / "w.duckdb")
    con.execute("CREATE TABLE schema_migrations (name VARCHAR PRIMARY KEY, "
                "applied_at TIMESTAMPTZ NOT NULL)")
    for path in sorted(MIGRATIONS.glob("*.sql")):
        if path.name < "0009":
            con.execute(path.read_text(encoding="utf-8"))
            con.execute("INSERT INTO schema_migrations VALUES (?, now())", [path.name])
    published, loaded = datetime(2026, 1, 1, 10, tzinfo=UTC), datetime(2026, 1, 2, tzinfo=UTC)
    con.execute("INSERT INTO articles (url_hash, url, outlet, published_at, loaded_at) VALUES "
                "('a', 'https://x/1', 'x', ?, ?), ('b', 'https://x/2', 'x', NULL, ?)",
                [published, loaded, loaded])
    assert migrate(con)[0] == "0009_counts_at.sql"
    assert con.execute("SELECT counts_at, published_date_only FROM articles ORDER BY url_hash"
                       ).fetchall() == [(published, False), (loaded, False)]
    con.close()


def test_articles_are_unique_on_canonical_url(tmp_path):
    path = tmp_path / "w.duckdb"
    with write(path) as con:
        con.execute("INSERT INTO articles (url_hash, url, outlet, loaded_at) "
                    "VALUES ('a', 'https://x/1', 'x', now())")
    with write(path) as con:
        try:
            con.execute("INSERT INTO articles (url_hash, url, outlet, loaded_at) "
                        "VALUES ('b', 'https://x/1', 'x', now())")
        except duckdb.ConstraintException:
            pass
        else:
            raise AssertionError("a second row with the same URL was accepted")


def test_failed_write_leaves_nothing_behind(tmp_path):
    path = tmp_path / "w.duckdb"
    try:
        with write(path) as con:
            con.execute("INSERT INTO outlets VALUES ('x', 'X', 'x.example', 'en', NULL, now())")
            raise RuntimeError("crash mid-batch")
    except RuntimeError:
        pass
    with write(path) as con:
        assert con.execute("SELECT count(*) FROM outlets").fetchone()[0] == 0


def test_latest_articles_are_each_topics_newest_twenty_however_old(tmp_path):
    """A busy topic's newest 20 are this week's; a topic quiet for a month still shows
    its newest, and a topic's articles never show under another topic."""
    path = tmp_path / "w.duckdb"
    with write(path) as con:
        con.execute("""
            INSERT INTO articles (url_hash, url, outlet, title, published_at, counts_at,
                                  loaded_at)
            SELECT 'h' || i, 'https://x/' || i, 'x', 'busy ' || i,
                   now() - to_hours(i), now() - to_hours(i), now() FROM range(50) r(i)
            UNION ALL
            SELECT 'q' || i, 'https://x/q' || i, 'x', 'quiet ' || i, now() - to_days(30 + i),
                   now() - to_days(30 + i), now() - to_days(30 + i) FROM range(30) r(i)
        """)
        con.execute("""
            INSERT INTO article_topics
            SELECT url_hash, CASE WHEN url_hash LIKE 'h%' THEN 'busy' ELSE 'quiet' END,
                   1, 1, 4.0 FROM articles
        """)
        rows = con.execute("SELECT topic, title FROM latest_articles_per_topic "
                           "ORDER BY topic, published_at DESC").fetchall()
    assert rows == ([("busy", f"busy {i}") for i in range(20)]
                    + [("quiet", f"quiet {i}") for i in range(20)])


def test_a_story_dated_by_its_day_only_counts_when_it_was_loaded(tmp_path):
    """At a stand-in hour of its day, today's story could land in an hour the alerts flow
    had scored already and never reach an alert; one found days later stays on its day."""
    path = tmp_path / "w.duckdb"
    now = datetime.now(UTC)
    noon = now.replace(hour=12, minute=0, second=0, microsecond=0)  # a day alone, stored
    timed, today, days_ago = (
        article("herald", n, moment, "iran") for n, moment in
        ((1, now - timedelta(hours=5)), (2, noon), (3, noon - timedelta(days=5)))
    )
    today.published_date_only = days_ago.published_date_only = True
    write_batch(path, batch("herald", "r1", [(timed, "iran", "s1"), (today, "iran", "s2"),
                                             (days_ago, "iran", "s3")], now))
    with read(path) as con:
        (loaded,) = con.execute("SELECT loaded_at FROM articles WHERE url = ?",
                                [today.url]).fetchone()
        assert con.execute("SELECT counts_at FROM articles ORDER BY url").fetchall() == [
            (timed.published_at,), (loaded,), (days_ago.published_at,)]
    counts = count_stories(path, ["iran"], timedelta(hours=1), now - timedelta(days=6), loaded)
    counted = {counts.grid[i].to_pydatetime(): n for i, n in enumerate(counts.topics["iran"]) if n}
    hour = timedelta(hours=1)
    assert counted == {floor_time(loaded, hour): 1, floor_time(timed.published_at, hour): 1,
                       days_ago.published_at: 1}


def test_a_page_fetched_before_the_run_counts_when_it_was_fetched(tmp_path):
    """An archived or quarantined page without a time counts at its fetch, as it would
    have at its load then: the undated one there, the one dated by that day there too."""
    path = tmp_path / "w.duckdb"
    now = datetime.now(UTC)
    fetched = datetime(2019, 5, 1, 15, tzinfo=UTC)
    undated, that_day, timed = (article("herald", n, moment, "iran") for n, moment in
                                ((1, None), (2, fetched.replace(hour=12)), (3, fetched)))
    that_day.published_date_only = True
    load = batch("herald", "r1", [(a, "iran", f"s{a.url}") for a in (undated, that_day, timed)],
                 now)
    load.fetched_at = {a.url_hash: fetched for a in (undated, that_day, timed)}
    load.fetched_now = False
    write_batch(path, load)
    with read(path) as con:
        assert con.execute("SELECT counts_at FROM articles ORDER BY url").fetchall() == [
            (fetched,)] * 3


def test_syndicated_stories_rank_by_outlets_and_skip_one_outlets_repeats(tmp_path):
    """The example query an analyst runs: a story three outlets carried ranks above one
    that two outlets carried more often, and one outlet's reposts are not syndication."""
    path = tmp_path / "w.duckdb"
    copies = {"wide": ["a", "b", "c"], "loud": ["a", "a", "a", "b"], "repost": ["c", "c"]}
    with write(path) as con:
        for story, outlets in copies.items():
            for i, outlet in enumerate(outlets):
                con.execute("INSERT INTO articles (url_hash, url, outlet, title, published_at, "
                            "counts_at, loaded_at, story_id) VALUES (?, ?, ?, ?, now(), now(), "
                            "now(), ?)", [f"{story}{i}", f"https://{outlet}/{story}{i}", outlet,
                                          f"{story} headline", story])
        query = (MIGRATIONS.parent / "queries" / "syndicated_stories.sql").read_text()
        rows = con.execute(query).fetchall()
    assert [(row[0], row[1], row[2]) for row in rows] == [("wide headline", 3, 3),
                                                          ("loud headline", 4, 2)]
