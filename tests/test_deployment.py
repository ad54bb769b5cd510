"""The deployments for real: a Prefect server on 127.0.0.1, a process work pool, `prefect
--no-prompt deploy --all` from prefect.yaml, a worker, and an ingest run triggered on the
deployment against the local newsroom. Every process is stopped afterwards."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

import pytest
import requests

from flows.demo import write_demo_config
from warehouse.db import read

ROOT = Path(__file__).resolve().parents[1]
PREFECT = str(Path(sys.executable).with_name("prefect"))
OUTLETS = ["globe-herald", "der-tagesbote"]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextmanager
def running(args: list[str], env: dict[str, str], log: Path) -> Iterator[subprocess.Popen]:
    """A long-running command in its own process group, stopped with everything it
    started (a worker's flow-run processes too)."""
    with log.open("wb") as out:
        process = subprocess.Popen(args, cwd=ROOT, env=env, stdout=out,
                                   stderr=subprocess.STDOUT, start_new_session=True)
        try:
            yield process
        finally:
            os.killpg(process.pid, signal.SIGTERM)
            with suppress(subprocess.TimeoutExpired):
                process.wait(timeout=10)
            with suppress(ProcessLookupError):  # what is left of the group, flow runs too
                os.killpg(process.pid, signal.SIGKILL)
            process.wait()


def prefect(*args: str, env: dict[str, str], timeout: float = 120) -> str:
    done = subprocess.run([PREFECT, *args], cwd=ROOT, env=env, capture_output=True,
                          text=True, timeout=timeout)
    assert done.returncode == 0, f"prefect {' '.join(args)}:\n{done.stdout}\n{done.stderr}"
    return done.stdout


def wait_healthy(url: str, server: subprocess.Popen, log: Path, seconds: float = 120) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        assert server.poll() is None, log.read_text(errors="replace")[-2000:]
        try:
            if requests.get(f"{url}/health", timeout=2).ok:
                return
        except requests.ConnectionError:
            pass
        time.sleep(0.5)
    raise AssertionError(f"no Prefect server at {url} after {seconds}s")


def flow_run_state(api: str, name: str) -> tuple[str, str]:
    """The state type and name of the flow run called `name`."""
    response = requests.post(f"{api}/flow_runs/filter", timeout=10,
                             json={"flow_runs": {"name": {"any_": [name]}}})
    response.raise_for_status()
    run = response.json()[0]
    return run["state"]["type"], run["state"]["name"]


@pytest.mark.slow
def test_ingest_runs_on_a_deployment_served_by_a_worker(newsroom, tmp_path):
    port = free_port()
    api = f"http://127.0.0.1:{port}/api"
    env = {key: value for key, value in os.environ.items() if not key.startswith("PREFECT_")}
    env.update({
        "PREFECT_HOME": str(tmp_path / "prefect-home"),
        "PREFECT_API_URL": api,
        "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
        # The deployments carry cron schedules; no scheduled run may start during the test.
        "PREFECT_SERVER_SERVICES_SCHEDULER_ENABLED": "false",
        "GX_ANALYTICS_ENABLED": "false",
    })
    config_dir = write_demo_config(tmp_path / "config", newsroom.outlets_config())
    db_path = tmp_path / "w.duckdb"
    params = {"config_dir": str(config_dir), "db_path": str(db_path), "outlets": OUTLETS}

    server_cmd = [PREFECT, "server", "start", "--host", "127.0.0.1", "--port", str(port)]
    with running(server_cmd, env, tmp_path / "server.log") as server:
        wait_healthy(api, server, tmp_path / "server.log")
        prefect("work-pool", "create", "newswatch", "--type", "process", env=env)
        prefect("--no-prompt", "deploy", "--all", env=env)
        with running([PREFECT, "worker", "start", "--pool", "newswatch"], env,
                     tmp_path / "worker.log"):
            out = prefect("deployment", "run", "ingest/ingest", "--params", json.dumps(params),
                          "--flow-run-name", "deployment-test", "--watch",
                          "--watch-timeout", "300", env=env, timeout=330)
            state = flow_run_state(api, "deployment-test")
    worker_log = (tmp_path / "worker.log").read_text(errors="replace")
    assert state == ("COMPLETED", "Completed"), out + worker_log[-3000:]

    expected = {a["url"] for a in newsroom.articles if a["outlet"] in OUTLETS}
    with read(db_path) as con:
        loaded = {r[0] for r in con.execute("SELECT url FROM articles").fetchall()}
        quarantined = {r[0] for r in con.execute("SELECT url FROM quarantine").fetchall()}
    assert loaded | quarantined == expected
