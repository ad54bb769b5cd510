"""From detector decisions to Slack: one alert per episode, follow-ups in its thread, an
'ended' note, and every outbox row delivered exactly once, through the real slack-sdk
client against a local Slack-compatible server."""

from __future__ import annotations

import base64
import json
import logging
from datetime import UTC, datetime, timedelta

import numpy as np
import pandas as pd
import pytest

from tasks.alert_message import SpikeAlert, build_message
from tasks.alerting import (
    Counts,
    collection_caveat,
    count_stories,
    decide,
    deliver,
    detect_and_plan,
    evidence,
    plan,
    write_outbox,
)
from tasks.config import load_config
from tasks.detect import Decision, Status
from tasks.notify import SlackTarget
from tasks.outbox import deliver_problems, undelivered
from warehouse.db import read, write

pytest_plugins = ["tests.slack_server"]

START = datetime(2026, 3, 1, tzinfo=UTC)
HOUR = timedelta(hours=1)


def decisions(*statuses: str) -> list[Decision]:
    return [Decision(START + i * HOUR, count, count, HOUR, 1.0, 7.0, s, "")
            for i, s in enumerate(statuses) for count in [9.0 if s != Status.quiet else 1.0]]


def test_an_open_episode_is_alerted_once_even_if_it_began_before_the_window():
    planned = plan({"iran": decisions("quiet", "alert", "ongoing", "ongoing")})
    assert [(p.kind, p.alert_id) for p in planned] == [("alert", "iran:20260301T0100")]


def test_growth_gives_a_follow_up_and_the_end_an_ended_note():
    grown = plan({"iran": decisions("quiet", "alert", "ongoing", "follow_up")})
    assert [p.kind for p in grown] == ["alert", "update"]
    assert grown[1].episode_id == "iran:20260301T0100"
    ended = plan({"iran": decisions("alert", "ongoing", "quiet", "ended")})
    assert [p.kind for p in ended] == ["ended"]
    assert ended[0].alert_id == "iran:20260301T0000:ended"


def test_an_episode_is_not_over_on_the_first_minutes_of_an_hour():
    items = decisions("alert", "ongoing", "quiet", "ended")
    assert plan({"iran": items}, counting=items[-1].timestamp) == []  # 0 stories so far
    assert [p.kind for p in plan({"iran": items}, counting=items[-1].timestamp + HOUR)] == [
        "ended"]


def test_old_episodes_and_quiet_topics_plan_nothing():
    assert plan({"iran": decisions("alert", "ended", "quiet", "quiet", "quiet")}) == []
    assert plan({"israel": decisions("quiet", "learning", "quiet")}) == []


def alert(kind: str = "alert", alert_id: str = "iran:20260301T0100") -> SpikeAlert:
    return SpikeAlert(
        alert_id=alert_id, topic="iran", topic_label="Iran", bucket_start=START + HOUR,
        bucket_minutes=60, observed=9, expected=0.4, score=7.2, articles=14, stories=9,
        outlets=5, headlines=[{"title": "Drones hit <terminal> & port", "url": "https://x.example/1",
                               "outlet": "herald", "published_at": START + HOUR}],
        volume=[(START + i * HOUR, float(i % 3)) for i in range(24)], kind=kind)


def outbox(path, *items):
    from tasks.alerting import Planned

    rows = []
    for a in items:
        episode = a.alert_id.split(":update")[0].split(":ended")[0]
        rows.append((Planned(a.alert_id, episode, a.kind, a.topic, START + HOUR,
                             Decision(a.bucket_start, a.observed, a.observed, HOUR,
                                      a.expected, a.score, Status.alert, "")), a))
    return write_outbox(path, rows)


def statuses(path):
    with read(path) as con:
        return dict(con.execute("SELECT alert_id, status FROM alerts").fetchall())


def test_outbox_rows_are_written_once(tmp_path):
    path = tmp_path / "w.duckdb"
    assert outbox(path, alert()) == 1
    assert outbox(path, alert()) == 0
    assert statuses(path) == {"iran:20260301T0100": "pending"}


