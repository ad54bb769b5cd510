"""The daily digest: one Slack message on the 24 hours before the run's hour: stories and
articles per topic against the usual day, the spikes alerted, and outlet health.

`gather` reads the warehouse, `build_message` is pure, and the digest goes through an
outbox like the alerts (`digests`, see `tasks.outbox`): its id names the day, so a
re-run or a Prefect retry on the same day posts nothing new. A digest Slack could not
take is tried again by the alerts flow's runs (the digest flow runs once a day) while it
is worth sending.
"""

from __future__ import annotations

import json
import statistics
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from tasks.config import Config
from tasks.mrkdwn import code, escape, fit, number, plural
from tasks.notify import SlackTarget
from tasks.outbox import DELIVERED, GIVEN_UP, WORTH_SENDING, Outbox, deliver_outbox
from warehouse import db

DIGESTS = Outbox("digests", "digest_id", "newswatch_digest")
DAY = timedelta(days=1)
USUAL_DAYS = 7  # the usual day: the median of the same 24 hours on this many days before
MAX_LINES = 15  # per part of the message


@dataclass
class TopicDay:
    topic: str
    label: str
    stories: int
    articles: int
    usual: float | None  # median stories on the days before that we collected anything


@dataclass
class SpikeDay:
    alert_id: str
    label: str
    bucket_start: datetime
    observed: float
    expected: float
    score: float
    status: str  # of the alert's delivery


@dataclass
class OutletDay:
    outlet: str
    articles: int  # published in the window (loaded, when the page gave no date)
    consecutive_failures: int
    open_since: datetime | None  # an unhealthy episode still open: since when
    problems: list[str]
    recovered_at: datetime | None  # an episode that ended in the window


@dataclass
class Digest:
    digest_id: str
    start: datetime
    end: datetime
    stories: int
    articles: int
    topics: list[TopicDay]
    spikes: list[SpikeDay]
    outlets: list[OutletDay]


def window_end(now: datetime) -> datetime:
    """The run's hour: the digest covers the 24 hours before it."""
    return now.astimezone(UTC).replace(minute=0, second=0, microsecond=0)


def gather(db_path: Path, config: Config, now: datetime) -> Digest:
    end = window_end(now)
    start = end - DAY
    labels = {t.name: t.label for t in config.topics}
    with db.read(db_path) as con:
        per_day = con.execute("""
            WITH a AS (
                SELECT url_hash, coalesce(story_id, url_hash) AS story,
                    CAST(floor((epoch(CAST(? AS TIMESTAMPTZ))
                                - epoch(counts_at)) / 86400)
                         AS INTEGER) AS days_ago
                FROM articles
                WHERE counts_at >= ?
                    AND counts_at < ?
            )
            SELECT t.topic, days_ago, count(DISTINCT story), count(*)
            FROM a JOIN article_topics t USING (url_hash) GROUP BY ALL
            UNION ALL
            SELECT NULL, days_ago, count(DISTINCT story), count(*) FROM a GROUP BY ALL
        """, [end, end - (USUAL_DAYS + 1) * DAY, end]).fetchall()
        spikes = con.execute("""
            SELECT alert_id, topic, bucket_start, observed, expected, score, status
            FROM alerts WHERE kind = 'alert' AND bucket_start >= ? AND bucket_start < ?
            ORDER BY score DESC, alert_id
        """, [start, end]).fetchall()
        outlets = con.execute("""
            SELECT o.name, coalesce(h.consecutive_failures, 0),
                (SELECT count(*) FROM articles a WHERE a.outlet = o.name
                    AND a.counts_at >= ?
                    AND a.counts_at < ?),
                e.started_at, e.problems, r.ended_at
            FROM outlets o
            LEFT JOIN outlet_health h ON h.outlet = o.name
            LEFT JOIN outlet_health_events e ON e.outlet = o.name AND e.ended_at IS NULL
            LEFT JOIN (SELECT outlet, max(ended_at) AS ended_at FROM outlet_health_events
                       WHERE ended_at >= ? AND ended_at < ? GROUP BY outlet) r
                ON r.outlet = o.name
            WHERE list_contains(?, o.name)  -- an outlet taken out of the config is not news
            ORDER BY o.name
        """, [start, end, start, end, config.outlet_names]).fetchall()
    return Digest(
        digest_id=f"digest:{end:%Y-%m-%d}", start=start, end=end,
        stories=sum(s for t, d, s, _ in per_day if t is None and d == 0),
        articles=sum(a for t, d, _, a in per_day if t is None and d == 0),
        topics=topic_days(per_day, labels),
        spikes=[SpikeDay(alert_id, labels.get(topic, topic), bucket, observed, expected,
                         score, status)
                for alert_id, topic, bucket, observed, expected, score, status in spikes],
        outlets=[OutletDay(name, articles, failures, since, list(problems or []), recovered)
                 for name, failures, articles, since, problems, recovered in outlets],
    )


def topic_days(per_day: list[tuple], labels: dict[str, str]) -> list[TopicDay]:
    """Per configured topic, the window's counts (day 0) and the usual day, busiest first."""
    collected = [d for t, d, s, _ in per_day if t is None and d > 0 and s > 0]
    counts = {(t, d): (s, a) for t, d, s, a in per_day if t is not None}
    days = []
    for topic, label in labels.items():
        stories, articles = counts.get((topic, 0), (0, 0))
        usual = (statistics.median(counts.get((topic, d), (0, 0))[0] for d in collected)
                 if collected else None)
        days.append(TopicDay(topic, label, stories, articles, usual))
    return sorted(days, key=lambda t: (-t.stories, -(t.usual or 0), t.topic))


