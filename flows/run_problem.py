"""The run-problem flow: one operations message about an ingest, alerts or digest run
that failed, crashed, timed out or is late. prefect.yaml's `run-problem` deployment runs
it from a trigger on those events, with the run's names and state as parameters."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from prefect import flow, runtime, task
from prefect.cache_policies import NO_CACHE

from flows.shared import not_a_config_error
from tasks.config import SlackSettings, load_config
from tasks.run_problem import build_message, message_metadata, report


# A Slack error that may pass (5xx, 429, no connection) is tried again after 10 s, 1 min
# and 5 min: the message is posted once, not kept anywhere for a later run.
@task(name="post-run-problem", task_run_name="post-run-problem", retries=3,
      retry_delay_seconds=[10, 60, 300], retry_condition_fn=not_a_config_error,
      cache_policy=NO_CACHE)
def report_task(message: dict[str, Any], settings: SlackSettings, metadata: dict[str, Any],
                started: datetime) -> str:
    return report(message, settings, metadata,
                  tried_since=started if runtime.task_run.run_count > 1 else None)


@flow(name="run-problem", flow_run_name="run-problem-{run}")
def run_problem(flow_name: str, run: str, state: str, run_id: str,
                reason: str | None = None, config_dir: str | None = None) -> str:
    """Tell the operations channel (or the log, without Slack) what went wrong with `run`."""
    message = build_message(flow_name, run, state, reason, run_id)
    return report_task(message, load_config(config_dir).settings.slack,
                       message_metadata(run_id, state), datetime.now(UTC))
