"""The run-problem flow: one operations message about an ingest, alerts or digest run
that failed, crashed, timed out or is late. prefect.yaml's `run-problem` deployment runs
it from a trigger on those events, with the run's names and state as parameters."""

from __future__ import annotations

from prefect import flow

from tasks.config import load_config
from tasks.run_problem import build_message, report


@flow(name="run-problem", flow_run_name="run-problem-{run}")
def run_problem(flow_name: str, run: str, state: str, run_id: str,
                reason: str | None = None, config_dir: str | None = None) -> str:
    """Tell the operations channel (or the log, without Slack) what went wrong with `run`."""
    message = build_message(flow_name, run, state, reason, run_id)
    return report(message, load_config(config_dir).settings.slack, run_id)
