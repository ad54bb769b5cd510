"""The alerts flow: count stories per topic, detect spikes, fill the outbox, deliver."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from prefect import flow, get_run_logger, task
from prefect.cache_policies import NO_CACHE

from tasks.alerting import (
    count_stories,
    decide,
    deliver,
    evidence,
    plan,
    store_decisions,
    write_outbox,
)
from tasks.config import Config, load_config
from tasks.notify import resolve_target
from warehouse import db
from warehouse.db import DEFAULT_DB


@task(name="detect", cache_policy=NO_CACHE)
def detect_task(config: Config, db_path: Path, now: datetime) -> dict:
    rules = config.settings.alerts
    bucket = timedelta(minutes=rules.bucket_minutes)
    counts = count_stories(db_path, [t.name for t in config.topics], bucket,
                           now - timedelta(days=rules.window_days), now)
    decisions = decide(counts, config, bucket)
    store_decisions(db_path, decisions)
    planned = plan(decisions)
    added = write_outbox(db_path, [(p, evidence(db_path, config, p, counts, bucket, now))
                                   for p in planned], counts.snapshot)
    return {"topics": len(decisions), "planned": len(planned), "new_alerts": added}


@task(name="notify", retries=2, retry_delay_seconds=30, cache_policy=NO_CACHE)
def notify_task(config: Config, db_path: Path) -> list[dict]:
    return deliver(db_path, resolve_target(config.settings.slack))


@flow(name="alerts", log_prints=True)
def alerts(config_dir: str | None = None, db_path: str = str(DEFAULT_DB),
           now: datetime | None = None) -> dict:
    """Detect topic spikes in the warehouse and deliver the alerts they call for."""
    logger = get_run_logger()
    config = load_config(config_dir)
    path = Path(db_path)
    db.configure(path, config.settings.warehouse)
    summary = detect_task(config, path, now or datetime.now(UTC))
    summary["deliveries"] = notify_task(config, path)
    logger.info("%(topics)d topics checked, %(new_alerts)d new alerts", summary)
    return summary
