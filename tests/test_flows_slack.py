"""The flows reach Slack the way an operator sets it up: through the environment
(NEWSWATCH_SLACK_BOT_TOKEN, _CHANNEL, _OPS_CHANNEL, _BASE_URL), under Prefect's test
harness, against the loopback Slack server. The ingest flow against the local newsroom
plus an outlet that refuses connections, then the alerts flow; and the digest flow run
twice on one day."""

from __future__ import annotations

import json
import socket
from collections.abc import Iterator
from datetime import UTC, datetime

import pytest

from flows.alerts import alerts
from flows.demo import write_demo_config
from flows.ingest import ingest
from tests import small_warehouse
from tests.slack_server import SlackServer
from tests.test_run_failures import refusing_outlet
from tests.test_run_problem import slack_env
from warehouse.db import read

pytestmark = pytest.mark.slow  # both flows over the whole newsroom


@pytest.fixture
def slack(monkeypatch) -> Iterator[SlackServer]:
    """A Slack server of the test's own (its channels hold only this test's posts), set
    in the environment as an operator sets it."""
    with SlackServer() as server:
        slack_env(monkeypatch, server)
        yield server


def rows(db_path, sql: str, *params: object) -> list[tuple]:
    with read(db_path) as con:
        return con.execute(sql, list(params)).fetchall()


def top_level(messages: list[dict]) -> list[dict]:
    return [m for m in messages if m["thread_ts"] in (None, m["ts"])]


def test_ingest_and_alerts_post_to_the_channels_the_environment_names(
        prefect_harness, newsroom, slack, tmp_path):
    with socket.socket() as refusing:  # bound, never listening: connections are refused
        refusing.bind(("127.0.0.1", 0))
        outlets = newsroom.outlets_config() + [refusing_outlet(refusing.getsockname()[1])]
        config_dir = write_demo_config(tmp_path / "config", outlets)
        db_path = tmp_path / "w.duckdb"
        ingest(config_dir=str(config_dir), db_path=str(db_path))
    summary = alerts(config_dir=str(config_dir), db_path=str(db_path), now=datetime.now(UTC))

    # the broken outlet: one operations alert, in the operations channel
    [ops] = slack.in_channel("#newswatch-ops")
    [(episode_id, status, ts)] = rows(db_path, "SELECT episode_id, status, slack_ts FROM "
                                               "outlet_health_events")
    assert ops["metadata"] == {"event_type": "newswatch_ops_alert",
                               "event_payload": {"episode_id": episode_id}}
    assert episode_id.startswith("refusing:") and (status, ts) == ("sent", ops["ts"])
    assert "outlet `refusing` looks broken" in ops["text"]

    # the spikes: one post each in the alerts channel, its reply and chart in its thread
    sent = rows(db_path, "SELECT alert_id, kind, status, slack_ts, message FROM alerts "
                         "ORDER BY created_at")
    first = [r for r in sent if r[1] == "alert"]
    assert {r[0].split(":")[0] for r in first} == {"iran", "drones"}
    assert {r[2] for r in sent} == {"sent"}
    assert summary["new_alerts"] == len(sent) and summary["undelivered"] == 0
    channel = slack.in_channel("#news-alerts")
    posts = top_level(channel)
    assert sorted(p["metadata"]["event_payload"]["alert_id"] for p in posts) == sorted(
        r[0] for r in first)
    uploads = slack.calls("files.completeUploadExternal")
    for alert_id, _kind, _status, ts, message in first:
        stored = json.loads(message)
        [post] = [p for p in posts if p["ts"] == ts]
        assert post["text"] == stored["text"]
        replies = [m["text"] for m in channel if m["thread_ts"] == ts and m["ts"] != ts]
        assert replies[:len(stored["replies"])] == [r["text"] for r in stored["replies"]]
        [chart] = [u for u in uploads if u.body.get("thread_ts") == ts]
        assert json.loads(chart.body["files"])[0]["title"] == stored["chart"]["title"], alert_id


def test_the_digest_flow_posts_the_days_digest_once(prefect_harness, slack, tmp_path):
    from flows.digest import digest

    db_path = tmp_path / "w.duckdb"
    small_warehouse.build(db_path, now=datetime(2026, 3, 16, 6, tzinfo=UTC))  # to 06:30
    config_dir = write_demo_config(tmp_path / "config", [
        {"name": o, "display_name": o.title(), "domain": f"{o}.example",
         "sources": [{"type": "feed", "url": f"https://{o}.example/rss"}]}
        for o in small_warehouse.OUTLETS])
    at = datetime(2026, 3, 16, 7, 2, tzinfo=UTC)  # the 07:00 run, a little late
    window = [datetime(2026, 3, 15, 7, tzinfo=UTC), datetime(2026, 3, 16, 7, tzinfo=UTC)]
    [(stories, articles)] = rows(db_path, "SELECT count(DISTINCT story_id), count(*) FROM "
                                          "articles WHERE counts_at >= ? AND counts_at < ?",
                                 *window)
    [(burst_stories, burst_articles)] = rows(
        db_path, "SELECT count(DISTINCT story_id), count(*) FROM articles JOIN article_topics "
        "USING (url_hash) WHERE topic = ? AND counts_at >= ? AND counts_at < ?",
        small_warehouse.BURST, *window)
    [(spikes,)] = rows(db_path, "SELECT count(*) FROM alerts WHERE kind = 'alert' AND "
                                "bucket_start >= ? AND bucket_start < ?", *window)
    assert spikes >= 1 and articles > stories  # the burst's syndicated copies

    first = digest(config_dir=str(config_dir), db_path=str(db_path), now=at)
    again = digest(config_dir=str(config_dir), db_path=str(db_path), now=at.replace(hour=13))

    assert (first["digest_id"], first["new"], first["status"]) == ("digest:2026-03-16", True,
                                                                  "sent")
    assert (again["digest_id"], again["new"], again["deliveries"]) == (
        "digest:2026-03-16", False, [])
    [posted] = slack.in_channel("#news-alerts")
    assert posted["metadata"] == {"event_type": "newswatch_digest",
                                  "event_payload": {"digest_id": "digest:2026-03-16"}}
    text = "\n".join(b["text"]["text"] for b in posted["blocks"] if "text" in b)
    assert "Newswatch daily digest: 24 hours to 07:00 UTC Mon 16 Mar" in text
    assert (f"*{stories} stories* ({articles} articles), "
            f"{spikes} spike{'s' if spikes > 1 else ''}, ") in text
    [iran] = [line for line in text.splitlines() if line.startswith("• *Iran*: ")]
    assert iran.startswith(f"• *Iran*: {burst_stories} stories (usual ")
    assert iran.endswith(f", {burst_articles} articles")
    assert slack.in_channel("#newswatch-ops") == []
    assert rows(db_path, "SELECT status, slack_ts FROM digests") == [("sent", posted["ts"])]
