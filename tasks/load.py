"""The loader's side of the warehouse: idempotent upserts in one short transaction per
batch, so a re-run never duplicates an article and readers get in, and the story index
the loader reads back. Upserts are MERGE INTO on the natural keys: DuckLake has no primary
keys for ON CONFLICT. What discovery reads (cursors, seen URLs) is in
`tasks.discovery_state`."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path

import numpy as np
import pandas as pd

from tasks.config import Outlet
from tasks.discover import SourceState
from tasks.match import TopicHit
from tasks.models import Article, Candidate, FetchRecord, Quarantined
from tasks.serialize import to_json_text
from tasks.stories import BANDS, StoryIndex
from warehouse import db

READ_BACK = timedelta(minutes=1)  # see recent_stories
# a day alone is stored as its noon UTC: the day has ended in every zone 24 hours later
DAY_ONLY_COUNTS_WHEN_SEEN = timedelta(hours=24)


@dataclass
class LoadBatch:
    """Everything one outlet's run produced, written together."""

    run_id: str
    outlet: str
    records: list[FetchRecord] = field(default_factory=list)
    source_states: dict[str, SourceState] = field(default_factory=dict)
    failed: list[tuple[Candidate, str]] = field(default_factory=list)
    fetched: list[str] = field(default_factory=list)  # candidate URLs fetched fine
    articles: list[Article] = field(default_factory=list)
    fetched_at: dict[str, datetime] = field(default_factory=dict)  # url_hash -> when
    # False for pages fetched before this run (an archive's, a quarantined row's): their
    # articles without a publication time count when they were fetched (`counts_at`)
    fetched_now: bool = True
    stories: dict[str, tuple[str, list[int]]] = field(default_factory=dict)  # url_hash -> id, sig
    topics: list[tuple[str, TopicHit]] = field(default_factory=list)
    quarantined: list[Quarantined] = field(default_factory=list)
    validation_runs: list[dict] = field(default_factory=list)


def upsert_outlets(db_path: Path, outlets: list[Outlet]) -> None:
    now = datetime.now(UTC)
    frame = pd.DataFrame([
        {"name": o.name, "display_name": o.display_name, "domain": o.domain,
         "language": o.language, "country": o.country, "updated_at": now}
        for o in outlets
    ])
    with db.write(db_path) as con:
        con.register("incoming", frame)
        con.execute("""
            MERGE INTO outlets USING incoming i ON outlets.name = i.name
            WHEN MATCHED THEN UPDATE SET display_name = i.display_name, domain = i.domain,
                language = i.language, country = i.country, updated_at = i.updated_at
            WHEN NOT MATCHED THEN INSERT BY NAME
        """)


def counts_at(article: Article, loaded_at: datetime,
              fetched_at: datetime | None = None) -> datetime:
    """When an article counts in topic volumes and alerts: its publication time, else when
    its page was seen. That is the load for a page fetched now (it stands in for the
    fetch, which may fall in an hour an alerts run has scored since), and `fetched_at`
    for one fetched earlier, an archive's or a quarantined row's: a backfill is not a
    spike. A page that gives only the day counts when seen if seen on that day: at a
    stand-in hour, today's stories would land in an hour the alerts flow may have scored
    already. One found later stays on its day."""
    seen = fetched_at or loaded_at
    published = article.published_at
    if published is None or (article.published_date_only
                             and seen < published + DAY_ONLY_COUNTS_WHEN_SEEN):
        return seen
    return published


def _articles_frame(batch: LoadBatch, now: datetime) -> pd.DataFrame:
    rows = []
    for article in batch.articles:
        key = article.url_hash
        story_id, signature = batch.stories.get(key, (key, []))
        rows.append({
            "url_hash": key, "url": article.url, "outlet": article.outlet,
            "title": article.title, "subtitle": article.subtitle, "authors": article.authors,
            "published_at": article.published_at,
            "published_date_only": article.published_date_only,
            "counts_at": counts_at(article, now,
                                   None if batch.fetched_now else batch.fetched_at.get(key)),
            "updated_at": article.updated_at,
            "section": article.section, "language": article.language, "body": article.body,
            "captions": article.captions, "is_teaser": article.is_teaser,
            "word_count": article.word_count, "content_hash": article.content_hash,
            "story_id": story_id, "story_sig": signature,
            "field_sources": json.dumps(article.field_sources),
            "fetched_at": batch.fetched_at.get(key), "loaded_at": now, "run_id": batch.run_id,
        })
    return pd.DataFrame(rows)


