"""End to end: both flows under Prefect's test harness against the local newsroom, into a
temporary DuckDB file and into a DuckLake (SQLite catalog). What a user of the demo would
check by hand."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
import yaml

from flows.alerts import alerts
from flows.demo import write_demo_config
from flows.ingest import ingest
from tests.conftest import lake_settings
from warehouse.db import read

pytestmark = pytest.mark.slow  # both flows, twice, on each backend
BURST_TOPICS = {"iran", "drones"}


@pytest.fixture(scope="module", params=["file", "ducklake"])
def run(request, prefect_harness, newsroom, tmp_path_factory):
    folder = tmp_path_factory.mktemp(f"pipeline-{request.param}")
    config_dir = write_demo_config(folder / "config", newsroom.outlets_config())
    if request.param == "ducklake":  # the flows attach it from the settings
        settings_file = config_dir / "settings.yaml"
        data = yaml.safe_load(settings_file.read_text("utf-8"))
        data["warehouse"] = lake_settings(folder).model_dump()
        settings_file.write_text(yaml.safe_dump(data), "utf-8")
    db_path = folder / "newswatch.duckdb"
    now = datetime.now(UTC)
    first = ingest(config_dir=str(config_dir), db_path=str(db_path))
    first_alerts = alerts(config_dir=str(config_dir), db_path=str(db_path), now=now)
    return {"config_dir": config_dir, "db": db_path, "now": now, "ingest": first,
            "alerts": first_alerts}


def query(db_path, sql, *params):
    with read(db_path) as con:
        return con.execute(sql, list(params)).fetchall()


def test_every_article_is_loaded_or_quarantined(run, newsroom):
    expected = {a["url"] for a in newsroom.articles}
    loaded = {r[0] for r in query(run["db"], "SELECT url FROM articles")}
    quarantined = {r[0] for r in query(run["db"], "SELECT url FROM quarantine")}
    assert loaded | quarantined == expected
    assert not loaded & quarantined
    assert query(run["db"], "SELECT count(*) FILTER (WHERE id IS NULL), count(DISTINCT id) "
                 "FROM quarantine") == [(0, len(quarantined))]  # `quarantine retry` needs them
    per_outlet = dict(query(run["db"], "SELECT outlet, count(*) FROM articles GROUP BY ALL"))
    assert set(per_outlet) == {o["name"] for o in newsroom.outlets_config()}


def test_broken_pages_are_quarantined_with_reasons(run, newsroom):
    broken = {a["url"]: a["defect"] for a in newsroom.articles if a["defect"]}
    rows = dict(query(run["db"], "SELECT url, failed_expectations FROM quarantine"))
    assert set(rows) == set(broken)
    assert all(rows[url] for url in rows)


def test_topics_are_matched_like_the_ground_truth(run, newsroom):
    truth = {(a["url"], t) for a in newsroom.articles if not a["defect"] for t in a["topics"]}
    found = set(query(run["db"], """
        SELECT a.url, t.topic FROM article_topics t JOIN articles a USING (url_hash)
        WHERE t.topic IN ('iran', 'drones', 'ukraine', 'russia', 'israel')"""))
    missed, extra = truth - found, found - truth
    assert len(missed) <= 0.02 * len(truth), sorted(missed)[:5]
    assert len(extra) <= 0.02 * len(truth), sorted(extra)[:5]


def test_wire_copies_count_as_one_story(run, newsroom):
    wire = {}
    for a in newsroom.articles:
        if a["wire_story_id"]:
            wire.setdefault(a["wire_story_id"], set()).add(a["url"])
    for urls in wire.values():
        stories = query(run["db"], "SELECT DISTINCT story_id FROM articles WHERE url IN "
                        f"({','.join('?' * len(urls))})", *urls)
        assert len(stories) == 1, f"{len(urls)} wire copies became {len(stories)} stories"


def test_one_alert_per_burst_topic_and_none_for_flat_topics(run):
    rows = query(run["db"], "SELECT topic, kind, status, articles, stories, outlets FROM alerts")
    assert {r[0] for r in rows} == BURST_TOPICS
    first = [r for r in rows if r[1] == "alert"]  # follow-ups of a growing episode may follow
    assert sorted(r[0] for r in first) == sorted(BURST_TOPICS)
    for _topic, _kind, status, articles, stories, outlets in first:
        assert status == "logged"  # no Slack configured: logged and kept in the warehouse
        assert articles > stories >= 5 and outlets >= 4


def test_running_again_adds_no_duplicate_and_no_second_alert(run):
    before = query(run["db"], "SELECT count(*), count(DISTINCT url) FROM articles")[0]
    alerts_before = query(run["db"], "SELECT alert_id FROM alerts")
    again = ingest(config_dir=str(run["config_dir"]), db_path=str(run["db"]))
    alerts(config_dir=str(run["config_dir"]), db_path=str(run["db"]), now=run["now"])
    after = query(run["db"], "SELECT count(*), count(DISTINCT url) FROM articles")[0]
    assert after == before and after[0] == after[1]
    assert sum(s.get("articles", 0) for s in again) == 0
    assert query(run["db"], "SELECT count(*) FROM alerts")[0][0] == len(alerts_before)
    not_modified = query(run["db"], "SELECT count(*) FROM fetch_log WHERE not_modified")[0][0]
    assert not_modified >= len(again)  # feeds answered 304 the second time
