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

import numpy as np
import pandas as pd

from tasks.config import Config
from tasks.detect import Decision, Status, detect
from tasks.notify import SlackTarget, SpikeAlert, build_message, send
from tasks.outbox import deliver_outbox
from warehouse import db

EPISODE = (Status.alert, Status.ongoing, Status.follow_up)
CHART_BUCKETS = 48
ALERT_EVENT = "newswatch_alert"  # the Slack message metadata event type of an alert


@dataclass
class Counts:
    """Stories per topic on a regular bucket grid, and all stories per bucket."""

    grid: pd.DatetimeIndex
    topics: dict[str, np.ndarray]
    totals: np.ndarray
    snapshot: db.Snapshot = field(default_factory=lambda: db.Snapshot(datetime.now(UTC)))


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
                       time_bucket(to_seconds(?), coalesce(published_at, loaded_at),
                                   TIMESTAMPTZ '1970-01-01 00:00:00+00') AS bucket
                FROM articles
                WHERE coalesce(published_at, loaded_at) BETWEEN ? AND ?
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


def decide(counts: Counts, config: Config, bucket: timedelta) -> dict[str, list[Decision]]:
    detector = config.settings.alerts.detector
    stamps = list(counts.grid.to_pydatetime())
    return {topic: detect(stamps, values, detector, totals=counts.totals, bucket=bucket)
            for topic, values in counts.topics.items()}


