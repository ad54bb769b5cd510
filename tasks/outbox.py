"""Delivery from an outbox table to Slack, shared by topic alerts (`alerts`), digests
(`digests`), operations alerts (`outlet_health_events`) and the reports of deliveries
given up on (`delivery_problems`): each row is a message with a stable id, written once
and posted as stored (`tasks.notify.post`), at most once where Slack can be asked.

Delivery marks a row `sending` (attempts + 1) in its own transaction before it posts, and
`sent` with Slack's ts after. A row found `sending` or `failed` was tried before and may
be in Slack already (the run died after Slack took it, or Slack stored it and answered
5xx), so it is first looked up by its id in the message metadata of the channel's
history, and posted again only if it is not there. Webhooks cannot be looked up: for them
that window is at least once. A row another delivery marked `sending` is left to it for
`SENDING_LEASE` (its `next_attempt_at`): two flows deliver some outboxes (digests and
delivery-problem reports), and one must not post what the other is posting.

A failure Slack may get over (5xx, 429, a timeout) leaves the row `failed` with a
`next_attempt_at` (exponential backoff), and later runs try again for as long as the
message is worth sending (`WORTH_SENDING` after it was written). Then, or at once when
Slack refuses it for good (bad token, missing channel: `undeliverable`), the row is given
up on (`gave_up`), the log says so at ERROR level, and one operations alert per delivery
run lists what was lost (`delivery_problems`, posted to the operations channel).
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from tasks.mrkdwn import code, context, date, duration, escape, fit, plural, section
from tasks.notify import Delivery, SlackTarget, find_posted, outbox_metadata, post
from warehouse import db

log = logging.getLogger("newswatch.outbox")
WORTH_SENDING = timedelta(hours=24)  # a message older than this is given up on, not posted
FIRST_BACKOFF = timedelta(minutes=1)  # doubled after each failed attempt...
MAX_BACKOFF = timedelta(hours=2)  # ...up to this
# A row marked 'sending' is another delivery's for this long, then taken over as a dead
# run's: longer than a post can take (15 s per request, a 5 s 429 wait, one retry).
SENDING_LEASE = timedelta(minutes=2)
PROBLEM_EVENT = "newswatch_delivery_problem"  # metadata event type of a delivery report
GIVEN_UP = ("gave_up", "undeliverable")
DELIVERED = ("sent", "logged")
MAX_LISTED = 20


@dataclass
class Outbox:
    """An outbox table: its key column, its creation column and its metadata event."""

    table: str
    key: str
    event: str
    created: str = "created_at"
    reported: bool = True  # a message given up on gets a delivery-problem report


PROBLEMS = Outbox("delivery_problems", "problem_id", PROBLEM_EVENT, reported=False)


def backoff(attempts: int) -> timedelta:
    """The wait after the `attempts`-th failed attempt: 1, 2, 4... minutes, up to 2 hours."""
    return min(FIRST_BACKOFF * 2 ** max(attempts - 1, 0), MAX_BACKOFF)


def deliver_outbox(db_path: Path, outbox: Outbox, target: SlackTarget | None,
                   thread_of: Callable[[str], str | None] = lambda _row_id: None,
                   now: datetime | None = None) -> list[dict]:
    """Send an outbox table's due rows, oldest first, and record each outcome.

    A row is marked 'sending' before it is posted (with its id in the message metadata);
    a row tried before is first looked up in the channel, so a crash after Slack stored
    the post does not post it twice. With no Slack configured a row is logged and marked
    'logged'. Rows given up on now are reported in `delivery_problems`."""
    now = now or datetime.now(UTC)
    table, key = outbox.table, outbox.key
    with db.read(db_path) as con:
        rows = con.execute(f"""
            SELECT {key}, message, status, attempts, {outbox.created} FROM {table}
            WHERE status = 'pending'
               OR (status IN ('failed', 'sending') AND coalesce(next_attempt_at <= ?, true))
            ORDER BY {outbox.created}, {key}
        """, [now]).fetchall()
    outcomes = []
    for row_id, message, read_status, attempts, created_at in rows:
        payload = json.loads(message)
        if target is None:
            log.warning("Slack is not configured; %s: %s", row_id, payload["text"])
            mark(db_path, outbox, row_id, "logged", attempts)
            outcomes.append({key: row_id, "status": "logged", "error": None})
            continue
        thread = thread_of(row_id)
        metadata = outbox_metadata(outbox.event, key, row_id)
        delivery = find_posted(target, metadata, created_at, thread) if attempts else None
        if (delivery is None or not delivery.ok) and now - created_at > WORTH_SENDING:
            earlier = last_error(db_path, outbox, row_id) or "none"
            delivery = Delivery(False, None, None, f"not sent within {duration(WORTH_SENDING)}"
                                f" of being written ({plural(attempts, 'attempt')}; last "
                                f"error: {earlier})", False)
            status = "gave_up"
            mark(db_path, outbox, row_id, status, attempts, delivery.error)
        else:
            if delivery is None or not delivery.ok:  # a lookup Slack could not answer counts
                attempts += 1
            if delivery is None:
                if not claim(db_path, outbox, row_id, read_status, attempts):
                    continue  # another flow's delivery (digest and alerts both send reports)
                delivery = post(payload, target, metadata, thread)
            status = record(db_path, outbox, row_id, delivery, attempts, now)
        outcomes.append({key: row_id, "status": status, "error": delivery.error})
    lost = [o for o in outcomes if o["status"] in GIVEN_UP]
    for outcome in lost:
        log.error("Slack message %s (%s) was given up on: %s", outcome[key], table,
                  outcome["error"])
    if lost and outbox.reported:
        report(db_path, outbox, lost, now)
    return outcomes


def record(db_path: Path, outbox: Outbox, row_id: str, delivery: Delivery, attempts: int,
           now: datetime) -> str:
    """Write a delivery's outcome to an outbox row; returns the status written."""
    status = "sent" if delivery.ok else "failed" if delivery.retryable else "undeliverable"
    retry_at = now + backoff(attempts) if status == "failed" else None
    mark(db_path, outbox, row_id, status, attempts, delivery.error, delivery.channel,
         delivery.ts, retry_at)
    return status


