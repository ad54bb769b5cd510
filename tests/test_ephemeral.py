"""The temporary Prefect server of `newswatch run` and `demo`: it dies with the command
even when the command is killed with SIGKILL, and one that cannot start is one line."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

import pytest
import requests

from flows.ephemeral import startup_timeout

CHILD = """
import time
from prefect.settings import PREFECT_API_URL
from flows.ephemeral import prefect_api
with prefect_api():
    print(PREFECT_API_URL.value(), flush=True)
    time.sleep(600)
"""


def clean_env() -> dict[str, str]:
    return {k: v for k, v in os.environ.items() if k != "PREFECT_API_URL"}


@pytest.mark.slow
def test_the_server_dies_with_a_command_killed_by_sigkill():
    with subprocess.Popen([sys.executable, "-c", CHILD], stdout=subprocess.PIPE, text=True,
                          env=clean_env()) as command:
        api = command.stdout.readline().strip()
        assert api.startswith("http://127.0.0.1:"), api
        assert requests.get(f"{api}/health", timeout=10).ok
        command.send_signal(signal.SIGKILL)
        command.wait()
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            requests.get(f"{api}/health", timeout=2)
        except requests.ConnectionError:
            return
        time.sleep(0.5)
    raise AssertionError(f"the temporary server at {api} outlived its command")


def test_a_server_that_cannot_start_is_one_line(tmp_path):
    """`newswatch run` as a user runs it, with no Prefect server and too little time to
    start one (a process of its own: the suite's harness is no API for it)."""
    env = {**clean_env(), "PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS": "1",
           "PREFECT_HOME": str(tmp_path / "prefect")}
    result = subprocess.run(
        [sys.executable, "-m", "flows.cli", "run", "--db", str(tmp_path / "w.duckdb")],
        env=env, capture_output=True, text=True, timeout=300, cwd=tmp_path)
    assert result.returncode == 1, result.stderr
    message = result.stderr.strip().splitlines()[-1]
    assert message.startswith("newswatch: the temporary Prefect server did not start within 1 s")
    assert "PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS" in message
    assert "PREFECT_API_URL" in message
    assert "Traceback" not in result.stderr


def test_the_startup_timeout_is_ours_unless_the_user_set_one(monkeypatch):
    from prefect.settings import PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS as TIMEOUT
    from prefect.settings import temporary_settings

    monkeypatch.delenv("PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS", raising=False)
    assert startup_timeout() == 180
    with temporary_settings({TIMEOUT: 45}):
        assert startup_timeout() == 45
