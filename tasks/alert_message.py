"""The Slack message of a spike alert, built once from a `SpikeAlert` and stored in the
`alerts` outbox as it is posted (`tasks.notify` documents the stored shape).

The main message reads at a glance: the headline count and its window stated once, how
unusual it is in words, what is driving it, the episode's totals labelled as such, and
the top headlines with their outlets' names. The decision's numbers and the SQL that
reproduces the count go into a thread reply, the chart into the thread.
"""

from __future__ import annotations

import base64
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from tasks.mrkdwn import (
    as_utc,
    code,
    context,
    date,
    duration,
    escape,
    fit,
    link,
    number,
    plain,
    plural,
    section,
    shorten,
    span,
    sparkline,
)

MAX_HEADLINES = 10
MAX_TITLE = 200
SPARK_POINTS = 24
MAX_CO_TOPICS = 5
MAX_DRIVERS = 5
KINDS = {
    "alert": (":rotating_light:", "{} is spiking"),
    "update": (":arrow_up:", "{}: the spike continues"),
    "ended": (":white_check_mark:", "{}: back to normal"),
}


@dataclass
class SpikeAlert:
    """One alert as the alerts flow hands it over, built from the warehouse."""

    alert_id: str  # stable, e.g. f"{topic}:{bucket_start:%Y%m%dT%H%M}"
    topic: str
    topic_label: str
    bucket_start: datetime  # the bucket this message is about (the alerted one)
    bucket_minutes: int
    observed: float  # stories counted from `counted_from` to `counted_to`
    expected: float
    score: float
    articles: int  # the episode so far: since `episode_start`
    stories: int
    outlets: int
    # {"title", "url", "outlet", "published_at", "published_date_only"}, best first
    headlines: list[dict[str, Any]]
    volume: list[tuple[datetime, float]]  # the topic's recent volume per bucket, oldest first
    kind: str = "alert"  # "alert" | "update" (follow-up as the episode grows) | "ended"
    thread_ts: str | None = None  # ts of the episode's first message, for follow-ups
    caveat: str | None = None  # e.g. our own collection dipped: read the numbers with care
    co_topics: list[tuple[str, int]] = field(default_factory=list)  # (label, stories), most first
    query: str | None = None  # DuckDB SQL that returns `observed`
    episode_start: datetime | None = None  # the episode's first bucket; None: `bucket_start`
    # a score this high happens about once per this span in this topic's own history
    return_period: timedelta | None = None
    threshold_period: timedelta | None = None  # the configured sensitivity's bar, as a span
    drivers: list[str] = field(default_factory=list)  # words and names new in these stories
    baseline: list[tuple[datetime, float]] = field(default_factory=list)  # expected per bucket
    # what `observed` counts: the scoring window, which ends with the bucket or, for the
    # bucket still being counted, at the run's time; None: the bucket
    counted_from: datetime | None = None
    counted_to: datetime | None = None


def build_message(alert: SpikeAlert) -> dict[str, Any]:
    """The alert's Slack message as stored and posted: text, blocks, one thread reply with
    the numbers and the SQL, and the chart. All feed and config text is escaped, and each
    part fits Block Kit's limits. An "update" reads as the spike continuing, an "ended"
    one as the topic back to normal (without headlines or drivers)."""
    if alert.kind not in KINDS:
        raise ValueError(
            f"alert {alert.alert_id}: kind must be alert, update or ended, not {alert.kind!r}")
    emoji, title = KINDS[alert.kind]
    title = title.format(plain(shorten(alert.topic_label, 100)))
    start, end = counted(alert)
    within = span(max(1, round((end - start) / timedelta(minutes=1))))
    count = f"{number(alert.observed)} {'story' if alert.observed == 1 else 'stories'}"
    headline = (f"*{count}* in the {within} to {date(end)}, against "
                f"about *{alert.expected:.1f}* expected")
    blocks: list[dict[str, Any]] = [
        {"type": "header", "text": {"type": "plain_text", "text": f"{emoji} {title}",
                                    "emoji": True}},
        section(f"{headline}.\n{unusual(alert)}"),
    ]
    if alert.drivers and alert.kind != "ended":
        terms = ", ".join(f"*{escape(shorten(t, 60))}*" for t in alert.drivers[:MAX_DRIVERS])
        blocks.append(section(f"What is driving it: {terms}"))
    blocks.append(context(f"Episode so far, since {date(episode_start(alert))}: "
                          f"{totals(alert)}"))
    values = [v for _, v in alert.volume[-SPARK_POINTS:]]
    if values:
        blocks.append(context(f"`{sparkline(values)}` stories per {span(alert.bucket_minutes)},"
                              f" last {plural(len(values), 'bucket')}"))
    if alert.caveat:
        blocks.append(context(f":warning: {escape(alert.caveat)}"))
    if alert.co_topics:
        also = ", ".join(f"{escape(shorten(str(label), 60))} ({n})"
                         for label, n in alert.co_topics[:MAX_CO_TOPICS])
        blocks.append(context(f"Also in these stories: {also}"))
    if alert.kind != "ended" and alert.headlines:
        blocks.append({"type": "divider"})
        blocks.extend(headline_block(h) for h in alert.headlines[:MAX_HEADLINES])
    blocks.append(context(f"Newswatch · alert `{code(alert.alert_id)}` · the numbers and "
                          "the SQL are in the thread"))
    fallback = (f"{title}: {count} in the {within} to "
                f"{end:%H:%M} UTC on {end:%a %d %b} vs {alert.expected:.1f} expected")
    message: dict[str, Any] = {**fit({"text": escape(fallback), "blocks": blocks}),
                               "replies": [details(alert)]}
    chart = chart_of(alert)
    if chart:
        message["chart"] = chart
    return message


