"""The run-problem flow: one operations message when a Newswatch flow run failed, crashed,
timed out or is late. prefect.yaml's `run-problem` deployment runs it from a trigger on
those events of the ingest, alerts and digest flows, with the run's name, state and message
as parameters, so the operations channel hears of a run that collected nothing."""

from __future__ import annotations

import logging

from prefect import flow

from tasks.config import load_config
from tasks.notify import escape, post_message, resolve_target

log = logging.getLogger("newswatch.run_problem")


def build_message(flow_name: str, run_name: str, state: str, message: str | None,
                  run_id: str | None) -> dict:
    """A plain operations message: which run, in what state, why, where to look."""
    where = f"\nSee `prefect flow-run inspect {escape(run_id)}`" if run_id else ""
    text = (f":rotating_light: Newswatch operations: the {escape(flow_name)} run "
            f"`{escape(run_name)}` is {escape(state)}"
            f"{': ' + escape(message) if message else ''}{where}")
    return {"text": text, "blocks": [{"type": "section",
                                       "text": {"type": "mrkdwn", "text": text[:2900]}}]}


@flow(name="run-problem", flow_run_name="run-problem-{run_name}", log_prints=True)
def run_problem(flow_name: str, run_name: str, state: str, message: str | None = None,
                run_id: str | None = None, config_dir: str | None = None) -> str:
    """Post one operations message about a flow run that went wrong; with no Slack
    configured, log it."""
    payload = build_message(flow_name, run_name, state, message, run_id)
    target = resolve_target(load_config(config_dir).settings.slack, operations=True)
    if target is None:
        log.warning("Slack is not configured; %s", payload["text"])
        return "logged"
    delivery = post_message(payload, target, {"event_type": "newswatch_run_problem",
                                              "event_payload": {"run": run_name}})
    if not delivery.ok:
        log.error("the operations message about %s could not be posted: %s", run_name,
                  delivery.error)
        return "failed"
    return "sent"
