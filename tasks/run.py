"""A run that loads articles, and its loader: shared by the ingest and backfill flows, the
quarantine retry and the ingest bench.

`start_run` is the set-up they all need: the config, a run id (on every row the run
writes), the run's outlets upserted into the warehouse, the compiled topic matcher and a
story index kept across the run's loads. `Run.load` is the one way a batch reaches the
warehouse: topics matched, copies of one story grouped, one short transaction.
"""

from __future__ import annotations

import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path

from tasks.config import Config, Outlet
from tasks.load import LoadBatch, recent_stories, upsert_outlets, write_batch
from tasks.match import TopicMatcher, match_articles
from tasks.stories import StoryIndex, story_signature
from warehouse import db


def new_run_id(prefix: str = "") -> str:
    return f"{prefix}{uuid.uuid4().hex[:12]}"


@dataclass
class Run:
    config: Config
    db_path: Path
    run_id: str
    outlets: list[Outlet]  # the outlets this run works on
    matcher: TopicMatcher
    stories: StoryIndex  # stored stories read so far, and this run's own

    def load(self, batch: LoadBatch) -> LoadBatch:
        """Match, group and write one outlet's batch (its `run_id` is this run's)."""
        recent_stories(self.db_path, self.stories, self.run_id)
        write_batch(self.db_path, prepare_load(batch, self.matcher, self.stories))
        return batch


def start_run(config: Config, db_path: Path | str, outlets: list[str] | None = None, *,
              id_prefix: str = "") -> Run:
    """Set up a run over the named outlets (default: every configured one); an unknown
    name is a ConfigError before anything is written."""
    chosen = [config.outlet(name) for name in outlets] if outlets else config.outlets
    path = Path(db_path)
    db.configure(path, config.settings.warehouse)  # the --db file, or the DuckLake
    upsert_outlets(path, chosen)
    return Run(config=config, db_path=path, run_id=new_run_id(id_prefix), outlets=chosen,
               matcher=TopicMatcher.compile(config.topics), stories=StoryIndex())


def prepare_load(batch: LoadBatch, matcher: TopicMatcher, stories: StoryIndex) -> LoadBatch:
    """Match topics and group copies of one story, against the stories already known
    (`tasks.load.recent_stories`); the batch's articles join `stories`."""
    batch.topics = match_articles(batch.articles, matcher)
    signatures = [(a.url_hash, story_signature(a.title, a.body)) for a in batch.articles]
    story_ids = stories.assign(signatures)
    batch.stories = {key: (story_ids[key], sig.to_db()) for key, sig in signatures}
    return batch


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