def unusual(alert: SpikeAlert) -> str:
    """The score in words when the detector gave a return period, else the plain score."""
    if alert.return_period is None:
        return f"Score *{alert.score:.1f}*."
    words = f"A count this high comes about once in *{duration(alert.return_period)}* for " \
            "this topic"
    if alert.threshold_period is not None:
        words += f"; alerts start at once in {duration(alert.threshold_period)}"
    return words + "."


def episode_start(alert: SpikeAlert) -> datetime:
    return alert.episode_start or alert.bucket_start


def counted(alert: SpikeAlert) -> tuple[datetime, datetime]:
    """The span `observed` counts, in UTC."""
    start = as_utc(alert.counted_from or alert.bucket_start)
    end = alert.counted_to or as_utc(alert.bucket_start) + timedelta(minutes=alert.bucket_minutes)
    return start, as_utc(end)


def totals(alert: SpikeAlert) -> str:
    return " · ".join([plural(alert.articles, "article"),
                       plural(alert.stories, "story", "stories"),
                       plural(alert.outlets, "outlet")])


def details(alert: SpikeAlert) -> dict[str, Any]:
    """The thread reply: the decision's numbers and the reproducing SQL."""
    start, end = counted(alert)
    lines = [
        "*The decision's numbers*",
        f"• counted: {start:%Y-%m-%d %H:%M} to {end:%H:%M} UTC",
        f"• observed: {number(alert.observed)} stories; expected: {alert.expected:.2f}; "
        f"score: {alert.score:.2f}",
    ]
    if alert.return_period is not None:
        bar = (f"; the bar: once in {duration(alert.threshold_period)}"
               if alert.threshold_period is not None else "")
        lines.append(f"• return period: about once in {duration(alert.return_period)}{bar}")
    lines.append(f"• episode since {as_utc(episode_start(alert)):%Y-%m-%d %H:%M} UTC: "
                 f"{totals(alert)}")
    blocks = [section("\n".join(lines))]
    if alert.query:
        blocks.append(section(f"The count in DuckDB (`newswatch sql`):\n```{code(alert.query)}```"))
    return fit({"text": f"The numbers behind alert {escape(alert.alert_id)}", "blocks": blocks})


def chart_of(alert: SpikeAlert) -> dict[str, str] | None:
    """The stored chart (PNG as base64) with its file name, title and alt text; None
    without a volume history to draw."""
    if len(alert.volume) < 2:
        return None
    # imported here: matplotlib takes seconds to import and only a new alert draws
    from tasks.chart import render_chart

    title = f"{plain(alert.topic_label)}: stories per {span(alert.bucket_minutes)}"
    png = render_chart(alert.volume, alert.bucket_start, alert.baseline or None,
                       alert.expected, title)
    return {
        "filename": f"{alert.topic}-{as_utc(alert.bucket_start):%Y%m%dT%H%M}.png",
        "title": title,
        "alt_text": f"{title}, last {len(alert.volume)} buckets, the alerted one "
                    f"({as_utc(alert.bucket_start):%d %b %H:%M} UTC) marked; "
                    f"{number(alert.observed)} stories to {counted(alert)[1]:%H:%M} UTC "
                    f"against {alert.expected:.1f} expected",
        "png": base64.b64encode(png).decode("ascii"),
    }


def headline_block(headline: Mapping[str, Any]) -> dict[str, Any]:
    title = shorten(str(headline.get("title") or "(no title)"), MAX_TITLE)
    details = [escape(shorten(str(headline["outlet"]), 80))] if headline.get("outlet") else []
    published = headline.get("published_at")
    if isinstance(published, str):
        try:
            published = datetime.fromisoformat(published)
        except ValueError:
            published = None
    if isinstance(published, datetime) and headline.get("published_date_only"):
        details.append(f"{as_utc(published):%d %b %Y}")  # a day, not a time in a reader's zone
    elif isinstance(published, datetime):
        details.append(date(published))
    text = f"*{link(headline.get('url'), title)}*"
    if details:
        text += "\n" + " · ".join(details)
    return section(text)
