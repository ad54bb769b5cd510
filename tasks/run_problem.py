"""The operations message about a Newswatch flow run that failed, crashed, timed out or
is late: built from what Prefect's trigger passes on (the run's flow, name, state, state
message and id), posted to the operations channel like an outlet-health alert, or logged
when Slack is not configured.

Posted at once, not through an outbox: the run that went wrong may be the one that could
not open the warehouse. A failure Slack may get over raises `OperationsMessageNotSent`,
for the run-problem flow's task retries; a retry first looks the message up by its
metadata (the troubled run's id and state), so a post Slack stored before answering 5xx
is not posted twice."""

from __future__ import annotations

import logging
from datetime import datetime
from typing import Any

from tasks.config import SlackSettings
from tasks.errors import OperationsMessageNotSent
from tasks.mrkdwn import code, context, escape, fit, section
from tasks.notify import find_posted, post, resolve_target

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


def message_metadata(run_id: str, state: str) -> dict[str, Any]:
    """The message's Slack metadata: one message per troubled run and state (a run that
    was Late and then Failed gets two)."""
    return {"event_type": EVENT_TYPE, "event_payload": {"flow_run_id": run_id, "state": state}}


def report(message: dict[str, Any], settings: SlackSettings, metadata: dict[str, Any],
           tried_since: datetime | None = None) -> str:
    """Post the message to the operations channel: "sent", "logged" (no Slack), or
    "failed" (Slack refused it for good: logged as an error with Slack's reason). A
    failure Slack may get over raises `OperationsMessageNotSent`. `tried_since`: when the
    first try began, on a retry; the message is looked up in the channel before posting."""
    target = resolve_target(settings, operations=True)
    if target is None:
        log.warning("Slack is not configured; %s", message["text"])
        return "logged"
    delivery = find_posted(target, metadata, tried_since) if tried_since else None
    if delivery is None:
        delivery = post(message, target, metadata)
    if not delivery.ok and delivery.retryable:
        raise OperationsMessageNotSent(f"the operations message could not be posted "
                                       f"({delivery.error}): {message['text']}")
    if not delivery.ok:
        log.error("the operations message could not be posted (%s): %s", delivery.error,
                  message["text"])
        return "failed"
    log.info("posted to the operations channel: %s", message["text"])
    return "sent"
