"""Outlet health: a drifting outlet gets one operations alert per episode, delivered to the
local Slack server with the real slack-sdk client, and a new one only after it recovered
and broke again. Runs go through the ingest functions into a temporary DuckDB file."""

from __future__ import annotations

import logging
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING

from tasks.config import Config, HealthRules, load_config
from tasks.health import check_outlets, deliver, judge
from tasks.ingest import extract_pages, validate_extracted
from tasks.load import LoadBatch, recent_stories, upsert_outlets, write_batch
from tasks.match import TopicMatcher
from tasks.models import FetchRecord, Page
from tasks.notify import SlackTarget
from tasks.run import prepare_load
from warehouse.db import read

if TYPE_CHECKING:
    from tests.slack_server import SlackServer

pytest_plugins = ["tests.slack_server"]

OUTLET = "bbc-world"
FEED = "https://feeds.bbci.co.uk/news/world/rss.xml"
START = datetime.now(UTC).replace(microsecond=0) - timedelta(days=1)
CHANNEL = "#newswatch-ops-health"


def page_html(run: int, i: int, broken: bool) -> str:
    if broken:  # a redesign the extractor cannot read: no article text at all
        return "<!DOCTYPE html><html><head><title>BBC</title></head><body></body></html>"
    sentences = "".join(
        f"<p>Report {i} of run {run}: on day {n} the harbour officials said repairs went on.</p>"
        for n in range(6))
    published = (START + timedelta(hours=run - 1)).isoformat()
    return f"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>Harbour report {run}-{i}</title>
