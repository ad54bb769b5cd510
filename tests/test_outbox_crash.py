"""A run killed mid-delivery: a real process fills the outbox and is SIGKILLed, before it
posts or after Slack stored its post but before it recorded `sent`; the next `deliver`
brings the total to exactly one post."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

from tasks.alert_message import SpikeAlert
from tasks.alerting import Planned, deliver, write_outbox
from tasks.detect import Decision, Status
from tasks.notify import SlackTarget
from warehouse.db import read

pytest_plugins = ["tests.slack_server"]

ROOT = Path(__file__).resolve().parents[1]
BUCKET = datetime(2026, 3, 1, 13, tzinfo=UTC)


def write_one(path: str, alert_id: str) -> None:
    """One pending alert in the outbox (run in the child process too)."""
    alert = SpikeAlert(
        alert_id=alert_id, topic="iran", topic_label="Iran", bucket_start=BUCKET,
        bucket_minutes=60, observed=9, expected=0.4, score=7.2, articles=9, stories=9,
        outlets=4, headlines=[], volume=[(BUCKET - timedelta(hours=1), 0.0), (BUCKET, 9.0)])
    decision = Decision(BUCKET, 9.0, 9.0, timedelta(hours=1), 0.4, 7.2, Status.alert, "")
    write_outbox(Path(path), [(Planned(alert_id, alert_id, "alert", "iran", BUCKET, decision),
                               alert)])


def child(code: str) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-c", code], cwd=ROOT, stdout=subprocess.PIPE,
                            text=True, env={**os.environ, "PYTHONPATH": str(ROOT)})


def kill(process: subprocess.Popen) -> None:
    process.send_signal(signal.SIGKILL)
    assert process.wait(timeout=10) == -signal.SIGKILL
    process.stdout.close()


def row(path: Path) -> tuple:
    with read(path) as con:
        return con.execute("SELECT status, attempts, slack_ts FROM alerts").fetchone()


def bot(server, token: str = "xoxb-ok") -> SlackTarget:
    return SlackTarget(token=token, channel="#crash", webhook_url=None, base_url=server.url)


def test_killed_after_writing_before_sending(tmp_path, slack_server):
    path = tmp_path / "w.duckdb"
    process = child(
        "import time\n"
        "from tests.test_outbox_crash import write_one\n"
        f"write_one({str(path)!r}, 'crash:before')\n"
        "print('written', flush=True)\n"
        "time.sleep(60)\n"
    )
    assert process.stdout.readline().strip() == "written"
    kill(process)
    assert row(path) == ("pending", 0, None)

    assert [o["status"] for o in deliver(path, bot(slack_server))] == ["sent"]
    assert deliver(path, bot(slack_server)) == []
    assert len(slack_server.posted("newswatch_alert", "alert_id", "crash:before")) == 1


def test_killed_after_slack_took_the_post_before_recording_it(tmp_path, slack_server):
    path = tmp_path / "w.duckdb"
    process = child(
        "from pathlib import Path\n"
        "from tasks.alerting import deliver\n"
        "from tasks.notify import SlackTarget\n"
        "from tests.test_outbox_crash import write_one\n"
        f"write_one({str(path)!r}, 'crash:after')\n"
        f"deliver(Path({str(path)!r}), SlackTarget('xoxb-slow', '#crash', None, "
        f"{slack_server.url!r}))\n"
    )
    deadline = time.monotonic() + 120  # a busy machine: the child imports and draws
    while not slack_server.posted("newswatch_alert", "alert_id", "crash:after"):
        assert time.monotonic() < deadline and process.poll() is None
        time.sleep(0.05)
    kill(process)  # Slack stored the message; its answer, with the ts, never arrived
    assert row(path) == ("sending", 1, None)

    assert [o["status"] for o in deliver(path, bot(slack_server))] == ["sent"]
    assert deliver(path, bot(slack_server)) == []
    [stored] = slack_server.posted("newswatch_alert", "alert_id", "crash:after")
    assert row(path) == ("sent", 1, stored["ts"])
