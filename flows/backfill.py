"""The backfill flow: pages from web archives (WARC) through the ingest flow's own extract,
validate, match and load tasks, a batch of records at a time."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from prefect import flow, get_run_logger
from prefect.utilities.annotations import quote

from flows.ingest import load_task, process_task
from tasks.backfill import ArchiveIssue, Totals, by_outlet, in_batches, read_archives
from tasks.config import load_config
from tasks.fetch import FetchedBatch
from tasks.run import start_run
from warehouse.db import DEFAULT_DB

BATCH_SIZE = 500


@flow(name="backfill", log_prints=True)
def backfill(paths: list[str], config_dir: str | None = None, db_path: str = str(DEFAULT_DB),
             batch_size: int = BATCH_SIZE, outlet: str | None = None,
             progress: Callable[[int, int | None], None] | None = None) -> dict:
    """Load the HTML pages archived in WARC files, `batch_size` records at a time, each
    filed under the configured outlet that owns its URL (or all under `outlet`).
    `progress(pages read, None)` is called after each batch (the CLI's progress bar).

    Re-running it changes nothing twice: loads upsert as in the ingest flow, and of two
    captures of a page the newest is kept. Returns the totals (`tasks.backfill.Totals`:
    pages read, articles loaded, rows quarantined, duplicates, pages skipped because no
    configured outlet owns them, files incomplete: ending inside a record or not
    readable to their end, what was read of them loaded) and `warnings`, a line for each
    problem with an archive that the reading went past (also logged).
    """
    logger = get_run_logger()
    config = load_config(config_dir)
    if outlet is not None:
        config.outlet(outlet)  # an unknown name fails here, before any reading
    run = start_run(config, db_path)
    totals = Totals()
    warnings: list[str] = []

    def note(issue: ArchiveIssue) -> None:
        logger.warning("%s", issue.message)
        warnings.append(issue.message)
        totals.incomplete += issue.incomplete

    archived = read_archives(map(Path, paths), config.outlets, outlet, note)
    for records in in_batches(archived, batch_size):
        groups, skipped = by_outlet(records)
        # The archive stands in for discovery and fetching.
        batches = [process_task(config.for_outlet(name), name, run.run_id,
                                FetchedBatch(pages=pages)) for name, pages in groups.items()]
        for batch in batches:
            batch.fetched_now = False  # fetched when archived: an undated page counts then
        load_task(quote(run), quote(batches))  # as flows/ingest.py
        totals.add(len(records), skipped, batches)
        logger.info("batch %d: %d pages, %d skipped", totals.batches, len(records), skipped)
        if progress:
            progress(totals.pages, None)
    if totals.skipped:
        logger.warning("%d archived pages belong to no configured outlet; not loaded",
                       totals.skipped)
    return totals.figures() | {"warnings": warnings}