def test_delivered_once_and_follow_up_in_the_thread(tmp_path, slack_server):
    path = tmp_path / "w.duckdb"
    target = SlackTarget(token="xoxb-ok", channel="#alerts", webhook_url=None,
                         base_url=slack_server.url)
    outbox(path, alert())
    before = len(slack_server.calls("chat.postMessage", token="xoxb-ok"))
    assert [o["status"] for o in deliver(path, target)] == ["sent"]
    assert deliver(path, target) == []  # nothing left to send: no second post
    posts = slack_server.calls("chat.postMessage", token="xoxb-ok")[before:]
    assert len([p for p in posts if p.body.get("metadata")]) == 1  # and its thread reply
    assert "&lt;terminal&gt; &amp; port" in json.dumps(posts[0].body)
    with read(path) as con:
        ts = con.execute("SELECT slack_ts FROM alerts").fetchone()[0]
    assert ts

    before = len(slack_server.calls("chat.postMessage", token="xoxb-ok"))
    outbox(path, alert("update", "iran:20260301T0100:update:20260301T0300"))
    deliver(path, target)
    follow_ups = slack_server.calls("chat.postMessage", token="xoxb-ok")[before:]
    assert [p.body.get("thread_ts") for p in follow_ups] == [ts, ts]


def test_a_row_another_delivery_took_is_not_posted_again(tmp_path, slack_server, monkeypatch):
    # The digest and the alerts flows both deliver; each reads the due rows, then claims
    # one before posting it. Here the other one claims the row between the two.
    import tasks.outbox

    path = tmp_path / "w.duckdb"
    outbox(path, alert())
    metadata = tasks.outbox.outbox_metadata

    def claimed_meanwhile(*args):
        with write(path) as con:
            con.execute("UPDATE alerts SET status = 'sending', attempts = 1")
        return metadata(*args)

    monkeypatch.setattr(tasks.outbox, "outbox_metadata", claimed_meanwhile)
    before = len(slack_server.calls("chat.postMessage", token="xoxb-ok"))
    assert deliver(path, bot(slack_server)) == []
    assert slack_server.calls("chat.postMessage", token="xoxb-ok")[before:] == []
    assert statuses(path) == {"iran:20260301T0100": "sending"}  # the other one's to finish


def test_the_stored_message_is_the_one_slack_received(tmp_path, slack_server):
    path = tmp_path / "w.duckdb"
    outbox(path, alert(alert_id="iran:20260301T0100:stored"))
    mark = len(slack_server.requests)

    assert [o["status"] for o in deliver(path, bot(slack_server))] == ["sent"]

    with read(path) as con:
        stored, ts = con.execute("SELECT message, slack_ts FROM alerts").fetchone()
    stored = json.loads(stored)
    [posted] = slack_server.posted("newswatch_alert", "alert_id", "iran:20260301T0100:stored")
    assert (posted["text"], posted["blocks"]) == (stored["text"], stored["blocks"])
    channel = next(c for c, messages in slack_server.messages.items() if posted in messages)
    replies = [m for m in slack_server.messages[channel] if m["thread_ts"] == ts]
    assert [{"text": m["text"], "blocks": m["blocks"]} for m in replies] == stored["replies"]
    [upload] = [r for r in slack_server.requests[mark:] if r.path.startswith("/upload/")]
    assert upload.body["data"] == base64.b64decode(stored["chart"]["png"])
    [complete] = [r for r in slack_server.requests[mark:]
                  if r.method == "files.completeUploadExternal"]
    assert complete.body["thread_ts"] == ts
    assert json.loads(complete.body["files"])[0]["title"] == stored["chart"]["title"]


def test_a_slack_outage_is_retried_on_the_next_run(tmp_path, slack_server):
    path = tmp_path / "w.duckdb"
    outbox(path, alert())
    down = SlackTarget(token="xoxb-500", channel="#alerts", webhook_url=None,
                       base_url=slack_server.url)
    assert deliver(path, down)[0]["status"] == "failed"
    assert statuses(path) == {"iran:20260301T0100": "failed"}
    up = SlackTarget(token="xoxb-ok", channel="#alerts", webhook_url=None,
                     base_url=slack_server.url)
    assert deliver(path, up) == []  # not yet: the retry waits its backoff
    assert deliver(path, up, now=later(minutes=2))[0]["status"] == "sent"
    assert statuses(path) == {"iran:20260301T0100": "sent"}


