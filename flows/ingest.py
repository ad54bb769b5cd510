"""The ingest flow: discover -> fetch -> extract -> validate -> match -> load, per outlet.

Outlets run in parallel, on threads or on Dask workers (`task_runner`); each task takes
and returns one outlet's batch. Loads funnel through the flow itself, one at a time (a
few outlets' batches each, `tasks.run.PendingLoads`), so parallel tasks never fight
over the DuckDB file.
"""

from __future__ import annotations

import logging
import os
from datetime import UTC, datetime
from pathlib import Path
from typing import Literal

from prefect import flow, get_run_logger, task
from prefect.artifacts import create_markdown_artifact
from prefect.cache_policies import NO_CACHE
from prefect.futures import PrefectFuture, as_completed
from prefect.states import Failed, State
from prefect.task_runners import TaskRunner, ThreadPoolTaskRunner
from prefect.utilities.annotations import quote

from flows.shared import named_runs
from tasks.artifacts import ingest_markdown
from tasks.config import Config, load_config
from tasks.discover import Discovery
from tasks.errors import ConfigError, RunFailed
from tasks.fetch import FetchedBatch, closing_fetchers, fetcher_for
from tasks.health import HealthCheck, RunSummary, check_outlets
from tasks.health import deliver as deliver_health_alerts
from tasks.ingest import collect_outlet, process_outlet
from tasks.load import LoadBatch
from tasks.mrkdwn import plural
from tasks.notify import resolve_target
from tasks.run import PendingLoads, Run, start_run
from warehouse.db import DEFAULT_DB


