"""Quarantined rows: list them, and retry them after a parser, suite or settings change.

A retry re-extracts each open row from its kept raw HTML with the current extractor (a row
kept without HTML is re-validated from its stored record), validates each outlet's rows
as one batch with the current suite and settings, and loads what passes exactly as the
ingest flow does (`tasks.run.Run.load`: articles, topics, story ids and a
`validation_runs` row); one without a publication time counts when its page was fetched
(`quarantine.fetched_at`), not at the release. Released rows get `released_at`; the others
stay open with their new failure names and record. The load is written before the
release, each in its own transaction: a crash in between leaves the rows open, and the
next retry upserts the same articles again without duplicating them.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from tasks.config import Config
from tasks.ingest import Extracted, extract_pages, validate_extracted
from tasks.load import LoadBatch
from tasks.models import Article, Candidate, Page, Quarantined
from tasks.run import Run, new_run_id, start_run
from tasks.serialize import from_json, to_json_text
from warehouse import db

RUN_ID_PREFIX = "retry-"


@dataclass
class QuarantineRow:
    id: int
    url: str
    outlet: str | None
    failed_expectations: list[str]
    run_id: str | None
    quarantined_at: datetime
    released_at: datetime | None


@dataclass
class RetryResult:
    """What one retry did; `retried == released + kept` for every outlet and in total."""

    run_id: str
    retried: int = 0
    released: int = 0
    kept: int = 0
    # rows of no outlet or of one no longer configured: left as they are
    skipped: int = 0
    # per outlet: retried/released/kept, or skipped with the reason
    per_outlet: dict[str, dict[str, int | str]] = field(default_factory=dict)


def list_rows(db_path: Path, *, outlet: str | None = None,
              include_released: bool = False) -> list[QuarantineRow]:
    """Quarantined rows, oldest first; open ones only unless `include_released`."""
    with db.read(db_path) as con:
        rows = con.execute("""
            SELECT id, url, outlet, failed_expectations, run_id, quarantined_at, released_at
            FROM quarantine
            WHERE (? IS NULL OR outlet = ?) AND (? OR released_at IS NULL)
            ORDER BY quarantined_at, id
        """, [outlet, outlet, include_released]).fetchall()
    return [QuarantineRow(*row) for row in rows]


def counts(db_path: Path) -> dict[str, int]:
    """Open and released quarantine rows, and articles: the figures a retry must balance."""
    with db.read(db_path) as con:
        open_rows, released, articles = con.execute("""
            SELECT count(*) FILTER (WHERE released_at IS NULL),
                   count(*) FILTER (WHERE released_at IS NOT NULL),
                   (SELECT count(*) FROM articles)
            FROM quarantine
        """).fetchone()
    return {"open": open_rows, "released": released, "articles": articles}


@dataclass
class _Open:
    id: int
    url: str
    outlet: str | None
    record: dict[str, Any]
    raw_html: str | None
    fetched_at: datetime  # when its page was fetched, as far as known


def retry(db_path: Path, config: Config, *, outlet: str | None = None,
          now: datetime | None = None,
          progress: Callable[[int, int], None] | None = None) -> RetryResult:
    """Re-extract, re-validate and load the open quarantine rows (of one outlet, or all).

    `progress(rows done, rows open)` is called after each outlet. An `outlet` the config
    does not name is a ConfigError, before anything is read."""
    if outlet is not None:
        config.outlet(outlet)
    db.configure(db_path, config.settings.warehouse)  # the file, or the DuckLake it names
    now = now or datetime.now(UTC)
    by_outlet: dict[str | None, list[_Open]] = defaultdict(list)
    for row in _open_rows(db_path, outlet):
        by_outlet[row.outlet].append(row)
    total = sum(map(len, by_outlet.values()))
    configured = sorted(name for name in by_outlet if name in config.outlet_names)
    if not configured:
        result = RetryResult(run_id=new_run_id(RUN_ID_PREFIX))
    else:
        run = start_run(config, db_path, configured, id_prefix=RUN_ID_PREFIX)
        result = RetryResult(run_id=run.run_id)
    for name, rows in sorted(by_outlet.items(), key=lambda item: item[0] or ""):
        if progress:
            progress(result.retried + result.skipped, total)
        if name not in configured:
            result.skipped += len(rows)
            result.per_outlet[name or ""] = {"skipped": len(rows), "reason": (
                "the rows name no outlet" if name is None
                else f"no outlet {name!r} in the config")}
            continue
        released, kept = _retry_outlet(run, name, rows, now)
        _record(db_path, released, kept, now)
        result.per_outlet[name] = {"retried": len(rows), "released": len(released),
                                   "kept": len(kept)}
        result.retried += len(rows)
        result.released += len(released)
        result.kept += len(kept)
    if progress:
        progress(total, total)
    return result


def _open_rows(db_path: Path, outlet: str | None) -> list[_Open]:
    with db.read(db_path) as con:
        rows = con.execute("""
            SELECT id, url, outlet, record, raw_html, coalesce(fetched_at, quarantined_at)
            FROM quarantine WHERE released_at IS NULL AND (? IS NULL OR outlet = ?)
            ORDER BY id
        """, [outlet, outlet]).fetchall()
    return [_Open(i, url, name, json.loads(record), raw, at)
            for i, url, name, record, raw, at in rows]


def _retry_outlet(run: Run, outlet: str, rows: list[_Open], now: datetime
                  ) -> tuple[list[int], dict[int, Quarantined]]:
    """Released row ids, and the rows that stay (by id) as they are now."""
    config = run.config
    batch = Extracted()
    row_of: dict[int, int] = {}  # id(article) -> quarantine row id
    kept: dict[int, Quarantined] = {}
    for row in rows:
        if row.raw_html:
            page = Page(url=row.url, outlet=outlet, html=row.raw_html, charset="utf-8",
                        fetched_at=row.fetched_at, candidate=_feed_fallback(row, outlet))
            extracted = extract_pages([page], config, outlet)
        else:
            extracted = Extracted(articles=[from_json(Article, row.record)])
        for failure in extracted.failed:
            kept[row.id] = failure
        for article in extracted.articles:
            row_of[id(article)] = row.id
            batch.articles.append(article)
            batch.raw[article.url] = row.raw_html or ""
            batch.fetched_at[article.url_hash] = row.fetched_at
    passed, quarantined, validation = validate_extracted(batch, config, outlet, now)
    run.load(LoadBatch(run_id=run.run_id, outlet=outlet, articles=passed,
                       fetched_at=batch.fetched_at, fetched_now=False,
                       validation_runs=[validation]))
    kept |= {row_of[id(q.article)]: q for q in quarantined}
    return [row_of[id(a)] for a in passed], kept


def _record(db_path: Path, released: list[int], kept: dict[int, Quarantined],
            now: datetime) -> None:
    with db.write(db_path) as con:
        if released:
            con.execute("UPDATE quarantine SET released_at = ? WHERE list_contains(?, id)",
                        [now, released])
        for row_id, row in kept.items():
            con.execute(
                "UPDATE quarantine SET failed_expectations = ?, record = ? WHERE id = ?",
                [row.failed, to_json_text(row.article), row_id])


def _feed_fallback(row: _Open, outlet: str) -> Candidate | None:
    """The fields the feed gave the first extraction, so a re-extract can fall back on them
    too (the page alone may lack them); fields the page gave are extracted afresh."""
    fed = {name for name, source in (row.record.get("field_sources") or {}).items()
           if source == "feed"}
    if not fed:  # also a row whose extraction failed: its record is not an Article
        return None
    first = from_json(Article, row.record)
    return Candidate(
        url=row.url, outlet=outlet, source="quarantine",
        title=first.title if "title" in fed else None,
        published_at=first.published_at if "published_at" in fed else None,
        published_date_only="published_at" in fed and first.published_date_only,
        authors=first.authors if "authors" in fed else [],
        summary=first.body if "body" in fed else None,
        language=first.language if "language" in fed else None,
    )