def later(**delta: float) -> datetime:
    return datetime.now(UTC) + timedelta(**delta)


def test_slack_failing_on_every_run_is_retried_with_backoff_until_it_recovers(
        tmp_path, slack_server):
    path = tmp_path / "w.duckdb"
    outbox(path, alert(alert_id="iran:20260301T0100:outage"))
    down = bot(slack_server, "xoxb-500")
    retry_at = []
    for hour in range(6):  # six runs an hour apart, Slack answering 500 on each
        assert deliver(path, down, now=later(hours=hour))[0]["status"] == "failed"
        with read(path) as con:
            retry_at.append(con.execute("SELECT next_attempt_at FROM alerts").fetchone()[0])
    assert deliver(path, down, now=later(hours=5, minutes=1)) == []  # backing off
    waits = [b - a for a, b in zip(retry_at, retry_at[1:], strict=False)]
    assert waits[0] > timedelta(hours=1) and waits[-1] >= timedelta(hours=1)

    outcome = deliver(path, bot(slack_server), now=later(hours=8))  # Slack is back

    assert [o["status"] for o in outcome] == ["sent"]
    assert len(slack_server.posted("newswatch_alert", "alert_id",
                                   "iran:20260301T0100:outage")) == 1
    with read(path) as con:
        assert con.execute("SELECT status, attempts FROM alerts").fetchone() == ("sent", 7)


def test_a_delivery_that_gives_up_says_so_loudly(tmp_path, slack_server, caplog):
    path = tmp_path / "w.duckdb"
    outbox(path, alert(alert_id="iran:20260301T0100:lost"))
    down = bot(slack_server, "xoxb-500")
    assert deliver(path, down)[0]["status"] == "failed"

    outcomes = deliver(path, down, now=later(hours=25))  # no longer worth sending

    assert [o["status"] for o in outcomes] == ["gave_up"]
    assert undelivered(outcomes) == 1  # what the flow's run summary reports
    assert "iran:20260301T0100:lost (alerts) was given up on" in caplog.text
    assert "HTTP 500" in outcomes[0]["error"]
    with read(path) as con:
        assert con.execute("SELECT kind, status FROM slack_outbox WHERE kind = 'alert'"
                           ).fetchall() == [("alert", "gave_up")]
    ops = SlackTarget("xoxb-ok", "#newswatch-ops", None, slack_server.url)
    [report] = deliver_problems(path, ops, now=later(hours=25))
    assert report["status"] == "sent"
    [posted] = slack_server.posted("newswatch_delivery_problem", "problem_id",
                                   report["problem_id"])
    assert "1 Slack message could not be delivered" in posted["text"]
    assert "iran:20260301T0100:lost" in json.dumps(posted["blocks"])
    assert deliver(path, bot(slack_server), now=later(hours=26)) == []  # not posted late


def test_bad_credentials_are_not_retried_forever(tmp_path, slack_server):
    path = tmp_path / "w.duckdb"
    outbox(path, alert())
    bad = SlackTarget(token="xoxb-invalid", channel="#alerts", webhook_url=None,
                      base_url=slack_server.url)
    assert undelivered(deliver(path, bad)) == 1
    assert statuses(path) == {"iran:20260301T0100": "undeliverable"}
    assert deliver(path, bad) == []
    with read(path) as con:
        assert con.execute("SELECT outbox, row_ids, status FROM delivery_problems"
                           ).fetchall() == [("alerts", ["iran:20260301T0100"], "pending")]


def test_no_slack_configured_logs_and_keeps_the_alert(tmp_path, caplog):
    path = tmp_path / "w.duckdb"
    outbox(path, alert())
    assert deliver(path, None) == [
        {"alert_id": "iran:20260301T0100", "status": "logged", "error": None}]
    assert "Iran is spiking" in caplog.text


