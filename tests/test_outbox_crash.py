"""A run killed mid-delivery: a real process fills the outbox and is SIGKILLed, before it
posts or after Slack stored its post but before it recorded `sent`; the next `deliver`
after the row's lease brings the total to exactly one post. And a second process
delivering the same outbox while the first posts leaves that row alone."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from tasks.alert_message import SpikeAlert
from tasks.alerting import Planned, deliver, write_outbox
from tasks.detect import Decision, Status
from tasks.notify import SlackTarget
from tasks.outbox import SENDING_LEASE
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
    assert deliver(path, bot(slack_server)) == []  # as if it were still posting: its lease

    after_lease = datetime.now(UTC) + SENDING_LEASE
    assert [o["status"] for o in deliver(path, bot(slack_server), now=after_lease)] == ["sent"]
    assert deliver(path, bot(slack_server), now=after_lease) == []
    [stored] = slack_server.posted("newswatch_alert", "alert_id", "crash:after")
    assert row(path) == ("sent", 1, stored["ts"])


@contextmanager
def held_webhook() -> Iterator[tuple[str, list[float], threading.Event]]:
    """An incoming webhook that answers its first post only once released: its URL, the
    posts it received, and the release."""
    received: list[float] = []
    release = threading.Event()

    class Hook(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def do_POST(self) -> None:
            self.rfile.read(int(self.headers.get("Content-Length") or 0))
            received.append(time.monotonic())
            if len(received) == 1:
                release.wait(60)
            self.send_response(200)
            self.send_header("Content-Length", "2")
            self.end_headers()
            self.wfile.write(b"ok")

        def log_message(self, format: str, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Hook)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/services/T/B/X", received, release
    finally:
        release.set()
        server.shutdown()
        server.server_close()


def test_a_row_another_process_is_posting_is_left_to_it(tmp_path):
    # The digest and alerts flows both deliver the digests and the delivery-problem
    # reports; a webhook cannot be asked whether the other one's post got through.
    path = tmp_path / "w.duckdb"
    with held_webhook() as (url, received, release):
        process = child(
            "from pathlib import Path\n"
            "from tasks.alerting import deliver\n"
            "from tasks.notify import SlackTarget\n"
            "from tests.test_outbox_crash import write_one\n"
            f"write_one({str(path)!r}, 'race:1')\n"
            f"print(deliver(Path({str(path)!r}), SlackTarget(None, None, {url!r}, None))[0]"
            "['status'], flush=True)\n"
        )
        deadline = time.monotonic() + 120
        while not received:  # the first process is posting, and waits for the answer
            assert time.monotonic() < deadline and process.poll() is None
            time.sleep(0.05)
        assert row(path) == ("sending", 1, None)

        assert deliver(path, SlackTarget(None, None, url, None)) == []

        release.set()
        assert process.stdout.readline().strip() == "sent"
        assert process.wait(timeout=60) == 0
        process.stdout.close()
        assert len(received) == 1
