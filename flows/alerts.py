"""The alerts flow: count stories per topic, detect spikes, fill the outbox, deliver."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from prefect import flow, get_run_logger, task
from prefect.artifacts import create_markdown_artifact
from prefect.cache_policies import NO_CACHE
from prefect.states import State

from flows.shared import deliver_task, delivery_end, named_runs
from tasks.alerting import deliver, detect_and_plan
from tasks.artifacts import alerts_markdown, alerts_of_run
from tasks.config import Config, load_config
from tasks.digest import deliver as deliver_digests
from tasks.outbox import undelivered
from warehouse import db
from warehouse.db import DEFAULT_DB


@task(name="detect", task_run_name="detect-spikes", cache_policy=NO_CACHE)
def detect_task(config: Config, db_path: Path, now: datetime) -> dict:
    return detect_and_plan(db_path, config, now)


@flow(name="alerts", flow_run_name=named_runs("alerts"), log_prints=True)
def alerts(config_dir: str | None = None, db_path: str = str(DEFAULT_DB),
           now: datetime | None = None) -> dict | State:
    """Detect topic spikes in the warehouse and deliver the alerts they call for, and a
    digest the digest flow could not deliver (this flow runs often enough to retry it)."""
    logger = get_run_logger()
    config = load_config(config_dir)
    path = Path(db_path)
    db.configure(path, config.settings.warehouse)
    started = datetime.now(UTC)
    summary = detect_task(config, path, now or started)
    summary["deliveries"] = deliver_task("alerts", (deliver, deliver_digests), config, path)
    summary["undelivered"] = undelivered(summary["deliveries"])
    logger.info("%(topics)d topics checked, %(new_alerts)d new alerts", summary)
    create_markdown_artifact(alerts_markdown(summary, alerts_of_run(path, started)),
                             key="alerts-run", description=f"{summary['new_alerts']} new alerts")
    return delivery_end(summary)