def store_decisions(db_path: Path, decisions: dict[str, list[Decision]]) -> None:
    now = datetime.now(UTC)
    frame = pd.DataFrame([
        {"topic": topic, "bucket_start": d.timestamp, "observed": d.value,
         "expected": None if np.isnan(d.expected) else d.expected,
         "score": None if np.isnan(d.score) else d.score, "status": str(d.status),
         "reason": d.reason, "decided_at": now}
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
                decided_at = i.decided_at
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


def plan(decisions: dict[str, list[Decision]], recent: int = 2) -> list[Planned]:
    """What the latest `recent` buckets call for: an open episode gets its alert (even if
    it began earlier, e.g. before the first run), a grown one a follow-up, a closed one
    its 'ended' note. Ids are stable, so planning again plans the same rows."""
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
            if d.status == Status.ended:
                planned.append(Planned(f"{episode}:ended", episode, "ended", topic,
                                       start.timestamp, d))
                start = None
    unique = {p.alert_id: p for p in planned}
    return list(unique.values())


def collection_caveat(counts: Counts, at: datetime, days: int = 7) -> str | None:
    """A warning when our own collection in the alert's bucket is far from its usual
    volume at that hour: outlets failing, or a new outlet or backfill inflating it."""
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
    if ratio < 0.5:
        return (f"Our own collection is at {ratio:.0%} of its usual volume for this hour "
                f"({counts.totals[i]:.0f} vs {usual:.0f} stories): outlets may be failing.")
    if ratio > 2:
        return (f"We collected {ratio:.1f}x the usual volume for this hour ({counts.totals[i]:.0f}"
                f" vs {usual:.0f} stories): a new outlet or a backfill may inflate the count.")
    return None


def _timestamptz(moment: datetime) -> str:
    return f"TIMESTAMPTZ '{moment.astimezone(UTC):%Y-%m-%d %H:%M:%S.%f}+00'"


def count_query(topic: str, start: datetime, bucket: timedelta, until: datetime,
                snapshot: db.Snapshot) -> str:
    """DuckDB SQL returning the stories `count_stories` counted for `topic` in the bucket
    at `start`, as of `until` (the current bucket is cut there, as the detector saw it),
    on the warehouse as it was at `snapshot`: DuckLake reads that snapshot
    (`AT (VERSION => id)`); the file backend counts only articles loaded by then."""
    end = start + bucket
    stop = f"< {_timestamptz(end)}" if until >= end else f"<= {_timestamptz(until)}"
    name = topic.replace("'", "''")
    at = f" AT (VERSION => {snapshot.version})" if snapshot.version is not None else ""
    loaded = ("" if snapshot.version is not None
              else f"\n  AND a.loaded_at <= {_timestamptz(snapshot.read_at)}")
    return (
        "SELECT count(DISTINCT coalesce(a.story_id, a.url_hash)) AS stories\n"
        f"FROM articles AS a{at} JOIN article_topics AS t{at} USING (url_hash)\n"
        f"WHERE t.topic = '{name}'\n"
        f"  AND coalesce(a.published_at, a.loaded_at) >= {_timestamptz(start)}\n"
        f"  AND coalesce(a.published_at, a.loaded_at) {stop}{loaded};"
    )


def evidence(db_path: Path, config: Config, item: Planned, counts: Counts,
             bucket: timedelta, until: datetime) -> SpikeAlert:
    """The numbers, headlines and co-occurring topics an alert shows, from the warehouse."""
    limit = config.settings.alerts.top_headlines
    with db.read(db_path) as con:
        articles, stories, outlets = con.execute("""
            SELECT count(*), count(DISTINCT coalesce(a.story_id, a.url_hash)),
                   count(DISTINCT a.outlet)
            FROM articles a JOIN article_topics t USING (url_hash)
            WHERE t.topic = ? AND coalesce(a.published_at, a.loaded_at) BETWEEN ? AND ?
        """, [item.topic, item.start, until]).fetchone()
        headlines = con.execute("""
            SELECT title, url, outlet, published_at FROM (
                SELECT a.*, t.weight, row_number() OVER (
                    PARTITION BY coalesce(a.story_id, a.url_hash)
                    ORDER BY t.weight DESC, a.published_at) AS copy
                FROM articles a JOIN article_topics t USING (url_hash)
                WHERE t.topic = ? AND coalesce(a.published_at, a.loaded_at) BETWEEN ? AND ?
            ) WHERE copy = 1
            ORDER BY weight DESC, published_at DESC LIMIT ?
        """, [item.topic, item.start, until, limit]).fetchall()
        co_topics = con.execute("""
            SELECT o.topic, count(DISTINCT coalesce(a.story_id, a.url_hash)) AS stories
            FROM articles a JOIN article_topics t USING (url_hash)
                JOIN article_topics o ON o.url_hash = a.url_hash AND o.topic <> t.topic
            WHERE t.topic = ? AND coalesce(a.published_at, a.loaded_at) BETWEEN ? AND ?
            GROUP BY o.topic ORDER BY stories DESC, o.topic LIMIT 5
        """, [item.topic, item.start, until]).fetchall()
        thread = con.execute(
            "SELECT slack_ts FROM alerts WHERE alert_id = ?", [item.episode_id]).fetchone()
    labels = {t.name: t.label for t in config.topics}
    label = labels.get(item.topic, item.topic)
    series = counts.topics[item.topic]
    volume = list(zip(counts.grid[-CHART_BUCKETS:].to_pydatetime(),
                      series[-CHART_BUCKETS:].tolist(), strict=True))
    d = item.decision
    return SpikeAlert(
        alert_id=item.alert_id, topic=item.topic, topic_label=label,
        bucket_start=d.timestamp, bucket_minutes=int(bucket.total_seconds() // 60),
        observed=float(d.value), expected=float(d.expected), score=float(d.score),
        articles=articles, stories=stories, outlets=outlets,
        headlines=[{"title": t, "url": u, "outlet": o, "published_at": p}
                   for t, u, o, p in headlines],
        volume=volume, kind=item.kind,
        thread_ts=thread[0] if thread and item.kind != "alert" else None,
        caveat=collection_caveat(counts, d.timestamp),
        co_topics=[(labels.get(topic, topic), n) for topic, n in co_topics],
        query=count_query(item.topic, d.timestamp, bucket, until, counts.snapshot),
    )


def write_outbox(db_path: Path, items: list[tuple[Planned, SpikeAlert]],
                 snapshot: db.Snapshot | None = None) -> int:
    """Add the planned alerts not yet in the outbox, with the warehouse snapshot their
    counts were read at; returns how many were new."""
    now = datetime.now(UTC)
    added = 0
    with db.write(db_path) as con:
        for item, alert in items:
            if con.execute("SELECT 1 FROM alerts WHERE alert_id = ?",
                           [alert.alert_id]).fetchone():
                continue
            message = build_message(alert)
            con.execute("""
                INSERT INTO alerts (alert_id, topic, kind, episode_id, bucket_start, observed,
                    expected, score, articles, stories, outlets, message, status, created_at,
                    counted_at, snapshot_id)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'pending', ?, ?, ?)
            """, [alert.alert_id, alert.topic, alert.kind, item.episode_id, alert.bucket_start,
                  alert.observed, alert.expected, alert.score, alert.articles, alert.stories,
                  alert.outlets, json.dumps({"alert": _alert_json(alert), **message}),
                  now, snapshot and snapshot.read_at,
                  snapshot and snapshot.version])
            added += 1
    return added


def _alert_json(alert: SpikeAlert) -> dict:
    return {
        "alert_id": alert.alert_id, "topic": alert.topic, "topic_label": alert.topic_label,
        "bucket_start": alert.bucket_start.isoformat(), "bucket_minutes": alert.bucket_minutes,
        "observed": alert.observed, "expected": alert.expected, "score": alert.score,
        "articles": alert.articles, "stories": alert.stories, "outlets": alert.outlets,
        "headlines": [{**h, "published_at": h["published_at"].isoformat()
                       if h.get("published_at") else None} for h in alert.headlines],
        "volume": [[t.isoformat(), v] for t, v in alert.volume],
        "kind": alert.kind, "caveat": alert.caveat,
        "co_topics": [list(c) for c in alert.co_topics], "query": alert.query,
    }


def _alert_from_json(data: dict, thread_ts: str | None) -> SpikeAlert:
    return SpikeAlert(
        **{**data,
           "bucket_start": datetime.fromisoformat(data["bucket_start"]),
           "headlines": [{**h, "published_at": datetime.fromisoformat(h["published_at"])
                          if h.get("published_at") else None} for h in data["headlines"]],
           "volume": [(datetime.fromisoformat(t), v) for t, v in data["volume"]],
           "co_topics": [tuple(c) for c in data.get("co_topics", [])],
           "thread_ts": thread_ts})


def deliver(db_path: Path, target: SlackTarget | None) -> list[dict]:
    """Send the outbox's pending alerts, oldest first; follow-ups go into the thread of
    their episode's first message."""
    return deliver_outbox(
        db_path, "alerts", "alert_id", ALERT_EVENT, target,
        post=lambda payload, metadata, thread: send(
            _alert_from_json(payload["alert"], thread), target, metadata),
        thread_of=lambda alert_id: _thread_of(db_path, alert_id))


def _thread_of(db_path: Path, alert_id: str) -> str | None:
    """The Slack ts of the first message of the alert's episode, for a follow-up."""
    with db.read(db_path) as con:
        row = con.execute("""
            SELECT e.slack_ts FROM alerts a JOIN alerts e ON e.alert_id = a.episode_id
            WHERE a.alert_id = ? AND a.episode_id <> a.alert_id
        """, [alert_id]).fetchone()
    return row[0] if row else None
