"""The digest flow: once a day, one Slack message on the last 24 hours."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from prefect import flow, get_run_logger, task
from prefect.cache_policies import NO_CACHE

from flows.shared import deliver_task, named_runs
from tasks.config import Config, load_config
from tasks.digest import deliver, gather, write_digest
from tasks.outbox import undelivered
from warehouse import db
from warehouse.db import DEFAULT_DB


@task(name="build-digest", task_run_name="build-digest", cache_policy=NO_CACHE)
def build_task(config: Config, db_path: Path, now: datetime) -> dict:
    digest = gather(db_path, config, now)
    return {"digest_id": digest.digest_id, "new": write_digest(db_path, digest)}


@flow(name="digest", flow_run_name=named_runs("digest"), log_prints=True)
def digest(config_dir: str | None = None, db_path: str = str(DEFAULT_DB),
           now: datetime | None = None) -> dict:
    """Build the day's digest (once per day: a stable id) and deliver it."""
    config = load_config(config_dir)
    path = Path(db_path)
    db.configure(path, config.settings.warehouse)
    summary = build_task(config, path, now or datetime.now(UTC))
    summary["deliveries"] = deliver_task("digest", deliver, config, path)
    summary["undelivered"] = undelivered(summary["deliveries"])
    get_run_logger().info("digest %(digest_id)s, new: %(new)s", summary)
    return summary