# what a capture of an article says: a newer capture that says something else replaces it
_CAPTURED = ("title", "subtitle", "authors", "published_at", "published_date_only",
             "updated_at", "section", "language", "body", "captions", "is_teaser",
             "word_count", "content_hash", "field_sources")
_STORED = ", ".join(f"articles.{name}" for name in _CAPTURED)
_INCOMING = ", ".join(f"i.{name}" for name in _CAPTURED)


def write_batch(db_path: Path, batch: LoadBatch) -> None:
    """Write one outlet's batch in one transaction. Re-running it changes nothing twice:
    articles upsert on their URL hash, topics on (article, topic), fetch state on URL.
    A stored article is replaced by a capture fetched no earlier (one of unknown time
    replaces only another) that differs from it: the newest capture of a page wins."""
    now = datetime.now(UTC)
    with db.write(db_path) as con:
        if batch.records:
            records = pd.DataFrame([asdict(r) for r in batch.records])
            records["run_id"] = batch.run_id
            con.register("records", records)
            con.execute("""
                INSERT INTO fetch_log (run_id, outlet, kind, url, final_url, status, not_modified,
                    bytes, elapsed_ms, attempt, error_class, error_message, fetched_at)
                SELECT run_id, outlet, kind, url, final_url, status, not_modified, bytes,
                    elapsed_ms, attempt, error_class, error_message, fetched_at FROM records
            """)
        for url, state in batch.source_states.items():
            con.execute("""
                MERGE INTO url_state USING (SELECT ? AS url, ? AS outlet, 'source' AS kind,
                    ?::VARCHAR AS etag, ?::VARCHAR AS last_modified, ?::TIMESTAMPTZ AS updated_at
                ) s ON url_state.url = s.url
                WHEN MATCHED THEN UPDATE SET etag = s.etag, last_modified = s.last_modified,
                    updated_at = s.updated_at
                WHEN NOT MATCHED THEN INSERT BY NAME
            """, [url, batch.outlet, state.etag, state.last_modified, now])
        if batch.failed:
            failed = pd.DataFrame([
                {"url": c.url, "outlet": c.outlet, "error": error, "candidate": to_json_text(c)}
                for c, error in batch.failed]).drop_duplicates("url")
            con.register("failed", failed)
            con.execute("""
                MERGE INTO url_state USING (
                    SELECT url, outlet, 'article' AS kind, 1 AS failures, error AS last_error,
                           candidate::JSON AS candidate, ?::TIMESTAMPTZ AS updated_at
                    FROM failed) s ON url_state.url = s.url
                WHEN MATCHED THEN UPDATE SET failures = url_state.failures + 1,
                    last_error = s.last_error, updated_at = s.updated_at
                WHEN NOT MATCHED THEN INSERT BY NAME
            """, [now])
        if batch.articles:
            con.register("incoming", _articles_frame(batch, now))
            con.execute(f"""
                MERGE INTO articles USING incoming i ON articles.url_hash = i.url_hash
                WHEN MATCHED
                    AND coalesce(i.fetched_at >= articles.fetched_at, articles.fetched_at IS NULL)
                    AND ({_STORED}) IS DISTINCT FROM ({_INCOMING})
                THEN UPDATE SET
                    title = i.title, subtitle = i.subtitle, authors = i.authors,
                    published_at = i.published_at, published_date_only = i.published_date_only,
                    updated_at = i.updated_at,
                    section = i.section, language = i.language, body = i.body,
                    captions = i.captions, is_teaser = i.is_teaser, word_count = i.word_count,
                    content_hash = i.content_hash, story_sig = i.story_sig,
                    field_sources = i.field_sources, fetched_at = i.fetched_at,
                    run_id = i.run_id
                WHEN NOT MATCHED THEN INSERT BY NAME
            """)
        if batch.topics:
            hits = pd.DataFrame([
                {"url_hash": key, "topic": hit.topic, "title_hits": hit.title_hits,
                 "body_hits": hit.body_hits, "weight": hit.weight}
                for key, hit in batch.topics
            ])
            con.register("hits", hits)
            con.execute("""
                MERGE INTO article_topics USING hits h
                    ON article_topics.url_hash = h.url_hash AND article_topics.topic = h.topic
                WHEN MATCHED THEN UPDATE SET title_hits = h.title_hits,
                    body_hits = h.body_hits, weight = h.weight
                WHEN NOT MATCHED THEN INSERT BY NAME
            """)
        if batch.quarantined:
            quarantined = pd.DataFrame([
                {"url": q.article.url, "outlet": q.article.outlet, "failed": q.failed,
                 "record": to_json_text(q.article), "raw_html": q.raw_html,
                 "fetched_at": batch.fetched_at.get(q.article.url_hash)}
                for q in batch.quarantined]).drop_duplicates("url")
            con.register("quarantined", quarantined)
            con.execute("""
                INSERT INTO quarantine (url, outlet, failed_expectations, record, raw_html,
                    run_id, quarantined_at, fetched_at)
                SELECT url, outlet, failed, record, raw_html, ?, ?, fetched_at::TIMESTAMPTZ
                FROM quarantined q
                WHERE NOT EXISTS (
                    SELECT 1 FROM quarantine x WHERE x.url = q.url AND x.released_at IS NULL)
            """, [batch.run_id, now])
        for run in batch.validation_runs:
            con.execute("""
                INSERT INTO validation_runs (run_id, suite, outlet, rows, passed, failed,
                    success, failed_expectations, validated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, [batch.run_id, run["suite"], run["outlet"], run["rows"], run["passed"],
                  run["failed"], run["success"], json.dumps(run["failed_expectations"]),
                  run["validated_at"]])
        # Fetched URLs are marked done (failures = 0): discovery skips them from now on,
        # even when the page's canonical URL differs from the feed's link.
        if batch.fetched:
            con.register("fetched", pd.DataFrame({"url": sorted(set(batch.fetched))}))
            con.execute("""
                MERGE INTO url_state USING (
                    SELECT url, ?::VARCHAR AS outlet, 'article' AS kind, 0 AS failures,
                           200 AS last_status, ?::TIMESTAMPTZ AS updated_at FROM fetched
                ) s ON url_state.url = s.url
                WHEN MATCHED THEN UPDATE SET failures = 0, last_status = 200,
                    last_error = NULL, updated_at = s.updated_at
                WHEN NOT MATCHED THEN INSERT BY NAME
            """, [batch.outlet, now])


# story_sig's values as columns, so the index reads them as arrays (-1: missing)
_SIGNATURE_VALUES = ", ".join(f"coalesce(story_sig[{i + 1}]::BIGINT, -1) AS v{i}"
                              for i in range(1 + BANDS))


def recent_stories(db_path: Path, index: StoryIndex | None = None, run_id: str | None = None,
                   days: int = 3) -> StoryIndex:
    """The stories of the articles of the last `days`, for grouping new copies, added to
    `index` when given. An index that has read before reads only what was stored since
    (and a little before, for transactions that committed late), leaving out `run_id`'s
    own articles, which it already holds: the loader keeps one index a run instead of
    re-reading days of signatures for every outlet."""
    index = index if index is not None else StoryIndex()
    if not db.exists(db_path):
        return index
    read_at = datetime.now(UTC)
    since = index.read_up_to - READ_BACK if index.read_up_to else datetime.min.replace(tzinfo=UTC)
    with db.read(db_path) as con:
        rows = con.execute(f"""
            SELECT url_hash, story_id, {_SIGNATURE_VALUES} FROM articles
            WHERE counts_at > now() - to_days(?)
              AND loaded_at >= ? AND run_id IS DISTINCT FROM ?
              AND story_sig IS NOT NULL AND len(story_sig) > 0
        """, [days, since, run_id]).fetchnumpy()
    signatures = np.column_stack([rows[f"v{i}"] for i in range(1 + BANDS)]).astype(np.int64)
    index.add_stored(rows["url_hash"].tolist(), rows["story_id"].tolist(), signatures)
    index.read_up_to = read_at
    return index
