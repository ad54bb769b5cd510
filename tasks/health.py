"""Outlet health: batch-level checks that catch a broken scraper or feed the day it breaks.

After an ingest run's loads, each outlet's batch is profiled from the warehouse (its
articles and quarantine rows of the run, its fetches) and judged by `HealthRules`
(`health:` in settings.yaml): shares of near-empty bodies, missing dates, missing titles
and teasers; an article count far below the outlet's usual on two runs in a row;
consecutive fetch failures (the `outlet_health` view). Every check is stored with its
numbers (`outlet_health_checks`).

The first unhealthy check opens an episode (`outlet_health_events`), which is also the
outbox row of its one operations alert; later unhealthy checks join it, and the first
healthy one ends it. So an outlet gets one alert per episode, and a new one only after it
recovered and broke again. Delivery goes through the same outbox as the topic alerts
(`tasks.outbox`); with no Slack configured the alert goes to the log and
the row is marked 'logged'.

These checks are four shares and two counts over data already in the warehouse, so they
are plain SQL and Python rather than a second GX suite: no GX call per outlet, and the
count and failure checks need history that a GX batch does not hold.
"""

from __future__ import annotations

import json
import statistics
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tasks.config import HealthRules
from tasks.mrkdwn import code, escape
from tasks.notify import SlackTarget
from tasks.outbox import Outbox, deliver_outbox
from warehouse import db

if TYPE_CHECKING:  # a duckdb class held in module globals leaks at exit under Prefect
    from duckdb import DuckDBPyConnection

OPS_ALERTS = Outbox("outlet_health_events", "episode_id", "newswatch_ops_alert",
                    created="started_at", reported=False)


@dataclass
class HealthCheck:
    """One outlet's batch in one run, with the numbers it was judged on."""

    run_id: str
    outlet: str
    checked_at: datetime
    articles: int
    quarantined: int
    empty_bodies: int
    missing_dates: int
    missing_titles: int
    teasers: int
    article_fetches: int
    failed_fetches: int
    # feeds, sitemaps, listings and articles: robots.txt answers for the host, not for the
    # outlet's news, so a feed gone 404 behind a good robots.txt is still all failed
    fetches: int
    fetch_error: str | None  # the last failed fetch's error
    feeds_unchanged: bool
    consecutive_failures: int
    usual_articles: float | None
    low_count: bool
    problems: list[str]
    healthy: bool
    episode_id: str | None = None
    alert: str | None = None  # "opened" | "ongoing" | "ended" | None


@dataclass
class RunSummary:
    """An ingest run in one line, from its outlets' checks: a run that reached nothing must
    not look like a quiet news day."""

    outlets: int
    reachable: int  # outlets with at least one fetch that did not fail
    articles: int  # loaded
    quarantined: int
    failed_fetches: int

    @classmethod
    def of(cls, checks: list[HealthCheck]) -> RunSummary:
        return cls(outlets=len(checks),
                   reachable=sum(c.fetches > c.failed_fetches for c in checks),
                   articles=sum(c.articles - c.quarantined for c in checks),
                   quarantined=sum(c.quarantined for c in checks),
                   failed_fetches=sum(c.failed_fetches for c in checks))

    @property
    def line(self) -> str:
        return (f"outlets reachable {self.reachable}/{self.outlets}, articles {self.articles}, "
                f"quarantined {self.quarantined}, failed fetches {self.failed_fetches}")

    def failed(self, min_reachable_share: float) -> bool:
        """No outlet answered, or fewer than `min_reachable_share` of them."""
        return self.outlets > 0 and (
            self.reachable == 0 or self.reachable < min_reachable_share * self.outlets)


def check_outlets(db_path: Path, run_id: str, outlets: Iterable[str], now: datetime,
                  rules: HealthRules) -> list[HealthCheck]:
    """Judge and store each outlet's batch of `run_id`; opens and ends episodes.

    Checking a run again returns the stored verdicts and changes nothing.
    """
    with db.read(db_path) as con:
        checks = [judge(run_id, outlet, now, _profile(con, run_id, outlet, rules.empty_words),
                        _history(con, outlet, run_id, rules.history_runs), rules)
                  for outlet in outlets]
    with db.write(db_path) as con:
        return [_store(con, check) for check in checks]