def claim(db_path: Path, outbox: Outbox, row_id: str, read_status: str, attempts: int) -> bool:
    """Mark a row 'sending' with its new attempt count and lease, if it is still as it was
    read; False when another delivery got to it first."""
    # the lease runs on the clock of the post, not on a `now` read before earlier posts
    lease_until = datetime.now(UTC) + SENDING_LEASE
    with db.write(db_path) as con:
        [changed] = con.execute(f"""
            UPDATE {outbox.table} SET status = 'sending', attempts = ?, next_attempt_at = ?
            WHERE {outbox.key} = ? AND status = ? AND attempts < ?
        """, [attempts, lease_until, row_id, read_status, attempts]).fetchone()
    return changed == 1


def mark(db_path: Path, outbox: Outbox, row_id: str, status: str, attempts: int,
         error: str | None = None, channel: str | None = None, ts: str | None = None,
         retry_at: datetime | None = None) -> None:
    """Set an outbox row's delivery state in its own short transaction."""
    with db.write(db_path) as con:
        con.execute(f"""
            UPDATE {outbox.table} SET status = ?, attempts = ?, last_error = ?,
                slack_channel = coalesce(?, slack_channel), slack_ts = coalesce(?, slack_ts),
                delivered_at = CASE WHEN ? IN ('sent', 'logged') THEN now() END,
                next_attempt_at = ?
            WHERE {outbox.key} = ?
        """, [status, attempts, error, channel, ts, status, retry_at, row_id])


def last_error(db_path: Path, outbox: Outbox, row_id: str) -> str | None:
    with db.read(db_path) as con:
        row = con.execute(f"SELECT last_error FROM {outbox.table} WHERE {outbox.key} = ?",
                          [row_id]).fetchone()
    return row[0] if row else None


def report(db_path: Path, outbox: Outbox, lost: list[dict], now: datetime) -> None:
    """One delivery-problem row (an operations alert) for the rows given up on now."""
    ids = [o[outbox.key] for o in lost]
    message = problem_message(outbox.table, lost, outbox.key, now)
    with db.write(db_path) as con:
        con.execute("""
            MERGE INTO delivery_problems USING (
                SELECT ? AS problem_id, ? AS outbox, ?::VARCHAR[] AS row_ids,
                    ?::JSON AS message, ?::TIMESTAMPTZ AS created_at
            ) p ON delivery_problems.problem_id = p.problem_id
            WHEN NOT MATCHED THEN INSERT BY NAME
        """, [f"{outbox.table}:{now:%Y%m%dT%H%M%S.%f}", outbox.table, ids, json.dumps(message),
              now])


def problem_message(table: str, lost: list[dict], key: str, now: datetime) -> dict[str, Any]:
    """The operations alert for messages given up on: which, why, and where they are kept."""
    kind = {"alerts": "alert", "digests": "digest", "outlet_health_events": "operations alert"}
    lines = [f"• {kind.get(table, table)} `{code(o[key])}`: {escape(o['error'] or '')}"
             for o in lost[:MAX_LISTED]]
    if len(lost) > MAX_LISTED:
        lines.append(f"…and {len(lost) - MAX_LISTED} more")
    headline = (f":rotating_light: Newswatch operations: {plural(len(lost), 'Slack message')} "
                f"could not be delivered and will not be retried")
    where = ("They are kept in the warehouse: `newswatch sql \"SELECT * FROM slack_outbox "
             "WHERE status IN ('gave_up', 'undeliverable')\"`")
    return fit({"text": headline, "blocks": [
        section(f"{headline}\n" + "\n".join(lines)),
        context(f"{where} · given up {date(now)}"),
    ]})


def deliver_problems(db_path: Path, target: SlackTarget | None,
                     now: datetime | None = None) -> list[dict]:
    """Send the pending delivery-problem reports (to the operations channel's target)."""
    return deliver_outbox(db_path, PROBLEMS, target, now=now)


def undelivered(outcomes: list[dict]) -> int:
    """How many of a delivery run's messages did not get out: failed (a later run tries
    again) or given up on. What a run summary shows."""
    return sum(1 for o in outcomes if o["status"] not in DELIVERED)


def given_up_line(outcomes: list[dict]) -> str | None:
    """One line for a delivery run that gave up on messages, saying how many and why (the
    first two reasons); None when it gave up on none."""
    lost = [o for o in outcomes if o["status"] in GIVEN_UP]
    if not lost:
        return None
    reasons = list(dict.fromkeys(o["error"] or o["status"] for o in lost))
    why = "; ".join(reasons[:2]) + ("; …" if len(reasons) > 2 else "")
    return (f"{plural(len(lost), 'Slack message')} given up on (kept in the outbox: see the "
            f"slack_outbox view): {why}")