def topic_line(day: TopicDay) -> str:
    if day.usual is None:
        usual = "no earlier days to compare"
    elif day.usual == 0:
        usual = "usually none"
    else:
        usual = f"usual {number(day.usual)}, ×{day.stories / day.usual:.1f}"
    return (f"• *{escape(day.label)}*: {plural(day.stories, 'story', 'stories')} ({usual}), "
            f"{plural(day.articles, 'article')}")


def spike_line(spike: SpikeDay) -> str:
    line = (f"• *{escape(spike.label)}* at {spike.bucket_start.astimezone(UTC):%a %H:%M} UTC: "
            f"{number(spike.observed)} stories vs {spike.expected:.1f} expected, "
            f"score {spike.score:.1f}")
    return line if spike.status in ("sent", "logged") else f"{line} (alert {spike.status})"


def outlet_line(outlet: OutletDay) -> str | None:
    """What is wrong with an outlet, or None when nothing is."""
    name = f"`{code(outlet.outlet)}`"
    if outlet.open_since is not None:
        problems = "; ".join(escape(p) for p in outlet.problems)
        since = outlet.open_since.astimezone(UTC)
        return f"• {name}: unhealthy since {since:%a %d %b %H:%M} UTC: {problems}"
    if outlet.consecutive_failures:
        return (f"• {name}: the last {plural(outlet.consecutive_failures, 'fetch', 'fetches')} "
                "failed")
    if outlet.articles == 0:
        return f"• {name}: no articles in these 24 hours"
    if outlet.recovered_at is not None:
        return f"• {name}: healthy again since {outlet.recovered_at.astimezone(UTC):%a %H:%M} UTC"
    return None


def build_message(digest: Digest) -> dict[str, Any]:
    """The digest as a Slack message: `{"text": fallback, "blocks": [...]}`."""
    title = f"Newswatch daily digest: 24 hours to {digest.end:%H:%M} UTC {digest.end:%a %d %b}"
    active = [t for t in digest.topics if t.stories or t.usual]
    quiet = [escape(t.label) for t in digest.topics if not (t.stories or t.usual)]
    topics = [topic_line(t) for t in active[:MAX_LINES]]
    if quiet:
        topics.append(f"Quiet: {', '.join(quiet)}")
    spikes = [spike_line(s) for s in digest.spikes[:MAX_LINES]] or ["No spikes."]
    if len(digest.spikes) > MAX_LINES:
        spikes.append(f"…and {len(digest.spikes) - MAX_LINES} more")
    notes = [line for line in map(outlet_line, digest.outlets) if line]
    troubled = sum(1 for o in digest.outlets
                   if o.open_since or o.consecutive_failures or not o.articles)
    health = [f"{len(digest.outlets) - troubled} of {len(digest.outlets)} outlets fine.",
              *notes[:MAX_LINES]]
    summary = (f"*{plural(digest.stories, 'story', 'stories')}* "
               f"({plural(digest.articles, 'article')}), "
               f"{plural(len(digest.spikes), 'spike')}, "
               f"{troubled} of {len(digest.outlets)} outlets with problems")

    def section(heading: str, lines: list[str]) -> dict[str, Any]:
        return {"type": "section",
                "text": {"type": "mrkdwn", "text": f"*{heading}*\n" + "\n".join(lines)}}

    return fit({
        "text": f"{title}: {summary.replace('*', '')}",
        "blocks": [
            {"type": "header", "text": {"type": "plain_text", "text": f":newspaper: {title}",
                                        "emoji": True}},
            {"type": "section", "text": {"type": "mrkdwn", "text": summary}},
            section("Topics", topics),
            section("Spikes", spikes),
            section("Outlets", health),
            {"type": "context", "elements": [
                {"type": "mrkdwn", "text": f"Newswatch · digest `{code(digest.digest_id)}`"}]},
        ],
    })


def write_digest(db_path: Path, digest: Digest) -> bool:
    """Put the day's digest in the outbox unless it is there; True when it was new."""
    with db.write(db_path) as con:
        [(inserted,)] = con.execute("""
            MERGE INTO digests USING (
                SELECT ? AS digest_id, ?::TIMESTAMPTZ AS window_start,
                    ?::TIMESTAMPTZ AS window_end, ?::JSON AS message,
                    ?::TIMESTAMPTZ AS created_at
            ) d ON digests.digest_id = d.digest_id
            WHEN NOT MATCHED THEN INSERT BY NAME
        """, [digest.digest_id, digest.start, digest.end, json.dumps(build_message(digest)),
              datetime.now(UTC)]).fetchall()
    return inserted > 0


def deliver(db_path: Path, target: SlackTarget | None,
            now: datetime | None = None) -> list[dict[str, Any]]:
    """Send the due digests through the outbox, as alerts are sent."""
    return deliver_outbox(db_path, DIGESTS, target, now=now)


def delivery_state(db_path: Path, digest_id: str) -> dict[str, Any]:
    """The digest's delivery as its outbox row has it: `status`, `error` (Slack's last
    answer) and `retry_until` (while later runs still try to deliver it, else None)."""
    with db.read(db_path) as con:
        status, error, created = con.execute(
            "SELECT status, last_error, created_at FROM digests WHERE digest_id = ?",
            [digest_id]).fetchone()
    waiting = status not in (*DELIVERED, *GIVEN_UP)
    return {"status": status, "error": error,
            "retry_until": created.astimezone(UTC) + WORTH_SENDING if waiting else None}
