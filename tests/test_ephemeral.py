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

from flows.ephemeral import PrefectUnavailable, prefect_api, startup_timeout

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


def test_a_server_that_cannot_start_is_one_line():
    from prefect.settings import (
        PREFECT_API_URL,
        PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS,
        temporary_settings,
    )

    with temporary_settings({PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS: 1},
                            restore_defaults={PREFECT_API_URL}), \
            pytest.raises(PrefectUnavailable) as caught, prefect_api():
        pass
    message = str(caught.value)
    assert "\n" not in message and "did not start within 1 s" in message
    assert "PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS" in message
    assert "PREFECT_API_URL" in message


def test_the_startup_timeout_is_ours_unless_the_user_set_one(monkeypatch):
    from prefect.settings import PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS as TIMEOUT
    from prefect.settings import temporary_settings

    monkeypatch.delenv("PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS", raising=False)
    assert startup_timeout() == 180
    with temporary_settings({TIMEOUT: 45}):
        assert startup_timeout() == 45
