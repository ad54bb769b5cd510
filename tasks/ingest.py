"""Batch steps of the ingest flow that are not one stage's own: an outlet's new articles
discovered and fetched, fetched pages turned into articles (with failures kept), and
validated articles into a warehouse batch."""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from tasks.config import Config
from tasks.discover import Discovery, discover_outlet
from tasks.errors import ExtractError
from tasks.extract import extract_article
from tasks.fetch import FetchedBatch, Fetcher, fetch_pages
from tasks.load import LoadBatch, new_candidates, retry_candidates, source_states
from tasks.match import TopicMatcher, match_articles
from tasks.models import Article, Page
from tasks.stories import StoryIndex, story_signature
from tasks.validate import validate_articles

EXTRACT_FAILED = "extract_article"


@dataclass
class Extracted:
    articles: list[Article] = field(default_factory=list)
    raw: dict[str, str] = field(default_factory=dict)  # article url -> the page's HTML
    fetched_at: dict[str, datetime] = field(default_factory=dict)  # url_hash -> when
    failed: list[tuple[Article, list[str], str]] = field(default_factory=list)


@dataclass
class PendingLoads:
    """Finished outlets' batches waiting for the loader. They are loaded together once
    they hold `at_least` rows or the oldest has waited `max_wait` seconds (checked as
    outlets finish): every load is a task run for Prefect's server to record, and an
    outlet's batch is often a handful of articles, yet readers should see a run's
    articles as it goes."""

    at_least: int = 500
    max_wait: float = 60.0
    batches: list[LoadBatch] = field(default_factory=list)
    oldest: float = 0.0

    def add(self, batch: LoadBatch) -> None:
        if not self.batches:
            self.oldest = time.monotonic()
        self.batches.append(batch)

    def due(self) -> bool:
        rows = sum(len(b.articles) + len(b.quarantined) for b in self.batches)
        return bool(self.batches) and (
            rows >= self.at_least or time.monotonic() - self.oldest >= self.max_wait)

    def take(self) -> list[LoadBatch]:
        batches, self.batches = self.batches, []
        return batches


def extract_pages(pages: list[Page], config: Config, outlet: str) -> Extracted:
    """Extract every page of one outlet's batch; a page that cannot be read becomes a
    quarantine record with its raw HTML, never an exception."""
    outlet_config = config.outlet(outlet)
    boilerplate = [*config.settings.boilerplate, *outlet_config.boilerplate]
    out = Extracted()
    seen: set[str] = set()
    for page in pages:
        try:
            article = extract_article(page.html, page.url, outlet_config.rules, outlet=outlet,
                                      fallback=page.candidate, boilerplate=boilerplate,
                                      languages=config.settings.languages,
                                      sites=[outlet_config.domain])
        except ExtractError as exc:
            stub = Article(url=page.url, outlet=outlet)
            out.failed.append((stub, [f"{EXTRACT_FAILED}: {exc}"], page.html))
            continue
        if article.url in seen:  # two feed links, one canonical article
            continue
        seen.add(article.url)
        out.articles.append(article)
        out.raw[article.url] = page.html
        out.fetched_at[article.url_hash] = page.fetched_at
    return out


def collect_outlet(config: Config, outlet: str, db_path: Path,
                   fetcher: Fetcher) -> tuple[Discovery, FetchedBatch]:
    """The network half of an outlet's batch: discover its new articles (with earlier
    failures due another try) and fetch them."""
    found = discover_outlet(config.outlet(outlet), fetcher, source_states(db_path, outlet))
    fetch = config.settings.fetch
    fresh = new_candidates(db_path, found.candidates, fetch.max_article_attempts)
    retries = retry_candidates(db_path, outlet, fetch.max_article_attempts)
    fresh_urls = {c.url for c in fresh}
    found.candidates = (fresh + [c for c in retries if c.url not in fresh_urls])[
        : fetch.max_articles_per_outlet]
    return found, fetch_pages(found.candidates, fetcher)


def process_outlet(config: Config, outlet: str, run_id: str, found: Discovery,
                   fetched: FetchedBatch) -> LoadBatch:
    """The CPU half: extract the pages and validate the articles, into the loader's batch."""
    extracted = extract_pages(fetched.pages, config, outlet)
    passed, quarantined, run = validate_extracted(extracted, config, outlet, datetime.now(UTC))
    return LoadBatch(
        run_id=run_id, outlet=outlet, records=found.records + fetched.records,
        source_states=found.states, failed=fetched.failed,
        fetched=[p.candidate.url for p in fetched.pages if p.candidate],
        articles=passed, fetched_at=extracted.fetched_at, quarantined=quarantined,
        validation_runs=[run],
    )


def validate_extracted(extracted: Extracted, config: Config, outlet: str,
                       now: datetime) -> tuple[list[Article], list[tuple[Article, list[str], str]],
                                               dict]:
    """Split the batch with the articles suite: (passed, quarantined with raw HTML, run row)."""
    outcome = validate_articles(
        extracted.articles, outlet=outlet, known_outlets=config.outlet_names,
        languages=config.settings.languages, now=now, min_words=config.settings.min_words,
    )
    quarantined = [(a, failed, extracted.raw.get(a.url, "")) for a, failed in outcome.quarantined]
    return outcome.passed, quarantined + extracted.failed, outcome.run


def prepare_load(batch: LoadBatch, matcher: TopicMatcher, stories: StoryIndex) -> LoadBatch:
    """Match topics and group copies of one story, against the stories already known
    (`tasks.load.recent_stories`); the batch's articles join `stories`."""
    batch.topics = match_articles(batch.articles, matcher)
    signatures = [(a.url_hash, story_signature(a.title, a.body)) for a in batch.articles]
    story_ids = stories.assign(signatures)
    batch.stories = {key: (story_ids[key], sig.to_db()) for key, sig in signatures}
    return batch
