"""The digest flow: once a day, one Slack message on the last 24 hours."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from prefect import flow, get_run_logger, task
from prefect.cache_policies import NO_CACHE
from prefect.states import State

from flows.shared import deliver_task, delivery_end, named_runs
from tasks.config import Config, load_config
from tasks.digest import deliver, delivery_state, gather, write_digest
from tasks.outbox import undelivered
from warehouse import db
from warehouse.db import DEFAULT_DB


@task(name="build-digest", task_run_name="build-digest", cache_policy=NO_CACHE)
def build_task(config: Config, db_path: Path, now: datetime) -> dict:
    digest = gather(db_path, config, now)
    return {"digest_id": digest.digest_id, "new": write_digest(db_path, digest)}


@flow(name="digest", flow_run_name=named_runs("digest"), log_prints=True)
def digest(config_dir: str | None = None, db_path: str = str(DEFAULT_DB),
           now: datetime | None = None) -> dict | State:
    """Build the day's digest (once per day: a stable id) and deliver it. One Slack could
    not take is retried by the alerts runs; the summary's `status` is the digest's own."""
    logger = get_run_logger()
    config = load_config(config_dir)
    path = Path(db_path)
    db.configure(path, config.settings.warehouse)
    summary = build_task(config, path, now or datetime.now(UTC))
    summary["deliveries"] = deliver_task("digest", (deliver,), config, path)
    summary["undelivered"] = undelivered(summary["deliveries"])
    summary.update(delivery_state(path, summary["digest_id"]))
    logger.info("digest %(digest_id)s, new: %(new)s, %(status)s", summary)
    if summary["retry_until"]:
        logger.warning("digest %s is not delivered yet (%s: %s); the alerts runs try again "
                       "until %s", summary["digest_id"], summary["status"],
                       summary["error"] or "another run is sending it",
                       f"{summary['retry_until']:%Y-%m-%d %H:%M} UTC")
    return delivery_end(summary)
