"""The operations message about a Newswatch flow run that failed, crashed, timed out or
is late: built from what Prefect's trigger passes on (the run's flow, name, state, state
message and id), posted to the operations channel like an outlet-health alert, or logged
when Slack is not configured.

Posted at once, not through an outbox: the run that went wrong may be the one that could
not open the warehouse."""

from __future__ import annotations

import logging
from typing import Any

from tasks.config import SlackSettings
from tasks.mrkdwn import code, context, escape, fit, section
from tasks.notify import outbox_metadata, post, resolve_target

log = logging.getLogger("newswatch.run_problem")
EVENT_TYPE = "newswatch_run_problem"  # the message's metadata event type in Slack


def build_message(flow: str, run: str, state: str, reason: str | None,
                  run_id: str) -> dict[str, Any]:
    """What went wrong with which run, and where to look."""
    why = f": {escape(' '.join(reason.split()))}" if reason and reason.strip() else ""
    text = (f":rotating_light: Newswatch operations: the {escape(flow)} run "
            f"`{code(run)}` is {escape(state)}{why}")
    return fit({"text": text, "blocks": [
        section(text),
        context(f"See `prefect flow-run inspect {code(run_id)}` and the run's logs"),
    ]})


def report(message: dict[str, Any], settings: SlackSettings, run_id: str) -> str:
    """Post the message to the operations channel: "sent", "logged" (no Slack), or
    "failed" (logged as an error with Slack's reason)."""
    target = resolve_target(settings, operations=True)
    if target is None:
        log.warning("Slack is not configured; %s", message["text"])
        return "logged"
    delivery = post(message, target, outbox_metadata(EVENT_TYPE, "flow_run_id", run_id))
    if not delivery.ok:
        log.error("the operations message could not be posted (%s): %s", delivery.error,
                  message["text"])
        return "failed"
    log.info("posted to the operations channel: %s", message["text"])
    return "sent"
