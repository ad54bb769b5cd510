"""Delivery from an outbox table to Slack, shared by topic alerts (`alerts`), digests
(`digests`) and operations alerts (`outlet_health_events`): each row is a message with a
stable id, written once, and sent at most once where Slack can be asked.

Delivery marks a row `sending` (attempts + 1) in its own transaction before it posts, and
`sent` with Slack's ts after. A row found `sending` or `failed` was tried before and may
be in Slack already (the run died after Slack took it, or Slack stored it and answered
5xx), so it is first looked up by its id in the message metadata of the channel's
history, and posted again only if it is not there. Webhooks cannot be looked up: for them
that window is at least once.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable
from pathlib import Path

from tasks.notify import Delivery, SlackTarget, find_posted, outbox_metadata, post
from warehouse import db

log = logging.getLogger("newswatch.outbox")
MAX_DELIVERY_ATTEMPTS = 5


def deliver_outbox(db_path: Path, table: str, key: str, event: str,
                   target: SlackTarget | None,
                   thread_of: Callable[[str], str | None] = lambda _row_id: None,
                   created: str = "created_at") -> list[dict]:
    """Send an outbox table's pending rows, oldest first, and record each outcome.

    A row is marked 'sending' before it is posted (with its id in the message metadata);
    a row tried before is first looked up in the channel, so a crash after Slack stored
    the post does not post it twice. With no Slack configured a row is logged and marked
    'logged'."""
    with db.read(db_path) as con:
        rows = con.execute(f"""
            SELECT {key}, message, attempts, {created} FROM {table}
            WHERE status IN ('pending', 'sending') OR (status = 'failed' AND attempts < ?)
            ORDER BY {created}, {key}
        """, [MAX_DELIVERY_ATTEMPTS]).fetchall()
    outcomes = []
    for row_id, message, attempts, created_at in rows:
        payload = json.loads(message)
        if target is None:
            log.warning("Slack is not configured; %s: %s", row_id, payload["text"])
            mark(db_path, table, key, row_id, "logged", attempts)
            outcomes.append({key: row_id, "status": "logged", "error": None})
            continue
        thread = thread_of(row_id)
        metadata = outbox_metadata(event, key, row_id)
        delivery = find_posted(target, metadata, created_at, thread) if attempts else None
        if delivery is None or not delivery.ok:  # a lookup Slack could not answer counts too
            attempts += 1
        if delivery is None:
            mark(db_path, table, key, row_id, "sending", attempts)
            delivery = post(payload, target, metadata, thread)
        status = record(db_path, table, key, row_id, delivery, attempts)
        outcomes.append({key: row_id, "status": status, "error": delivery.error})
    return outcomes


def record(db_path: Path, table: str, key: str, row_id: str, delivery: Delivery,
           attempts: int) -> str:
    """Write a delivery's outcome to an outbox row; returns the status written."""
    status = ("sent" if delivery.ok else "failed" if delivery.retryable else "undeliverable")
    mark(db_path, table, key, row_id, status, attempts, delivery.error, delivery.channel,
         delivery.ts)
    return status


def mark(db_path: Path, table: str, key: str, row_id: str, status: str, attempts: int,
         error: str | None = None, channel: str | None = None, ts: str | None = None) -> None:
    """Set an outbox row's delivery state in its own short transaction."""
    with db.write(db_path) as con:
        con.execute(f"""
            UPDATE {table} SET status = ?, attempts = ?, last_error = ?,
                slack_channel = coalesce(?, slack_channel), slack_ts = coalesce(?, slack_ts),
                delivered_at = CASE WHEN ? IN ('sent', 'logged') THEN now() END
            WHERE {key} = ?
        """, [status, attempts, error, channel, ts, status, row_id])
