"""What discovery knows from earlier runs, read from the warehouse: each source's
conditional-GET validators (ETag, Last-Modified) and last fetch, and which article URLs
are done, failed for good, or failed with attempts left. The loader writes it
(`tasks.load.write_batch`: `url_state`, `fetch_log`, `articles`, `quarantine`); discovery
reads it here, before fetching."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pandas as pd

from tasks.config import FetchSettings
from tasks.discover import Discovery, SourceState
from tasks.models import Candidate, url_hash
from tasks.serialize import from_json
from warehouse import db


def source_states(db_path: Path, outlet: str) -> dict[str, SourceState]:
    """The outlet's feeds, sitemaps and listings by URL: their validators, and from the
    fetch log when each was last fetched and whether that answered 304 or failed (child
    sitemaps that no validators are kept for, the indexes' and the failed, included)."""
    if not db.exists(db_path):
        return {}
    with db.read(db_path) as con:
        rows = con.execute("""
            WITH kept AS (
                SELECT url, etag, last_modified FROM url_state
                WHERE outlet = ? AND kind <> 'article'),
            fetched AS (
                SELECT url, max(fetched_at) AS fetched_at,
                       arg_max(not_modified OR error_class IS NOT NULL, fetched_at) AS nothing
                FROM fetch_log WHERE outlet = ? AND kind NOT IN ('article', 'robots')
                GROUP BY url)
            SELECT coalesce(k.url, f.url), k.etag, k.last_modified, f.fetched_at,
                   coalesce(f.nothing, false)
            FROM kept k FULL JOIN fetched f ON f.url = k.url
        """, [outlet, outlet]).fetchall()
    return {url: SourceState(etag, last_modified, fetched_at, nothing)
            for url, etag, last_modified, fetched_at, nothing in rows}


def new_candidates(db_path: Path, candidates: list[Candidate],
                   max_attempts: int) -> list[Candidate]:
    """Drop candidates already stored or quarantined, or that failed too often."""
    if not candidates or not db.exists(db_path):
        return candidates
    frame = pd.DataFrame({"url": [c.url for c in candidates],
                          "url_hash": [url_hash(c.url) for c in candidates]})
    with db.read(db_path) as con:
        con.register("incoming", frame)
        seen = {row[0] for row in con.execute("""
            SELECT i.url FROM incoming i JOIN articles a ON a.url_hash = i.url_hash
            UNION SELECT i.url FROM incoming i JOIN quarantine q ON q.url = i.url
            UNION SELECT i.url FROM incoming i JOIN url_state s ON s.url = i.url
                WHERE s.kind = 'article' AND (s.failures = 0 OR s.failures >= ?)
        """, [max_attempts]).fetchall()}
    return [c for c in candidates if c.url not in seen]


def retry_candidates(db_path: Path, outlet: str, max_attempts: int) -> list[Candidate]:
    """Articles that failed on an earlier run and have attempts left, as their feed
    described them."""
    if not db.exists(db_path):
        return []
    with db.read(db_path) as con:
        rows = con.execute("""
            SELECT s.candidate FROM url_state s
            WHERE s.outlet = ? AND s.kind = 'article' AND s.failures BETWEEN 1 AND ?
              AND s.candidate IS NOT NULL
              AND NOT EXISTS (SELECT 1 FROM articles a WHERE a.url = s.url)
        """, [outlet, max_attempts - 1]).fetchall()
    return [from_json(Candidate, row[0]) for row in rows]


def due_for_fetch(db_path: Path, outlet: str, found: Discovery,
                  settings: FetchSettings) -> Discovery:
    """What to fetch this run: the new candidates among `found`, then earlier failures
    due another try, at most `max_articles_per_outlet`. The new candidates left over wait
    for the next run, so their sources' validators are not kept: an unchanged source would
    answer 304 and never hand them over."""
    cap = settings.max_articles_per_outlet
    fresh = new_candidates(db_path, found.candidates, settings.max_article_attempts)
    retries = retry_candidates(db_path, outlet, settings.max_article_attempts)
    fresh_urls = {c.url for c in fresh}
    due = (fresh + [c for c in retries if c.url not in fresh_urls])[:cap]
    left_over = {c.source for c in fresh[cap:]}
    states = {url: state for url, state in found.states.items() if url not in left_over}
    return replace(found, candidates=due, states=states)