<meta property="article:published_time" content="{published}">
</head><body><article><h1>Harbour report {run}-{i}</h1>{sentences}</article></body></html>"""


def ingest_run(db_path, config: Config, run: int, *, articles: int = 8, broken: bool = False,
               feed_error: bool = False) -> str:
    """One outlet batch as the ingest flow writes it: fetch records, articles, quarantine."""
    at = START + timedelta(hours=run)
    feed = FetchRecord(url=FEED, outlet=OUTLET, kind="feed", status=None if feed_error else 200,
                       bytes=0 if feed_error else 5000, elapsed_ms=12.0, attempt=1,
                       fetched_at=at, error_class="ConnectError" if feed_error else None)
    urls = [f"https://www.bbc.co.uk/news/run-{run}-{i}" for i in range(articles)]
    pages = [Page(url=u, outlet=OUTLET, html=page_html(run, i, broken), charset="utf-8",
                  fetched_at=at) for i, u in enumerate(urls)]
    records = [FetchRecord(url=u, outlet=OUTLET, kind="article", status=200, bytes=3000,
                           elapsed_ms=20.0, attempt=1, fetched_at=at) for u in urls]
    upsert_outlets(db_path, [config.outlet(OUTLET)])
    extracted = extract_pages(pages, config, OUTLET)
    passed, quarantined, validation = validate_extracted(extracted, config, OUTLET, at)
    run_id = f"run-{run:02d}"
    batch = LoadBatch(run_id=run_id, outlet=OUTLET, records=[feed, *records], fetched=urls,
                      articles=passed, fetched_at=extracted.fetched_at,
                      quarantined=quarantined, validation_runs=[validation])
    matcher = TopicMatcher.compile(config.topics)
    write_batch(db_path, prepare_load(batch, matcher, recent_stories(db_path)))
    return run_id


def posts(server: SlackServer) -> list[str]:
    return [r.body["text"] for r in server.calls("chat.postMessage")
            if r.body.get("channel") == CHANNEL]


def test_one_ops_alert_per_episode_delivered_once(tmp_path, slack_server):
    db_path, config = tmp_path / "w.duckdb", load_config()
    target = SlackTarget(token="xoxb-ok", channel=CHANNEL, webhook_url=None,
                         base_url=slack_server.url)
    script = ([{}] * 4                         # the outlet's usual: 8 good articles a run
              + [{"broken": True}] * 3         # a redesign: every body empty
              + [{}]                           # fixed: healthy again, the episode ends
              + [{"articles": 0}] * 3)         # the feed runs dry: 0 articles, runs 9-11
    verdicts = []
    for run, options in enumerate(script, start=1):
        run_id = ingest_run(db_path, config, run, **options)
        [check] = check_outlets(db_path, run_id, [OUTLET], START + timedelta(hours=run),
                                 HealthRules())
        verdicts.append((check.healthy, check.alert))
        deliver(db_path, target)

    assert verdicts == [
        (True, None), (True, None), (True, None), (True, None),
        (False, "opened"), (False, "ongoing"), (False, "ongoing"),
        (True, "ended"),
        (True, None),  # one low run is not yet a problem
        (False, "opened"), (False, "ongoing"),
    ]
    sent = posts(slack_server)
    assert len(sent) == 2
    assert f"`{OUTLET}` looks broken since run `run-05`" in sent[0]
    assert "8 of 8 articles with near-empty bodies (100%, limit 50%)" in sent[0]
    assert "0 articles, usually 8" in sent[1] and "run-10" in sent[1]
    assert "spiking" not in sent[0]  # an operations message, not a topic alert

    with read(db_path) as con:
        episodes = con.execute("""
            SELECT episode_id, status, attempts, slack_ts IS NOT NULL, ended_run_id
            FROM outlet_health_events ORDER BY started_at""").fetchall()
        checks = con.execute("""
            SELECT run_id, articles, quarantined, empty_bodies, usual_articles, episode_id
            FROM outlet_health_checks ORDER BY run_id""").fetchall()
    assert episodes == [(f"{OUTLET}:run-05", "sent", 1, True, "run-08"),
                        (f"{OUTLET}:run-10", "sent", 1, True, None)]
    assert checks[4] == ("run-05", 8, 8, 8, 8.0, f"{OUTLET}:run-05")
    assert checks[6][5] == f"{OUTLET}:run-05" and checks[7][5] is None

    # checking a run again, or delivering again, changes and sends nothing
    [again] = check_outlets(db_path, "run-11", [OUTLET], START, HealthRules())
    assert (again.healthy, again.alert) == (False, None)
    assert deliver(db_path, target) == []
    assert len(posts(slack_server)) == 2


def test_failing_fetches_without_slack_go_to_log_and_warehouse(tmp_path, caplog):
    db_path, config = tmp_path / "w.duckdb", load_config()
    for run in (1, 2, 3):
        run_id = ingest_run(db_path, config, run, articles=0, feed_error=True)
        [check] = check_outlets(db_path, run_id, [OUTLET], START + timedelta(hours=run),
                                 HealthRules())
    unreachable = "all 1 fetches failed, the last with: ConnectError"
    assert check.problems == [unreachable, "3 fetches failed in a row"]
    with caplog.at_level(logging.WARNING, logger="newswatch.outbox"):
        outcome = deliver(db_path, None)
    # the episode opened on the first run that reached nothing
    assert outcome == [{"episode_id": f"{OUTLET}:run-01", "status": "logged", "error": None}]
    assert "Slack is not configured" in caplog.text and unreachable in caplog.text
    with read(db_path) as con:
        stored = con.execute("SELECT status, problems, delivered_at IS NOT NULL "
                             "FROM outlet_health_events").fetchall()
    assert stored == [("logged", [unreachable], True)]


def profile(**changes: int | bool) -> dict:
    return {"articles": 10, "quarantined": 0, "empty_bodies": 0, "missing_dates": 0,
            "missing_titles": 0, "teasers": 0, "article_fetches": 10, "failed_fetches": 0,
            "fetches": 11, "fetch_error": None, "feeds_unchanged": False,
            "consecutive_failures": 0} | changes


def history(runs: int = 5, **changes: int | bool) -> list[dict]:
    return [{"articles": 10, "teasers": 0, "healthy": True, "feeds_unchanged": False,
             "low_count": False} | changes for _ in range(runs)]


def verdict(batch: dict, past: list[dict]) -> list[str]:
    return judge("r", OUTLET, START, batch, past, HealthRules()).problems


def test_thresholds():
    assert verdict(profile(), history()) == []
    assert verdict(profile(missing_dates=6), history()) == [
        "6 of 10 articles with no publication date (60%, limit 50%)"]
    assert verdict(profile(missing_titles=3), history()) == [
        "3 of 10 articles with no title (30%, limit 20%)"]
    assert verdict(profile(teasers=9), history()) == [
        "9 of 10 articles with teasers (90%, limit 80%)"]
    # a paywalled outlet is mostly teasers anyway
    assert verdict(profile(teasers=10), history(teasers=9)) == []
    # too small a batch to judge shares
    assert verdict(profile(articles=3, empty_bodies=3), history()) == []
    # a quiet feed (every source 304) is not a drop in count
    low = history(1, low_count=True) + history()
    assert verdict(profile(articles=0, feeds_unchanged=True), low) == []
    assert verdict(profile(articles=0), low) == ["0 articles, usually 10 (the run before was "
                                                 "low too)"]
    # a new outlet has no usual count yet
    assert verdict(profile(articles=0), history(2, low_count=True)) == []


def test_an_outlet_that_could_not_be_reached_is_unhealthy_and_says_why():
    refused = "http://127.0.0.1:9/rss: Connection refused"
    assert verdict(profile(articles=0, article_fetches=0, fetches=2, failed_fetches=2,
                           fetch_error=refused), history()) == [
        f"all 2 fetches failed, the last with: {refused}"]
    assert verdict(profile(articles=0, article_fetches=0, fetches=0), history()) == [
        "nothing was fetched (the outlet's task failed before its first fetch)"]
    # one fetch that answered is enough to be reachable
    assert verdict(profile(fetches=11, failed_fetches=10), history()) == []
