"""From the warehouse to the Slack outbox: count stories per topic and bucket, run the
detector, keep every decision, and turn episodes into outbox rows (alert, follow-up,
ended), each with a stable id so that it is written, and so delivered, once
(`tasks.outbox`).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from tasks.alert_message import SpikeAlert, build_message
from tasks.config import Config
from tasks.detect import Decision, Status, detect
from tasks.drivers import Text, drivers
from tasks.notify import SlackTarget
from tasks.outbox import Outbox, deliver_outbox
from warehouse import db

if TYPE_CHECKING:  # a duckdb class held in module globals leaks at exit under Prefect
    from duckdb import DuckDBPyConnection

EPISODE = (Status.alert, Status.ongoing, Status.follow_up)
CHART_BUCKETS = 48
ALERTS = Outbox("alerts", "alert_id", "newswatch_alert")


@dataclass
class Counts:
    """Stories per topic on a regular bucket grid, and all stories per bucket."""

    grid: pd.DatetimeIndex
    topics: dict[str, np.ndarray]
    totals: np.ndarray
    snapshot: db.Snapshot = field(default_factory=lambda: db.Snapshot(datetime.now(UTC)))

    @property
    def span(self) -> timedelta:
        """From the first bucket's start to the last one's end."""
        step = self.grid[1] - self.grid[0] if len(self.grid) > 1 else pd.Timedelta(hours=1)
        return (self.grid[-1] - self.grid[0] + step).to_pytimedelta()


def floor_time(moment: datetime, bucket: timedelta) -> datetime:
    epoch = datetime(1970, 1, 1, tzinfo=UTC)
    return epoch + (moment - epoch) // bucket * bucket


def count_stories(db_path: Path, topics: list[str], bucket: timedelta, since: datetime,
                  until: datetime) -> Counts:
    """Independent stories (syndicated copies count once) per topic and bucket."""
    grid = pd.date_range(floor_time(since, bucket), floor_time(until, bucket), freq=bucket)
    seconds = int(bucket.total_seconds())
    with db.read(db_path) as con:
        snapshot = db.current_snapshot(con)
        rows = con.execute("""
            WITH a AS (
                SELECT url_hash, coalesce(story_id, url_hash) AS story,
                       time_bucket(to_seconds(?), counts_at,
                                   TIMESTAMPTZ '1970-01-01 00:00:00+00') AS bucket
                FROM articles
                WHERE counts_at BETWEEN ? AND ?
            )
            SELECT t.topic, epoch(a.bucket)::BIGINT AS bucket, count(DISTINCT a.story) AS n
            FROM a JOIN article_topics t USING (url_hash) GROUP BY ALL
            UNION ALL
            SELECT NULL, epoch(bucket)::BIGINT, count(DISTINCT story) FROM a GROUP BY ALL
        """, [seconds, since, until]).df()
    # bucket starts to grid positions by arithmetic: no per-row datetime conversion
    position = (rows["bucket"].to_numpy() - int(grid[0].timestamp())) // seconds
    rows = rows.assign(i=position)[(position >= 0) & (position < len(grid))]
    series = {topic: np.zeros(len(grid)) for topic in topics}
    totals = np.zeros(len(grid))
    for topic, group in rows.groupby(rows["topic"].fillna(""), sort=False):
        target = totals if topic == "" else series.get(topic)
        if target is not None:
            target[group["i"].to_numpy()] = group["n"].to_numpy()
    return Counts(grid, series, totals, snapshot)


def decide(counts: Counts, config: Config, bucket: timedelta,
           alerted: dict[str, list[datetime]] | None = None) -> dict[str, list[Decision]]:
    """The detector's decisions per topic; `alerted` (see `alerted_buckets`) keeps the
    episodes whose alert is already in the outbox open."""
    stamps = list(counts.grid.to_pydatetime())
    return {topic: detect(stamps, values, config.detector_for(topic), totals=counts.totals,
                          bucket=bucket, alerted=(alerted or {}).get(topic, ()))
            for topic, values in counts.topics.items()}


def alerted_buckets(db_path: Path, since: datetime) -> dict[str, list[datetime]]:
    """Per topic, the buckets since `since` whose episode alert is in the outbox (sent or
    not yet): they stay alerts whatever a later, fuller count of the bucket says."""
    with db.read(db_path) as con:
        rows = con.execute(
            "SELECT topic, bucket_start FROM alerts WHERE kind = 'alert' AND bucket_start >= ?",
            [since]).fetchall()
    alerted: dict[str, list[datetime]] = {}
    for topic, start in rows:
        alerted.setdefault(topic, []).append(start)
    return alerted


def count_and_decide(db_path: Path, config: Config, topics: list[str], since: datetime,
                     until: datetime, *, from_first_story: bool = False,
                     alerted: dict[str, list[datetime]] | None = None
                     ) -> tuple[Counts, dict[str, list[Decision]]]:
    """The alerts flow's counting and detection: independent stories per topic and
    configured bucket from `since` to `until`, and the detector's decisions on them.

    `from_first_story` starts the grid at the first bucket holding any story, so that a
    long look back (a backtest) does not feed the detector empty history. `alerted`: see
    `decide`."""
    bucket = timedelta(minutes=config.settings.alerts.bucket_minutes)
    counts = count_stories(db_path, topics, bucket, since, until)
    if from_first_story:
        first = next((i for i, total in enumerate(counts.totals) if total), 0)
        counts = Counts(counts.grid[first:],
                        {topic: values[first:] for topic, values in counts.topics.items()},
                        counts.totals[first:])
    return counts, decide(counts, config, bucket, alerted)


def store_decisions(db_path: Path, decisions: dict[str, list[Decision]]) -> None:
    now = datetime.now(UTC)
    frame = pd.DataFrame([
        {"topic": topic, "bucket_start": d.timestamp, "observed": d.value,
         "expected": None if np.isnan(d.expected) else d.expected,
         "score": None if np.isnan(d.score) else d.score, "status": str(d.status),
         "reason": d.reason, "decided_at": now, "return_period": d.return_period,
         "threshold_period": d.threshold_period}
        for topic, items in decisions.items() for d in items
    ])
    if frame.empty:
        return
    with db.write(db_path) as con:
        con.register("incoming", frame)
        con.execute("""
            MERGE INTO spike_decisions d USING incoming i
                ON d.topic = i.topic AND d.bucket_start = i.bucket_start
            WHEN MATCHED THEN UPDATE SET observed = i.observed, expected = i.expected,
                score = i.score, status = i.status, reason = i.reason,
                decided_at = i.decided_at, return_period = i.return_period,
                threshold_period = i.threshold_period
            WHEN NOT MATCHED THEN INSERT BY NAME
        """)


@dataclass
class Planned:
    """An outbox row to write: which episode, which kind, and the decision behind it."""

    alert_id: str
    episode_id: str
    kind: str  # alert | update | ended
    topic: str
    start: datetime
    decision: Decision


def episode_id(topic: str, start: datetime) -> str:
    return f"{topic}:{start:%Y%m%dT%H%M}"


def plan(decisions: dict[str, list[Decision]], recent: int = 2,
         counting: datetime | None = None) -> list[Planned]:
    """What the latest `recent` buckets call for: an open episode gets its alert (even if
    it began earlier, e.g. before the first run), a grown one a follow-up, a closed one
    its 'ended' note. Ids are stable, so planning again plans the same rows.

    `counting` is the start of the bucket still being counted: an episode that reads as
    over there, on its first minutes, is only said to be over once that bucket is whole."""
    planned = []
    for topic, items in decisions.items():
        start: Decision | None = None
        for i, d in enumerate(items):
            if d.status == Status.alert:
                start = d
            if start is None or i < len(items) - recent:
                if d.status == Status.ended:
                    start = None
                continue
            episode = episode_id(topic, start.timestamp)
            if d.status in EPISODE:
                planned.append(Planned(episode, episode, "alert", topic, start.timestamp, start))
            if d.status == Status.follow_up:
                planned.append(Planned(f"{episode}:update:{d.timestamp:%Y%m%dT%H%M}", episode,
                                       "update", topic, start.timestamp, d))
            if d.status == Status.ended and d.timestamp != counting:
                planned.append(Planned(f"{episode}:ended", episode, "ended", topic,
                                       start.timestamp, d))
                start = None
    unique = {p.alert_id: p for p in planned}
    return list(unique.values())


def collection_caveat(counts: Counts, at: datetime, days: int = 7,
                      whole: bool = True) -> str | None:
    """A warning when our own collection in the alert's bucket is far from its usual
    volume at that hour: outlets failing, or a new outlet or backfill inflating it. A
    bucket still being counted (not `whole`) is short of its usual volume by nature, so
    only an excess is flagged there."""
    stamp = pd.Timestamp(at)
    if stamp not in counts.grid:
        return None
    i = counts.grid.get_loc(stamp)
    per_day = round(timedelta(days=1) / (counts.grid[1] - counts.grid[0])) if i else 0
    past = [counts.totals[i - k * per_day] for k in range(1, days + 1) if per_day and
            i - k * per_day >= 0]
    usual = float(np.median(past)) if past else 0.0
    if usual < 5:
        return None
    ratio = counts.totals[i] / usual
    if ratio < 0.5 and whole:
        return (f"Our own collection is at {ratio:.0%} of its usual volume for this hour "
                f"({counts.totals[i]:.0f} vs {usual:.0f} stories): outlets may be failing.")
    if ratio > 2:
        return (f"We collected {ratio:.1f}x the usual volume for this hour ({counts.totals[i]:.0f}"
                f" vs {usual:.0f} stories): a new outlet or a backfill may inflate the count.")
    return None


def _timestamptz(moment: datetime) -> str:
    return f"TIMESTAMPTZ '{moment.astimezone(UTC):%Y-%m-%d %H:%M:%S.%f}+00'"


def count_query(topic: str, start: datetime, end: datetime, until: datetime,
                snapshot: db.Snapshot) -> str:
    """DuckDB SQL returning the stories `count_stories` counted for `topic` from `start` to
    the bucket end `end`, as of `until` (the current bucket is cut there, as the detector
    saw it), on the warehouse as it was at `snapshot`: DuckLake reads that snapshot
    (`AT (VERSION => id)`); the file backend counts only articles loaded by then."""
    stop = f"< {_timestamptz(end)}" if until >= end else f"<= {_timestamptz(until)}"
    name = topic.replace("'", "''")
    at = f" AT (VERSION => {snapshot.version})" if snapshot.version is not None else ""
    loaded = ("" if snapshot.version is not None
              else f"\n  AND a.loaded_at <= {_timestamptz(snapshot.read_at)}")
    return (
        "SELECT count(DISTINCT coalesce(a.story_id, a.url_hash)) AS stories\n"
        f"FROM articles AS a{at} JOIN article_topics AS t{at} USING (url_hash)\n"
        f"WHERE t.topic = '{name}'\n"
        f"  AND a.counts_at >= {_timestamptz(start)}\n"
        f"  AND a.counts_at {stop}{loaded};"
    )


def evidence(db_path: Path, config: Config, item: Planned, counts: Counts,
             decisions: list[Decision], bucket: timedelta, until: datetime) -> SpikeAlert:
    """The numbers, headlines, drivers and co-occurring topics an alert shows, from the
    warehouse; `decisions` are the topic's, for the expected level per bucket."""
    limit = config.settings.alerts.top_headlines
    episode = [item.topic, item.start, until]
    with db.read(db_path) as con:
        articles, stories, outlets = con.execute("""
            SELECT count(*), count(DISTINCT coalesce(a.story_id, a.url_hash)),
                   count(DISTINCT a.outlet)
            FROM articles a JOIN article_topics t USING (url_hash)
            WHERE t.topic = ? AND a.counts_at BETWEEN ? AND ?
        """, episode).fetchone()
        headlines = con.execute("""
            SELECT title, url, coalesce(o.display_name, a.outlet), published_at,
                   published_date_only FROM (
                SELECT a.*, t.weight, row_number() OVER (
                    PARTITION BY coalesce(a.story_id, a.url_hash)
                    ORDER BY t.weight DESC, a.published_at) AS copy
                FROM articles a JOIN article_topics t USING (url_hash)
                WHERE t.topic = ? AND a.counts_at BETWEEN ? AND ?
            ) a LEFT JOIN outlets o ON o.name = a.outlet
            WHERE copy = 1
            ORDER BY weight DESC, published_at DESC LIMIT ?
        """, [*episode, limit]).fetchall()
        co_topics = con.execute("""
            SELECT o.topic, count(DISTINCT coalesce(a.story_id, a.url_hash)) AS stories
            FROM articles a JOIN article_topics t USING (url_hash)
                JOIN article_topics o ON o.url_hash = a.url_hash AND o.topic <> t.topic
            WHERE t.topic = ? AND a.counts_at BETWEEN ? AND ?
            GROUP BY o.topic ORDER BY stories DESC, o.topic LIMIT 5
        """, episode).fetchall()
        thread = con.execute(
            "SELECT slack_ts FROM alerts WHERE alert_id = ?", [item.episode_id]).fetchone()
        new_terms = ([] if item.kind == "ended" else
                     drivers(story_texts(con, item.topic, item.start, until),
                             story_texts(con, item.topic, until - counts.span, item.start),
                             config.settings.languages))
    labels = {t.name: t.label for t in config.topics}
    label = labels.get(item.topic, item.topic)
    series = counts.topics[item.topic]
    volume = list(zip(counts.grid[-CHART_BUCKETS:].to_pydatetime(),
                      series[-CHART_BUCKETS:].tolist(), strict=True))
    # a scoring window of several buckets expects its count over all of them
    baseline = [(e.timestamp, e.expected * (bucket / e.window)) for e in decisions[-CHART_BUCKETS:]
                if np.isfinite(e.expected)]
    d = item.decision
    bucket_end = d.timestamp + bucket
    counted_from = bucket_end - d.window
    return SpikeAlert(
        alert_id=item.alert_id, topic=item.topic, topic_label=label,
        bucket_start=d.timestamp, bucket_minutes=int(bucket.total_seconds() // 60),
        observed=d.window_count, expected=float(d.expected), score=float(d.score),
        counted_from=counted_from, counted_to=min(bucket_end, until),
        articles=articles, stories=stories, outlets=outlets,
        headlines=[{"title": t, "url": u, "outlet": o, "published_at": p,
                    "published_date_only": bool(day)} for t, u, o, p, day in headlines],
        volume=volume, kind=item.kind,
        thread_ts=thread[0] if thread and item.kind != "alert" else None,
        caveat=collection_caveat(counts, d.timestamp, whole=bucket_end <= until),
        co_topics=[(labels.get(topic, topic), n) for topic, n in co_topics],
        query=count_query(item.topic, counted_from, bucket_end, until, counts.snapshot),
        episode_start=item.start, drivers=new_terms,
        baseline=baseline,
        return_period=d.return_period, threshold_period=d.threshold_period,
    )


def story_texts(con: DuckDBPyConnection, topic: str, since: datetime, until: datetime,
                limit: int = 3000) -> list[Text]:
    """Title, standfirst and lead (first paragraph) of each story of the topic published
    in [since, until), one text per story, newest first."""
    rows = con.execute("""
        SELECT concat_ws('. ', title, subtitle, left(split_part(body, chr(10) || chr(10), 1),
                                                     600)), language
        FROM (SELECT a.*, row_number() OVER (PARTITION BY coalesce(a.story_id, a.url_hash)
                                             ORDER BY a.published_at) AS copy
              FROM articles a JOIN article_topics t USING (url_hash)
              WHERE t.topic = ? AND a.counts_at >= ?
                AND a.counts_at < ?)
        WHERE copy = 1 ORDER BY counts_at DESC LIMIT ?
    """, [topic, since, until, limit]).fetchall()
    return [Text(text, language) for text, language in rows]


def write_outbox(db_path: Path, items: list[tuple[Planned, SpikeAlert]],
                 snapshot: db.Snapshot | None = None) -> int:
    """Add the planned alerts not yet in the outbox, each with its Slack message built
    once, chart included, and the warehouse snapshot their counts were read at; returns
    how many were new."""
    now = datetime.now(UTC)
    with db.write(db_path) as con:  # a write connection: it creates a new warehouse
        known = {row[0] for row in con.execute(
            "SELECT alert_id FROM alerts WHERE list_contains(?, alert_id)",
            [[alert.alert_id for _, alert in items]]).fetchall()}
    added = 0
    for item, alert in items:
        if alert.alert_id in known:
            continue  # its message (and chart) is not rendered again
        message = build_message(alert)  # outside the write lock: the chart takes a moment
        with db.write(db_path) as con:
            con.execute("""
                INSERT INTO alerts (alert_id, topic, kind, episode_id, bucket_start, observed,
                    expected, score, articles, stories, outlets, message, status, created_at,
                    counted_at, snapshot_id)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'pending', ?, ?, ?)
            """, [alert.alert_id, alert.topic, alert.kind, item.episode_id, alert.bucket_start,
                  alert.observed, alert.expected, alert.score, alert.articles, alert.stories,
                  alert.outlets, json.dumps(message), now, snapshot and snapshot.read_at,
                  snapshot and snapshot.version])
        added += 1
    return added


def detect_and_plan(db_path: Path, config: Config, now: datetime) -> dict[str, int]:
    """The alerts flow's detection: count and decide over the configured window to `now`,
    keep the decisions, and add the alerts they call for to the outbox."""
    bucket = timedelta(minutes=config.settings.alerts.bucket_minutes)
    since = now - timedelta(days=config.settings.alerts.window_days)
    counts, decisions = count_and_decide(db_path, config, [t.name for t in config.topics],
                                         since, now, alerted=alerted_buckets(db_path, since))
    store_decisions(db_path, decisions)
    planned = plan(decisions, counting=floor_time(now, bucket))
    items = [(p, evidence(db_path, config, p, counts, decisions[p.topic], bucket, now))
             for p in planned]
    added = write_outbox(db_path, items, counts.snapshot)
    return {"topics": len(decisions), "planned": len(planned), "new_alerts": added}


def deliver(db_path: Path, target: SlackTarget | None,
            now: datetime | None = None) -> list[dict]:
    """Send the outbox's due alerts as stored, oldest first; follow-ups go into the
    thread of their episode's first message."""
    return deliver_outbox(db_path, ALERTS, target,
                          thread_of=lambda alert_id: _thread_of(db_path, alert_id), now=now)


def _thread_of(db_path: Path, alert_id: str) -> str | None:
    """The Slack ts of the first message of the alert's episode, for a follow-up."""
    with db.read(db_path) as con:
        row = con.execute("""
            SELECT e.slack_ts FROM alerts a JOIN alerts e ON e.alert_id = a.episode_id
            WHERE a.alert_id = ? AND a.episode_id <> a.alert_id
        """, [alert_id]).fetchone()
    return row[0] if row else None
