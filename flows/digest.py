"""The digest flow: once a day, one Slack message on the last 24 hours."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from prefect import flow, get_run_logger, runtime, task
from prefect.cache_policies import NO_CACHE

from tasks.artifacts import run_name
from tasks.config import Config, load_config
from tasks.digest import deliver, gather, write_digest
from tasks.notify import resolve_target
from tasks.outbox import deliver_problems, undelivered
from warehouse import db
from warehouse.db import DEFAULT_DB


@task(name="build-digest", cache_policy=NO_CACHE)
def build_task(config: Config, db_path: Path, now: datetime) -> dict:
    digest = gather(db_path, config, now)
    return {"digest_id": digest.digest_id, "new": write_digest(db_path, digest)}


@task(name="send-digest", retries=2, retry_delay_seconds=30, cache_policy=NO_CACHE)
def send_task(config: Config, db_path: Path) -> list[dict]:
    outcomes = deliver(db_path, resolve_target(config.settings.slack))
    return outcomes + deliver_problems(
        db_path, resolve_target(config.settings.slack, operations=True))


def _flow_run_name() -> str:
    return run_name("digest", runtime.flow_run.parameters, runtime.flow_run.scheduled_start_time)


@flow(name="digest", flow_run_name=_flow_run_name, log_prints=True)
def digest(config_dir: str | None = None, db_path: str = str(DEFAULT_DB),
           now: datetime | None = None) -> dict:
    """Build the day's digest (once per day: a stable id) and deliver it."""
    config = load_config(config_dir)
    path = Path(db_path)
    db.configure(path, config.settings.warehouse)
    summary = build_task(config, path, now or datetime.now(UTC))
    summary["deliveries"] = send_task(config, path)
    summary["undelivered"] = undelivered(summary["deliveries"])
    get_run_logger().info("digest %(digest_id)s, new: %(new)s", summary)
    if summary["undelivered"]:
        get_run_logger().error("%(undelivered)d Slack messages were given up on: see the "
                               "slack_outbox view", summary)
    return summary
