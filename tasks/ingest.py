"""One outlet's batch on the ingest path, from its sources to the loader's `LoadBatch`:
the plain functions the ingest flow's outlet task wraps. `collect_outlet` is the network
half (discover, choose what is due, fetch), `process_outlet` the CPU half (extract,
validate); backfill and the quarantine retry reuse the CPU half's steps. The load itself
is the run's (`tasks.run.Run.load`)."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from tasks.config import Config
from tasks.discover import Discovery, discover_outlet
from tasks.discovery_state import due_for_fetch, source_states
from tasks.errors import ExtractError
from tasks.extract import extract_article
from tasks.fetch import FetchedBatch, Fetcher, fetch_pages
from tasks.load import LoadBatch
from tasks.models import Article, Page, Quarantined, url_hash
from tasks.validate import validate_articles
from warehouse import db

EXTRACT_FAILED = "extract_article"

log = logging.getLogger("newswatch.ingest")


@dataclass
class Extracted:
    articles: list[Article] = field(default_factory=list)
    raw: dict[str, str] = field(default_factory=dict)  # article url -> the page's HTML
    fetched_at: dict[str, datetime] = field(default_factory=dict)  # url_hash -> when
    failed: list[Quarantined] = field(default_factory=list)  # pages that could not be read


def extract_pages(pages: list[Page], config: Config, outlet: str) -> Extracted:
    """Extract every page of one outlet's batch; a page that cannot be read, or that the
    extractor fails on, becomes a quarantine record with its raw HTML, never an exception."""
    outlet_config = config.outlet(outlet)
    boilerplate = [*config.settings.boilerplate, *outlet_config.boilerplate]
    out = Extracted()
    seen: dict[str, str] = {}  # article url -> content hash
    for page in pages:
        try:
            article = extract_article(page.html, page.url, outlet_config.rules, outlet=outlet,
                                      fallback=page.candidate, boilerplate=boilerplate,
                                      languages=config.settings.languages,
                                      sites=[outlet_config.domain])
        except ExtractError as exc:
            out.failed.append(_unread(page, outlet, str(exc)))
            continue
        except Exception as exc:  # an extractor bug on one odd page: that page alone
            log.warning("%s: extraction failed", page.url, exc_info=True)
            out.failed.append(_unread(page, outlet, f"{type(exc).__name__}: {exc}"))
            continue
        if article.url in seen:
            if seen[article.url] == article.content_hash or page.url in seen:
                continue  # two links, one article
            # another story claiming the same canonical (a template's bug): it keeps the
            # address it was fetched from rather than being lost
            article.url = page.url
            article.field_sources["url"] = "heuristic"
        seen[article.url] = article.content_hash
        out.articles.append(article)
        out.raw[article.url] = page.html
        out.fetched_at[article.url_hash] = page.fetched_at
    return out


def _unread(page: Page, outlet: str, reason: str) -> Quarantined:
    return Quarantined(Article(url=page.url, outlet=outlet), [f"{EXTRACT_FAILED}: {reason}"],
                       page.html)


def collect_outlet(config: Config, outlet: str, db_path: Path,
                   fetcher: Fetcher) -> tuple[Discovery, FetchedBatch]:
    """The network half of an outlet's batch: discover its new articles (with earlier
    failures due another try) and fetch them."""
    db.configure(db_path, config.settings.warehouse)  # a Dask worker is a process of its own
    found = discover_outlet(config.outlet(outlet), fetcher, source_states(db_path, outlet))
    found = due_for_fetch(db_path, outlet, found, config.settings.fetch)
    return found, fetch_pages(found.candidates, fetcher)


def process_outlet(config: Config, outlet: str, run_id: str, found: Discovery,
                   fetched: FetchedBatch) -> LoadBatch:
    """The CPU half: extract the pages and validate the articles, into the loader's batch."""
    extracted = extract_pages(fetched.pages, config, outlet)
    passed, quarantined, run = validate_extracted(extracted, config, outlet, datetime.now(UTC))
    # pages that could not be read are quarantined under their own URL
    fetched_at = {url_hash(p.url): p.fetched_at for p in fetched.pages} | extracted.fetched_at
    return LoadBatch(
        run_id=run_id, outlet=outlet, records=found.records + fetched.records,
        source_states=found.states, failed=fetched.failed,
        fetched=[p.candidate.url for p in fetched.pages if p.candidate],
        articles=passed, fetched_at=fetched_at, quarantined=quarantined,
        validation_runs=[run],
    )


def validate_extracted(extracted: Extracted, config: Config, outlet: str,
                       now: datetime) -> tuple[list[Article], list[Quarantined], dict]:
    """Split the batch with the articles suite: (passed, quarantined with raw HTML, run row)."""
    outcome = validate_articles(
        extracted.articles, outlet=outlet, known_outlets=config.outlet_names,
        languages=config.settings.languages, now=now, min_words=config.settings.min_words,
    )
    quarantined = [Quarantined(a, failed, extracted.raw.get(a.url, ""))
                   for a, failed in outcome.quarantined]
    return outcome.passed, quarantined + extracted.failed, outcome.run