def test_a_dip_in_our_own_collection_is_flagged():
    grid = pd.date_range(START, periods=24 * 8, freq="h")
    totals = np.full(len(grid), 40.0)
    counts = Counts(grid, {"iran": np.zeros(len(grid))}, totals)
    last = grid[-1].to_pydatetime()
    assert collection_caveat(counts, last) is None
    counts.totals[-1] = 8
    assert "20% of its usual volume" in collection_caveat(counts, last)
    assert collection_caveat(counts, last, whole=False) is None  # 12 minutes into the hour
    counts.totals[-1] = 200
    assert "5.0x the usual volume" in collection_caveat(counts, last)
    assert "5.0x the usual volume" in collection_caveat(counts, last, whole=False)


def bot(server, token: str = "xoxb-ok") -> SlackTarget:
    return SlackTarget(token=token, channel="#alerts", webhook_url=None, base_url=server.url)


def test_a_5xx_after_slack_stored_the_post_is_found_not_posted_again(tmp_path, slack_server):
    path = tmp_path / "w.duckdb"
    outbox(path, alert(alert_id="iran:20260301T0100:5xx"))

    assert deliver(path, bot(slack_server, "xoxb-500-after-post"))[0]["status"] == "failed"
    assert [o["status"] for o in deliver(path, bot(slack_server), now=later(minutes=2))
            ] == ["sent"]
    assert deliver(path, bot(slack_server), now=later(minutes=4)) == []

    [stored] = slack_server.posted("newswatch_alert", "alert_id", "iran:20260301T0100:5xx")
    with read(path) as con:
        row = con.execute("SELECT status, attempts, slack_ts FROM alerts").fetchone()
    assert row == ("sent", 1, stored["ts"])  # one post; finding it is no new attempt


@pytest.mark.parametrize(("token", "channel", "status"), [
    ("xoxb-ratelimited-long", "#alerts", "failed"),
    ("xoxb-ok", "#missing", "undeliverable"),
])
def test_rate_limits_wait_for_the_next_run_and_a_missing_channel_stops(
        tmp_path, slack_server, token, channel, status):
    path = tmp_path / "w.duckdb"
    outbox(path, alert())
    target = SlackTarget(token=token, channel=channel, webhook_url=None,
                         base_url=slack_server.url)
    [outcome] = deliver(path, target)
    assert outcome["status"] == status
    assert statuses(path) == {"iran:20260301T0100": status}


def test_the_token_is_never_stored(tmp_path, slack_server):
    path = tmp_path / "w.duckdb"
    outbox(path, alert())
    for token in ("xoxb-500", "xoxb-invalid"):
        deliver(path, bot(slack_server, token))
    with read(path) as con:
        rows = con.execute("SELECT * FROM alerts").fetchall()
    assert "xoxb-" not in json.dumps(rows, default=str)
    assert b"xoxb-" not in path.read_bytes()


END = datetime(2026, 3, 16, tzinfo=UTC)