class KnownThreadTimeoutNotice(logging.Filter):
    """Drops Prefect's warning, on every task run with a timeout on a worker thread, that
    the timeout cannot interrupt a blocking call. Known and planned for (the fetch
    timeouts bound those calls: docs/scaling.md); one per outlet and run, it would bury
    the warnings that need a look."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not (isinstance(record.msg, str) and record.msg.startswith("Timeout of ")
                    and "running in a worker thread" in record.msg)


# Here, not in the flow: Dask workers import this module to run the outlet tasks.
logging.getLogger("prefect.task_runs").addFilter(KnownThreadTimeoutNotice())


@task(name="outlet", task_run_name="outlet-{outlet}", retries=1, retry_delay_seconds=5,
      timeout_seconds=1800, cache_policy=NO_CACHE)
def outlet_task(config: Config, outlet: str, db_path: Path, run_id: str) -> LoadBatch:
    """One outlet's batch up to its load: discover and fetch its new articles, extract and
    validate them. One task rather than one per stage: every task run is work for
    Prefect's server too, which on a small machine competes with the outlets' own."""
    found, fetched = collect_outlet(config, outlet, db_path, fetcher_for(config.settings.fetch))
    return process_outlet(config, outlet, run_id, found, fetched)


@task(name="process", task_run_name="process-{outlet}", cache_policy=NO_CACHE)
def process_task(config: Config, outlet: str, run_id: str, fetched: FetchedBatch) -> LoadBatch:
    """Extract and validate pages that came from elsewhere (a web archive)."""
    return process_outlet(config, outlet, run_id, Discovery(), fetched)


def _load_run_name(parameters: dict) -> str:
    """`load-bbc-world+dw-news`: the outlets whose batches the task writes."""
    return "load-" + "+".join(batch.outlet for batch in parameters["batches"])


@task(name="load", task_run_name=_load_run_name, retries=2, retry_delay_seconds=2,
      cache_policy=NO_CACHE)
def load_task(run: Run, batches: list[LoadBatch]) -> list[dict]:
    """Write outlets' batches, each in its own short transaction. Returns one summary
    per batch."""
    summaries = []
    for batch in batches:
        run.load(batch)
        summaries.append({"outlet": batch.outlet, "articles": len(batch.articles),
                          "quarantined": len(batch.quarantined),
                          "failed": sum(r.failed for r in batch.records),
                          "fetches": len(batch.records)})
    return summaries


def make_task_runner(kind: str, outlets_at_once: int,
                     dask_address: str | None = None) -> TaskRunner:
    """Threads share one process and its Fetcher, so per-host limits hold across outlets.
    Dask runs the tasks in worker processes, each with its own Fetcher: a local cluster of
    one process per core, or the running cluster at `dask_address`."""
    if kind == "threads":
        return ThreadPoolTaskRunner(max_workers=outlets_at_once)
    if kind == "dask":
        from prefect_dask import DaskTaskRunner

        if dask_address:
            return DaskTaskRunner(address=dask_address)
        processes = max(1, min(os.cpu_count() or 1, outlets_at_once))
        return DaskTaskRunner(cluster_kwargs={
            "n_workers": processes, "threads_per_worker": -(-outlets_at_once // processes),
            "processes": True, "dashboard_address": "127.0.0.1:0"})
    raise ConfigError(f"task_runner {kind!r} is not one of: threads, dask")


def _health_run_name(parameters: dict) -> str:
    """`health-check-19-outlets`: how many outlets the task judges."""
    return f"health-check-{plural(len(parameters['outlets']), 'outlet').replace(' ', '-')}"


@task(name="outlet-health", task_run_name=_health_run_name, cache_policy=NO_CACHE)
def health_task(config: Config, db_path: Path, run_id: str,
                outlets: list[str]) -> list[HealthCheck]:
    checks = check_outlets(db_path, run_id, outlets, datetime.now(UTC),
                           config.settings.health)
    deliver_health_alerts(db_path, resolve_target(config.settings.slack, operations=True))
    return checks


@flow(name="ingest", flow_run_name=named_runs("ingest"), log_prints=True)
def ingest(config_dir: str | None = None, db_path: str = str(DEFAULT_DB),
           outlets: list[str] | None = None,
           task_runner: Literal["threads", "dask"] = "threads",
           max_workers: int | None = None,
           dask_address: str | None = None) -> list[dict] | State:
    """Collect new articles from the configured outlets (or the named ones) into the warehouse.

    `max_workers` outlets are worked on at once (default: fetch.max_concurrency), on
    threads or, with `task_runner="dask"`, on a local Dask cluster or the one at
    `dask_address`. Returns one summary per outlet: articles loaded, rows quarantined,
    fetches that failed (of any kind). The run ends with one summary line, and Failed
    when no outlet answered (or fewer than `health.min_reachable_share`).
    """
    logger = get_run_logger()
    run = start_run(load_config(config_dir), db_path, outlets)
    config = run.config

    at_once = min(len(run.outlets), max_workers or config.settings.fetch.max_concurrency)
    waiting = [o.name for o in run.outlets]
    summaries = []
    pending = PendingLoads()

    def load(batches: list[LoadBatch]) -> None:
        # quote: Prefect would walk every article and page of the batches, and the run's
        # story index, for futures
        for summary in load_task(quote(run), quote(batches)):
            logger.info("%(outlet)s: %(articles)d articles, %(quarantined)d quarantined, "
                        "%(failed)d failed fetches", summary)
            summaries.append(summary)

    with make_task_runner(task_runner, at_once, dask_address) as runner, closing_fetchers():
        in_flight: dict[PrefectFuture[LoadBatch], str] = {}

        def submit_next() -> None:
            outlet = waiting.pop(0)
            # The runner is picked per run (a flow parameter), so it is used directly:
            # `runner.submit(task, parameters)` is what `task.submit` does.
            language = config.outlet(outlet).language or "any"
            tagged = outlet_task.with_options(tags={f"outlet:{outlet}", f"language:{language}"})
            future = runner.submit(tagged, {
                "config": config.for_outlet(outlet), "outlet": outlet,
                "db_path": run.db_path, "run_id": run.run_id})
            in_flight[future] = outlet

        # A window, not every outlet at once: only the outlets in flight hold pages.
        while waiting and len(in_flight) < at_once:
            submit_next()
        while in_flight:
            future = next(as_completed(list(in_flight)))
            outlet = in_flight.pop(future)
            if waiting:
                submit_next()  # the next outlet works while the flow loads
            try:
                pending.add(future.result())
            except Exception as exc:  # one outlet's failure never stops the others
                logger.error("outlet %s failed: %s", outlet, exc)
                summaries.append({"outlet": outlet, "error": str(exc)})
                continue
            if pending.due():
                load(pending.take())
        if pending.batches:
            load(pending.take())
    checks = health_task(config, run.db_path, run.run_id, [o.name for o in run.outlets])
    for check in checks:
        if not check.healthy:
            logger.warning("outlet %s looks broken: %s", check.outlet, "; ".join(check.problems))
    totals = RunSummary.of(checks)
    create_markdown_artifact(ingest_markdown(totals, checks), key="ingest-run",
                             description=totals.line)
    summaries.sort(key=lambda s: s["outlet"])
    if totals.failed(config.settings.health.min_reachable_share):
        logger.error(totals.line)
        # the state's result is the error: a list there makes Prefect's engine end the
        # worker's flow-run process with "TypeError: Unexpected result for failed state"
        return Failed(message=totals.line, data=RunFailed(totals.line))
    logger.info(totals.line)
    return summaries