def judge(run_id: str, outlet: str, now: datetime, profile: dict[str, Any],
          history: list[dict[str, Any]], rules: HealthRules) -> HealthCheck:
    """The verdict on one batch from its numbers and the outlet's earlier checks (newest
    first); pure, so the thresholds can be tested without a warehouse."""
    n = profile["articles"]
    problems = []
    if n >= rules.min_articles:
        shares = [
            ("empty_bodies", "near-empty bodies", rules.max_empty_share),
            ("missing_dates", "no publication date", rules.max_missing_date_share),
            ("missing_titles", "no title", rules.max_missing_title_share),
        ]
        usual_teasers = statistics.median(
            [h["teasers"] / h["articles"] for h in history if h["articles"]] or [0.0])
        if usual_teasers < rules.max_teaser_share / 2:
            shares.append(("teasers", "teasers", rules.max_teaser_share))
        for key, words, limit in shares:
            if profile[key] / n > limit:
                problems.append(f"{profile[key]} of {n} articles with {words} "
                                f"({profile[key] / n:.0%}, limit {limit:.0%})")

    baseline = [h["articles"] for h in history if h["healthy"] and not h["feeds_unchanged"]]
    usual = statistics.median(baseline) if len(baseline) >= rules.min_history else None
    low = (usual is not None and usual >= rules.min_usual and not profile["feeds_unchanged"]
           and n < rules.low_count_ratio * usual)
    if low and history and history[0]["low_count"]:
        problems.append(f"{n} articles, usually {usual:g} (the run before was low too)")

    if not profile["fetches"]:
        problems.append("nothing was fetched (the outlet's task failed before its first fetch)")
    elif profile["failed_fetches"] == profile["fetches"]:
        problems.append(f"all {profile['fetches']} fetches failed, the last with: "
                        f"{profile['fetch_error']}")
    if profile["consecutive_failures"] >= rules.max_consecutive_failures:
        problems.append(f"{profile['consecutive_failures']} fetches failed in a row")
    return HealthCheck(run_id=run_id, outlet=outlet, checked_at=now, **profile,
                       usual_articles=usual, low_count=low, problems=problems,
                       healthy=not problems)


def _profile(con: DuckDBPyConnection, run_id: str, outlet: str,
             empty_words: int) -> dict[str, Any]:
    """The run's batch of one outlet: its extracted articles, loaded or quarantined, and
    its fetches; every count is zero for an outlet whose run never reached the loader."""
    articles = con.execute("""
        WITH batch AS (
            SELECT false AS quarantined, word_count, title, published_at IS NULL AS undated,
                is_teaser
            FROM articles WHERE run_id = ? AND outlet = ?
            UNION ALL
            SELECT true, coalesce(TRY_CAST(record->>'word_count' AS INTEGER), 0),
                record->>'title', record->>'published_at' IS NULL,
                coalesce(TRY_CAST(record->>'is_teaser' AS BOOLEAN), false)
            FROM quarantine WHERE run_id = ? AND outlet = ?
        )
        SELECT count(*), count(*) FILTER (WHERE quarantined),
            count(*) FILTER (WHERE word_count < ?),
            count(*) FILTER (WHERE undated),
            count(*) FILTER (WHERE coalesce(trim(title), '') = ''),
            count(*) FILTER (WHERE is_teaser)
        FROM batch
    """, [run_id, outlet, run_id, outlet, empty_words]).fetchone()
    fetches = con.execute("""
        WITH f AS (
            SELECT *, error_class IS NOT NULL OR coalesce(status, 0) NOT BETWEEN 200 AND 399
                AS failed
            FROM fetch_log WHERE run_id = ? AND outlet = ? AND kind <> 'robots'
        )
        SELECT count(*) FILTER (WHERE kind = 'article'),
            count(*) FILTER (WHERE failed),
            count(*) FILTER (WHERE kind IN ('feed', 'sitemap', 'listing')) > 0
                AND bool_and(not_modified) FILTER (WHERE kind IN ('feed', 'sitemap',
                                                                  'listing')),
            count(*),
            arg_max(coalesce(error_message, error_class, 'HTTP ' || status), fetched_at)
                FILTER (WHERE failed)
        FROM f
    """, [run_id, outlet]).fetchone()
    streak = con.execute(
        "SELECT consecutive_failures FROM outlet_health WHERE outlet = ?", [outlet]
    ).fetchone()
    keys = ("articles", "quarantined", "empty_bodies", "missing_dates", "missing_titles",
            "teasers")
    return {**dict(zip(keys, articles, strict=True)), "article_fetches": fetches[0],
            "failed_fetches": fetches[1], "feeds_unchanged": bool(fetches[2]),
            "fetches": fetches[3], "fetch_error": fetches[4],
            "consecutive_failures": streak[0] if streak else 0}


