"""A small warehouse built through the real load and alerts paths (no Prefect, no
network): ten days of articles from three outlets, syndicated copies, failed fetches,
a quarantined page, and a burst on one topic in the last hours that the detector alerts.
"""

from __future__ import annotations

import html
import json
import random
from datetime import UTC, datetime, timedelta
from pathlib import Path

from tasks.alerting import detect_and_plan
from tasks.config import Outlet, load_config
from tasks.load import LoadBatch, upsert_outlets, write_batch
from tasks.match import TopicHit
from tasks.models import Article, FetchRecord, Quarantined

OUTLETS = ["herald", "tagesbote", "harbor"]
TOPICS = ["iran", "drones", "ukraine", "china"]
BURST = "iran"


def article(outlet: str, n: int, published: datetime, topic: str) -> Article:
    body = f"Report {n} on {topic}. " + " ".join(f"word{(n * 7 + i) % 97}" for i in range(60))
    return Article(url=f"https://{outlet}.example/news/{n}", outlet=outlet,
                   title=f"{topic.title()} story {n}", published_at=published,
                   language="en", body=body, word_count=62, content_hash=f"h{outlet}{n}")


def batch(outlet: str, run_id: str, articles: list[tuple[Article, str, str]],
          now: datetime) -> LoadBatch:
    """One outlet's batch of (article, topic, story id), with a fetch record each."""
    out = LoadBatch(run_id=run_id, outlet=outlet)
    for article, topic, story in articles:
        out.articles.append(article)
        out.stories[article.url_hash] = (story, [])
        out.topics.append((article.url_hash, TopicHit(topic, 1, 2, 5.0)))
        out.fetched.append(article.url)
        out.records.append(FetchRecord(article.url, outlet, "article", 200, 5000, 40.0, 1, now))
    return out


def build(path: Path, now: datetime | None = None, days: int = 10, seed: int = 7) -> datetime:
    """Fill `path`; returns the `now` the alerts were computed at."""
    now = (now or datetime.now(UTC)).replace(minute=30, second=0, microsecond=0)
    rng = random.Random(seed)
    upsert_outlets(path, [Outlet(name=o, display_name=o.title(), domain=f"{o}.example",
                                 sources=[{"type": "feed", "url": f"https://{o}.example/rss"}])
                          for o in OUTLETS])
    per_outlet: dict[str, list[tuple[Article, str, str]]] = {o: [] for o in OUTLETS}
    n = 0
    for hours_ago in range(days * 24, 0, -1):
        hour = now - timedelta(hours=hours_ago)
        for topic in TOPICS:
            if rng.random() < 0.5:
                n += 1
                outlet = rng.choice(OUTLETS)
                per_outlet[outlet].append((article(outlet, n, hour, topic), topic, f"s{n}"))
    for i in range(24):  # the burst: 12 stories an hour, half carried by two outlets
        n += 1
        hour = now - timedelta(minutes=5 + i * 5)
        for outlet in OUTLETS[: 1 + i % 2]:
            per_outlet[outlet].append((article(outlet, n, hour, BURST), BURST, f"s{n}"))
    for outlet, articles in per_outlet.items():
        load = batch(outlet, "run-1", articles, now)
        load.records.append(FetchRecord(f"https://{outlet}.example/broken", outlet, "article",
                                        503, 0, 10.0, 3, now - timedelta(hours=1),
                                        error_class="HTTPError", error_message="503"))
        broken = Article(url=f"https://{outlet}.example/empty", outlet=outlet, title=None)
        load.quarantined.append(Quarantined(broken, ["expect_title_to_exist"], "<html></html>"))
        load.validation_runs.append({"suite": "articles", "outlet": outlet,
                                     "rows": len(articles) + 1, "passed": len(articles),
                                     "failed": 1, "success": True, "failed_expectations": [],
                                     "validated_at": now})
        write_batch(path, load)
    alert_now(path, now)
    return now


def alert_now(path: Path, now: datetime) -> int:
    """The alerts flow's detection without Prefect; returns the new outbox rows."""
    return detect_and_plan(path, load_config(None), now)["new_alerts"]


def reproducing_query(message: str) -> str:
    """The DuckDB query an alert's stored Slack message gives in its thread reply, as a
    reader of the thread copies it (Slack shows `&lt;` as `<`)."""
    replies = json.loads(message)["replies"]
    texts = [block["text"]["text"] for reply in replies for block in reply["blocks"]
             if block.get("type") == "section"]
    code = next(text for text in texts if "```" in text).split("```")[1]
    return html.unescape(code)
