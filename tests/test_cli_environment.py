"""`newswatch run` in a bare environment (PATH, HOME, a fresh PREFECT_HOME; none of the
settings tests/conftest.py gives every other test): what a user sees is the same."""

from __future__ import annotations

import os
import socket
import sqlite3
import subprocess
import sys
from pathlib import Path

from flows.demo import write_demo_config


def test_a_run_in_a_bare_environment_logs_to_its_run_and_prints_no_prefect_noise(tmp_path):
    with socket.socket() as sock:  # bound, never listening: refused
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
        config_dir = write_demo_config(tmp_path / "config", [{
            "name": "refusing", "display_name": "Refusing", "domain": "127.0.0.1",
            "language": "en", "sources": [{"type": "feed", "url": f"http://127.0.0.1:{port}/rss"}]}])
        home = tmp_path / "prefect-home"
        home.mkdir()
        done = subprocess.run(
            [str(Path(sys.executable).with_name("newswatch")), "run", "--config",
             str(config_dir), "--db", str(tmp_path / "w.duckdb")],
            env={"PATH": os.environ["PATH"], "HOME": os.environ["HOME"],
                 "PREFECT_HOME": str(home)},
            cwd=tmp_path, capture_output=True, text=True, timeout=600, check=False)
    assert done.returncode == 1, done.stderr[-3000:]
    assert done.stderr.strip().endswith(
        "newswatch: outlets reachable 0/1, articles 0, quarantined 0, failed fetches 1")
    for noise in ("Traceback", "attempted to send logs to the API", "telemetry"):
        assert noise not in done.stderr, done.stderr[-3000:]
    # The temporary server's database: the outlet's operations alert (no Slack here) is in
    # the ingest run's logs, not only on the console.
    with sqlite3.connect(home / "prefect.db") as con:
        logged = con.execute("SELECT message FROM log WHERE name = 'newswatch.outbox' "
                             "AND flow_run_id IS NOT NULL").fetchall()
    assert any("looks broken" in message for (message,) in logged), logged