def _history(con: DuckDBPyConnection, outlet: str, run_id: str,
             limit: int) -> list[dict[str, Any]]:
    result = con.execute("""
        SELECT articles, teasers, healthy, feeds_unchanged, low_count
        FROM outlet_health_checks WHERE outlet = ? AND run_id <> ?
        ORDER BY checked_at DESC LIMIT ?
    """, [outlet, run_id, limit])
    columns = [c[0] for c in result.description]
    return [dict(zip(columns, row, strict=True)) for row in result.fetchall()]


def _store(con: DuckDBPyConnection, check: HealthCheck) -> HealthCheck:
    """Store the check and open, join or end the outlet's episode."""
    stored = con.execute(
        "SELECT healthy, problems, episode_id FROM outlet_health_checks "
        "WHERE run_id = ? AND outlet = ?", [check.run_id, check.outlet]).fetchone()
    if stored:
        check.healthy, check.problems, check.episode_id = stored
        return check
    row = con.execute(
        "SELECT episode_id FROM outlet_health_events WHERE outlet = ? AND ended_at IS NULL",
        [check.outlet]).fetchone()
    episode = row[0] if row else None
    if check.healthy and episode:
        con.execute("UPDATE outlet_health_events SET ended_at = ?, ended_run_id = ? "
                    "WHERE episode_id = ?", [check.checked_at, check.run_id, episode])
        check.alert = "ended"
    elif not check.healthy and episode:
        check.episode_id, check.alert = episode, "ongoing"
    elif not check.healthy:
        check.episode_id, check.alert = f"{check.outlet}:{check.run_id}", "opened"
        con.execute("""
            INSERT INTO outlet_health_events (episode_id, outlet, started_at,
                started_run_id, problems, message)
            VALUES (?, ?, ?, ?, ?, ?)
        """, [check.episode_id, check.outlet, check.checked_at, check.run_id,
              check.problems, json.dumps(build_message(check))])
    values = {k: v for k, v in asdict(check).items() if k != "alert"}
    con.execute(f"INSERT INTO outlet_health_checks ({', '.join(values)}) "
                f"VALUES ({', '.join('?' * len(values))})", list(values.values()))
    return check


def build_message(check: HealthCheck) -> dict[str, Any]:
    """A plain operations message, unlike a topic alert: what is wrong and where to look."""
    outlet = code(check.outlet)
    problems = "\n".join(f"• {escape(p)}" for p in check.problems)
    footer = f"Newswatch · outlet health `{code(check.episode_id)}`"
    text = (f":warning: Newswatch operations: outlet `{outlet}` looks broken since run "
            f"`{code(check.run_id)}`\n{problems}\n"
            f"Rows it quarantined: `newswatch quarantine list --outlet {outlet}`. "
            "No further message until it is healthy again and breaks anew.")
    return {
        "text": text,
        "blocks": [
            {"type": "section", "text": {"type": "mrkdwn", "text": text}},
            {"type": "context", "elements": [{"type": "mrkdwn", "text": footer}]},
        ],
    }


def deliver(db_path: Path, target: SlackTarget | None,
            now: datetime | None = None) -> list[dict[str, Any]]:
    """Send the due operations alerts through the outbox, as topic alerts are sent; one
    given up on is logged as an error (a report of it would go to the same channel)."""
    return deliver_outbox(db_path, OPS_ALERTS, target, now=now)
