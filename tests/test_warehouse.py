"""Migrations apply to a fresh file, are recorded, and re-apply as a no-op."""

from __future__ import annotations

import duckdb

from warehouse.db import connect, migrate, write

TABLES = {"outlets", "fetch_log", "url_state", "articles", "article_topics", "quarantine",
          "validation_runs", "spike_decisions", "alerts", "schema_migrations"}
VIEWS = {"topic_volume_hourly", "latest_articles_per_topic", "outlet_health"}


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
            INSERT INTO articles (url_hash, url, outlet, title, published_at, loaded_at)
            SELECT 'h' || i, 'https://x/' || i, 'x', 'busy ' || i,
                   now() - to_hours(i), now() FROM range(50) r(i)
            UNION ALL
            SELECT 'q' || i, 'https://x/q' || i, 'x', 'quiet ' || i,
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
