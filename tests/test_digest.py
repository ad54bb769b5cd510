"""The daily digest: its numbers from a small warehouse, its message, and one post a day
through the outbox, against the local Slack server; on the DuckDB file and on DuckLake
(no primary keys there: the outbox's write-once rests on MERGE INTO)."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

import pytest

from tasks.config import Outlet, load_config
from tasks.digest import build_message, deliver, gather, write_digest
from tasks.notify import SlackTarget
from tasks.outbox import deliver_problems
from warehouse.db import read, write

pytest_plugins = ["tests.slack_server"]

NOW = datetime(2026, 3, 16, 7, 2, tzinfo=UTC)  # the 07:00 run, a little late
END = datetime(2026, 3, 16, 7, tzinfo=UTC)
HOUR = timedelta(hours=1)
OUTLETS = ("herald", "gazette", "courier")


def configured(*names: str):
    """The default config with these outlets (the warehouse's) in place of its own."""
    return load_config(None).model_copy(update={"outlets": [
        Outlet(name=n, display_name=n.title(), domain=f"{n}.example",
               sources=[{"type": "feed", "url": f"https://{n}.example/rss"}]) for n in names]})


@pytest.fixture
def warehouse(any_backend):
    """Eight days: iran 2 stories a day, then 9 (one carried by two outlets) in the last
    24 hours; israel 1 a day, none today. Outlet `herald` is fine, `gazette` has an open
    health episode, `courier` failed its last 3 fetches and loaded nothing."""
    path, _ = any_backend
    articles = []
    for day in range(1, 8):
        at = END - day * 24 * HOUR - 3 * HOUR
        articles += [(f"https://h.example/{day}/{i}", "herald", at, f"d{day}i{i}", ["iran"])
                     for i in range(2)]
        articles.append((f"https://h.example/{day}/il", "herald", at, f"d{day}il", ["israel"]))
    articles += [(f"https://h.example/today/{i}", "herald", END - (i + 1) * HOUR, f"t{i}",
                  ["iran", "drones"] if i < 2 else ["iran"]) for i in range(9)]
    articles.append(("https://g.example/copy", "gazette", END - HOUR, "t0", ["iran"]))
    with write(path) as con:
        for name in OUTLETS + ("retired",):
            con.execute("INSERT INTO outlets VALUES (?, ?, ?, 'en', NULL, ?)",
                        [name, name.title(), f"{name}.example", END])
        for url, outlet, published, story, topics in articles:
            con.execute("INSERT INTO articles (url_hash, url, outlet, title, published_at, "
                        "counts_at, story_id, loaded_at) VALUES (?, ?, ?, 't', ?, ?, ?, ?)",
                        [url, url, outlet, published, published, story, published])
            for topic in topics:
                con.execute("INSERT INTO article_topics VALUES (?, ?, 1, 0, 3.0)", [url, topic])
        for i in range(3):
            con.execute("INSERT INTO fetch_log (outlet, kind, url, status, error_class, "
                        "fetched_at) VALUES ('courier', 'feed', 'https://c.example/rss', NULL, "
                        "'ConnectTimeout', ?)", [END - i * HOUR])
        con.execute("""INSERT INTO outlet_health_events (episode_id, outlet, started_at,
            started_run_id, problems, message) VALUES ('gazette:r1', 'gazette', ?, 'r1',
            ['8 of 10 articles with near-empty bodies (80%, limit 50%)'], '{}')""",
                    [END - 5 * HOUR])
        con.execute("""INSERT INTO alerts (alert_id, topic, kind, episode_id, bucket_start,
            observed, expected, score, articles, stories, outlets, message, status, created_at)
            VALUES ('iran:20260316T0300', 'iran', 'alert', 'iran:20260316T0300', ?, 6, 0.4,
                    8.2, 7, 6, 2, '{}', 'sent', ?)""", [END - 4 * HOUR, END - 3 * HOUR])
    return path


@pytest.fixture
def channel(any_backend):
    """A channel name of this backend's own: the Slack server lives for the session, and
    each backend posts the same digest."""
    return lambda name: f"{name}-{any_backend[1].backend}"


def test_the_digest_counts_topics_spikes_and_outlets(warehouse):
    digest = gather(warehouse, configured(*OUTLETS), NOW)

    assert (digest.digest_id, digest.start, digest.end) == (
        "digest:2026-03-16", END - 24 * HOUR, END)
    assert (digest.stories, digest.articles) == (9, 10)
    by_topic = {t.topic: (t.stories, t.articles, t.usual) for t in digest.topics}
    assert by_topic["iran"] == (9, 10, 2)
    assert by_topic["israel"] == (0, 0, 1)
    assert by_topic["drones"] == (2, 2, 0)
    assert digest.topics[0].topic == "iran"
    [spike] = digest.spikes
    assert (spike.label, spike.observed, spike.score, spike.status) == ("Iran", 6, 8.2, "sent")
    outlets = {o.outlet: o for o in digest.outlets}
    assert outlets["gazette"].open_since == END - 5 * HOUR
    assert outlets["courier"].consecutive_failures == 3 and outlets["courier"].articles == 0
    assert outlets["herald"].articles == 9
    assert "retired" not in outlets  # in the warehouse, no longer in the config


def test_the_digest_message_reads_well(warehouse):
    message = build_message(gather(warehouse, configured(*OUTLETS), NOW))
    text = "\n".join(b["text"]["text"] for b in message["blocks"] if "text" in b)

    assert "Newswatch daily digest: 24 hours to 07:00 UTC Mon 16 Mar" in text
    assert "*9 stories* (10 articles), 1 spike, 2 of 3 outlets with problems" in text
    assert "• *Iran*: 9 stories (usual 2, ×4.5), 10 articles" in text
    assert "• *Drones*: 2 stories (usually none), 2 articles" in text
    assert "• *Israel*: 0 stories (usual 1, ×0.0), 0 articles" in text
    assert "• *Iran* at Mon 03:00 UTC: 6 stories vs 0.4 expected, score 8.2" in text
    assert "1 of 3 outlets fine." in text
    assert ("• `gazette`: unhealthy since Mon 16 Mar 02:00 UTC: 8 of 10 articles with "
            "near-empty bodies (80%, limit 50%)") in text
    assert "• `courier`: the last 3 fetches failed" in text
    assert message["text"].startswith("Newswatch daily digest: 24 hours to 07:00 UTC")


def test_the_digest_is_written_and_posted_once_a_day(warehouse, slack_server, channel):
    config = configured(*OUTLETS)
    target = SlackTarget("xoxb-ok", channel("#digest"), None, slack_server.url)

    assert write_digest(warehouse, gather(warehouse, config, NOW))
    assert [o["status"] for o in deliver(warehouse, target)] == ["sent"]
    later = NOW + 5 * HOUR  # a re-run the same day: same id, nothing new
    assert not write_digest(warehouse, gather(warehouse, config, later))
    assert deliver(warehouse, target) == []

    [posted] = slack_server.in_channel(target.channel)
    assert posted["metadata"]["event_payload"] == {"digest_id": "digest:2026-03-16"}
    assert "Iran" in json.dumps(posted["blocks"])
    with read(warehouse) as con:
        assert con.execute("SELECT status, slack_ts FROM digests").fetchall() == [
            ("sent", posted["ts"])]


def test_a_digest_whose_post_got_lost_is_found_not_posted_twice(warehouse, slack_server,
                                                               channel):
    assert write_digest(warehouse, gather(warehouse, configured(*OUTLETS), NOW))
    stored_then_500 = SlackTarget("xoxb-500-after-post", channel("#digest-5xx"), None,
                                  slack_server.url)
    assert deliver(warehouse, stored_then_500)[0]["status"] == "failed"

    ok = SlackTarget("xoxb-ok", channel("#digest-5xx"), None, slack_server.url)
    retry = datetime.now(UTC) + timedelta(minutes=2)  # after the backoff
    assert [o["status"] for o in deliver(warehouse, ok, now=retry)] == ["sent"]
    with read(warehouse) as con:
        channel, ts = con.execute("SELECT slack_channel, slack_ts FROM digests").fetchone()
    assert [m["ts"] for m in slack_server.messages[channel]] == [ts]


def test_without_slack_the_digest_is_logged(warehouse, caplog):
    write_digest(warehouse, gather(warehouse, configured(*OUTLETS), NOW))
    assert deliver(warehouse, None) == [
        {"digest_id": "digest:2026-03-16", "status": "logged", "error": None}]
    assert "Newswatch daily digest" in caplog.text


def test_a_digest_slack_refuses_is_reported_once_to_operations(warehouse, slack_server,
                                                               channel):
    write_digest(warehouse, gather(warehouse, configured(*OUTLETS), NOW))
    gone = SlackTarget("xoxb-ok", "#missing", None, slack_server.url)
    assert [o["status"] for o in deliver(warehouse, gone)] == ["undeliverable"]
    assert deliver(warehouse, gone) == []
    ops = SlackTarget("xoxb-ok", channel("#newswatch-ops"), None, slack_server.url)
    [report] = deliver_problems(warehouse, ops)
    assert report["status"] == "sent"
    assert deliver_problems(warehouse, ops) == []
    [posted] = slack_server.in_channel(ops.channel)
    assert "1 Slack message could not be delivered" in posted["text"]
    assert "digest:2026-03-16" in json.dumps(posted["blocks"])
    with read(warehouse) as con:
        assert con.execute("SELECT outbox, row_ids, status FROM delivery_problems").fetchall(
            ) == [("digests", ["digest:2026-03-16"], "sent")]


def test_a_digest_slack_could_not_take_is_posted_by_a_later_alerts_run(
        prefect_harness, tmp_path, slack_server, monkeypatch):
    from flows.alerts import alerts
    from flows.digest import digest
    from tests.test_run_problem import slack_env

    path, at = tmp_path / "w.duckdb", datetime(2026, 4, 2, 7, 1, tzinfo=UTC)
    with write(path):
        pass  # an empty warehouse: a digest of nothing
    slack_env(monkeypatch, slack_server, token="xoxb-500")
    summary = digest(db_path=str(path), now=at)  # the 07:00 run: Slack answers 500

    assert (summary["digest_id"], summary["status"], summary["undelivered"]) == (
        "digest:2026-04-02", "failed", 1)
    assert "HTTP 500" in summary["error"]
    assert summary["retry_until"] > datetime.now(UTC) + 23 * HOUR
    with write(path) as con:  # an hour later: its backoff is over
        con.execute("UPDATE digests SET next_attempt_at = now() - INTERVAL 1 MINUTE")
    slack_env(monkeypatch, slack_server)  # Slack is back

    result = alerts(db_path=str(path), now=at + HOUR)

    assert {"digest_id": "digest:2026-04-02", "status": "sent", "error": None} in (
        result["deliveries"])
    assert len(slack_server.posted("newswatch_digest", "digest_id", "digest:2026-04-02")) == 1
    assert alerts(db_path=str(path), now=at + 2 * HOUR)["deliveries"] == []