def add_articles(path, rows):
    """Articles (url, outlet, published_at, story_id, topics) straight into the warehouse."""
    with write(path) as con:
        for url, outlet, published, story, topics in rows:
            con.execute("INSERT INTO articles (url_hash, url, outlet, title, published_at, "
                        "counts_at, story_id, loaded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                        [url, url, outlet, f"Story {story}", published, published, story, END])
            for topic in topics:
                con.execute("INSERT INTO article_topics VALUES (?, ?, 1, 0, 3.0)", [url, topic])


def test_the_alerts_query_returns_its_count_and_co_topics_are_counted(tmp_path):
    path = tmp_path / "w.duckdb"
    quiet = [(f"https://a.example/{i}", "herald", END - timedelta(hours=i), f"c{i}", ["china"])
             for i in range(1, 15 * 24)]
    spike = [(f"https://b.example/{i}", "herald", END + timedelta(minutes=5 + i), f"s{i}",
              ["iran", *(["israel"] if i < 3 else []), *(["drones"] if i == 0 else [])])
             for i in range(6)]
    copies = [(f"https://copy.example/{i}", "wire", END + timedelta(minutes=30), f"s{i}",
               ["iran", "israel"]) for i in range(2)]  # syndicated: same story, counted once
    later = [("https://b.example/future", "herald", END + timedelta(minutes=50), "f", ["iran"])]
    add_articles(path, quiet + spike + copies + later)
    with write(path) as con:
        con.execute("INSERT INTO outlets VALUES ('herald', 'The Herald', 'h.example', 'en', "
                    "NULL, ?)", [END])
    config = load_config(None)
    now = END + timedelta(minutes=40)  # the current bucket, cut at now: `later` is not in it

    counts = count_stories(path, ["iran", "israel", "drones", "china"], HOUR,
                           now - timedelta(days=28), now)
    decisions = decide(counts, config, HOUR)
    [item] = plan(decisions)
    spike_alert = evidence(path, config, item, counts, decisions["iran"], HOUR, now)

    assert (item.kind, spike_alert.observed) == ("alert", 6)
    with read(path) as con:
        assert con.execute(spike_alert.query).fetchone()[0] == 6
    assert spike_alert.co_topics == [("Israel", 3), ("Drones", 1)]
    # the outlet's display name where the warehouse knows it, else its config name
    assert {h["outlet"] for h in spike_alert.headlines} == {"The Herald"}
    assert spike_alert.episode_start == item.start and spike_alert.stories == 6
    text = json.dumps(build_message(spike_alert))
    assert "Also in these stories: Israel (3), Drones (1)" in text
    assert "*6 stories* in the 40 minutes to" in text  # the hour is counted to now
    assert "t.topic = 'iran'" in text and "&lt;= TIMESTAMPTZ '2026-03-16 00:40:00" in text


def _hourly(path, topic: str, counts: list[tuple[datetime, int]], prefix: str) -> None:
    """`n` stories on `topic` spread over the minutes after each start, straight in."""
    rows = [(f"https://{prefix}.example/{start:%Y%m%d%H%M}/{i}", start + timedelta(minutes=i % 55))
            for start, n in counts for i in range(n)]
    frame = pd.DataFrame(rows, columns=["url", "published"])
    with write(path) as con:
        con.register("incoming", frame)
        con.execute("""
            INSERT INTO articles (url_hash, url, outlet, title, published_at, counts_at, loaded_at)
            SELECT url, url, 'herald', 'A story', published, published, published FROM incoming
        """)
        con.execute("INSERT INTO article_topics SELECT url, ?, 1, 0, 3.0 FROM incoming", [topic])


def _fortnight_before(path, burst: datetime, seed: int) -> None:
    """Two weeks of hours before `burst`: 'china' busy (about 60), 'iran' sparse (about 1)."""
    rng = np.random.default_rng(seed)
    history = [burst - timedelta(hours=h) for h in range(14 * 24, 0, -1)]
    _hourly(path, "china", [(t, int(rng.poisson(60))) for t in history], "wire")
    _hourly(path, "iran", [(t, int(rng.poisson(1))) for t in history], "herald")


def test_late_stories_before_a_sent_alert_do_not_alert_the_story_again(tmp_path):
    """An outlet that was down comes back with the hour before the alert: that hour now
    reads as the spike's start, but the story was alerted and is not announced again."""
    path = tmp_path / "w.duckdb"
    burst = datetime(2026, 3, 28, 23, tzinfo=UTC)
    _fortnight_before(path, burst, seed=6)
    config = load_config(None)
    _hourly(path, "iran", [(burst, 14)], "burst")
    detect_and_plan(path, config, burst + timedelta(minutes=58))
    _hourly(path, "iran", [(burst - HOUR, 14)], "late")
    _hourly(path, "iran", [(burst + HOUR, 14)], "again")
    detect_and_plan(path, config, burst + timedelta(minutes=118))
    with read(path) as con:
        alerts = con.execute("SELECT alert_id, kind FROM alerts").fetchall()
        earlier = con.execute("SELECT status FROM spike_decisions WHERE topic = 'iran' "
                              "AND bucket_start = ?", [burst - HOUR]).fetchone()
    assert alerts == [("iran:20260328T2300", "alert")]
    assert earlier == ("ongoing",)


def test_an_alert_sent_on_the_first_minutes_of_an_hour_is_not_taken_back(tmp_path):
    """The flow scores the hour still being counted. An alert sent 12 minutes in stays the
    episode when the whole hour reads less unusual: no 'back to normal' then, and no second
    'spiking' message when the next hour brings as many."""
    path = tmp_path / "w.duckdb"
    burst = datetime(2026, 3, 28, 23, tzinfo=UTC)
    _fortnight_before(path, burst, seed=5)
    config = load_config(None)
    _hourly(path, "iran", [(burst, 12)], "burst")  # in the first 12 minutes
    _hourly(path, "china", [(burst, 10)], "early")

    def kinds():
        with read(path) as con:
            return sorted(con.execute("SELECT alert_id, kind FROM alerts").fetchall())

    detect_and_plan(path, config, burst + timedelta(minutes=12))
    assert kinds() == [("iran:20260328T2300", "alert")]
    _hourly(path, "china", [(burst + timedelta(minutes=12), 50)], "late")  # the rest of the hour
    detect_and_plan(path, config, burst + timedelta(minutes=65))
    _hourly(path, "iran", [(burst + HOUR, 12)], "again")
    _hourly(path, "china", [(burst + HOUR, 10)], "again-early")
    detect_and_plan(path, config, burst + timedelta(minutes=72))
    assert kinds() == [("iran:20260328T2300", "alert")]


def test_a_webhook_url_without_https_fails_the_run_in_one_line_without_the_secret(
        prefect_harness, tmp_path, monkeypatch, caplog, capfd):
    from flows.alerts import alerts
    from tests.test_run_problem import run_counts, slack_env

    slack_env(monkeypatch, None)
    monkeypatch.setenv("NEWSWATCH_SLACK_WEBHOOK_URL", "hooks.slack.com/services/T000/B000/XXXX")
    path = tmp_path / "w.duckdb"
    outbox(path, alert())

    with caplog.at_level(logging.INFO):
        state = alerts(db_path=str(path), return_state=True)

    assert state.is_failed()
    assert "NEWSWATCH_SLACK_WEBHOOK_URL is not a webhook URL" in state.message
    assert run_counts(state)["deliver-alerts"] == 1  # a config error is not retried
    out, err = capfd.readouterr()
    for text in (state.message, caplog.text, out, err):
        assert "B000/XXXX" not in text
    assert statuses(path) == {"iran:20260301T0100": "pending"}  # kept for a fixed config


def test_a_run_that_gives_up_on_messages_fails_one_that_will_retry_does_not(
        prefect_harness, tmp_path, slack_server, monkeypatch):
    from flows.alerts import alerts
    from tests.test_run_problem import slack_env

    path = tmp_path / "w.duckdb"
    outbox(path, alert(alert_id="iran:20260301T0100:down"))
    slack_env(monkeypatch, slack_server, token="xoxb-500")  # Slack down: tried again later

    summary = alerts(db_path=str(path))

    assert summary["undelivered"] == 1
    assert statuses(path) == {"iran:20260301T0100:down": "failed"}
    outbox(path, alert(alert_id="iran:20260301T0200:revoked"))
    slack_env(monkeypatch, slack_server, token="xoxb-revoked")  # refused for good

    state = alerts(db_path=str(path), return_state=True)

    assert state.is_failed()
    assert state.message == (  # the alert and the report saying so, both refused
        "2 Slack messages given up on (kept in the outbox: see the slack_outbox view): Slack "
        "rejected the bot token (invalid_auth): check the token")
    assert statuses(path) == {"iran:20260301T0100:down": "failed",
                              "iran:20260301T0200:revoked": "undeliverable"}
    with read(path) as con:
        assert con.execute("SELECT row_ids, status FROM delivery_problems").fetchall() == [
            (["iran:20260301T0200:revoked"], "undeliverable")]
