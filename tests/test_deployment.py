"""The deployments for real: the README's Deployments block, run line by line against a
Prefect server on 127.0.0.1 with its scheduler on. The server's scheduler creates the
ingest runs, the worker completes them, each completed ingest run triggers an alerts run
(prefect.yaml's deployment trigger), a failed and a late ingest run each reach the
operations channel (the run-problem trigger), and the server logs no error. Every process
is stopped afterwards."""

from __future__ import annotations

import os
import re
import shlex
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager, suppress
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
import requests
from requests.adapters import HTTPAdapter
from urllib3.util.retry import Retry

from flows.demo import write_demo_config
from warehouse.db import read

ROOT = Path(__file__).resolve().parents[1]
BIN = str(Path(sys.executable).parent)
OUTLETS = ["globe-herald", "der-tagesbote"]
FINAL = {"COMPLETED", "FAILED", "CRASHED", "CANCELLED"}
# Prefect's API answers 503 to a write SQLite refused ("database is locked" on a busy
# machine) and its own client retries; so does the test's.
API = requests.Session()
API.mount("http://", HTTPAdapter(max_retries=Retry(
    total=6, backoff_factor=0.5, status_forcelist=[503], allowed_methods=None)))


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def readme_block() -> list[str]:
    """The command lines of the README's Deployments block."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    section = text[text.index("## Deployments"):]
    block = re.search(r"```bash\n(.*?)```", section, re.S)
    assert block, "README.md: the Deployments section has no bash block"
    return [line for line in block.group(1).splitlines() if line.strip()]


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


def run_block(lines: list[str], env: dict[str, str], port: int, logs: Path,
              stack: ExitStack) -> None:
    """Each line as a shell would: `export` sets variables, a trailing `&` leaves the
    command running (stopped by `stack`), anything else must exit 0. Only the port and
    the venv's folder are replaced."""
    for line in lines:
        number = len(list(logs.iterdir()))
        line = line.split("  #")[0].replace("4200", str(port)).replace(".venv/bin", BIN)
        if line.startswith("export "):
            for assignment in shlex.split(line)[1:]:
                key, _, value = assignment.partition("=")
                env[key] = value
        elif line.endswith("&"):
            args = shlex.split(line[:-1])
            stack.enter_context(running(args, dict(env), logs / f"{number}-{args[1]}.log"))
        else:
            done = subprocess.run(["bash", "-c", line], cwd=ROOT, env=env,
                                  capture_output=True, text=True, timeout=600)
            assert done.returncode == 0, f"{line}:\n{done.stdout[-3000:]}\n{done.stderr[-3000:]}"


def api_post(api: str, path: str, body: dict) -> list[dict]:
    response = API.post(f"{api}{path}", json=body, timeout=10)
    response.raise_for_status()
    return response.json()


def deployment(api: str, name: str) -> dict:
    [found] = [d for d in api_post(api, "/deployments/filter", {}) if d["name"] == name]
    return found


def set_defaults(api: str, name: str, params: dict) -> None:
    """`params` in place of the deployment's default parameters of the same names."""
    found = deployment(api, name)
    response = API.patch(f"{api}/deployments/{found['id']}", timeout=10,
                         json={"parameters": {**found["parameters"], **params}})
    response.raise_for_status()


def turn_off_schedules(api: str, name: str) -> None:
    """No scheduled runs of the deployment (those already scheduled are deleted)."""
    found = deployment(api, name)
    for schedule in found["schedules"]:
        response = API.patch(f"{api}/deployments/{found['id']}/schedules/{schedule['id']}",
                             json={"active": False}, timeout=10)
        response.raise_for_status()


def flow_runs(api: str, flow: str) -> list[dict]:
    return api_post(api, "/flow_runs/filter", {"flows": {"name": {"any_": [flow]}}})


def automation_events(api: str) -> list[str]:
    """What the automations did (`prefect.automation.action.failed` says why a trigger
    produced no run): the first thing to read when a triggered run never comes."""
    found = API.post(f"{api}/events/filter", timeout=10, json={
        "filter": {"event": {"prefix": ["prefect.automation"]}}, "limit": 50})
    return [f"{e['event']} {e['resource'].get('prefect.resource.name')} {e.get('payload')}"
            for e in found.json()["events"]]


def wait_for(what: str, check: Callable[[], bool], seconds: float, logs: Path,
             api: str) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if check():
            return
        time.sleep(2)
    tail = "\n".join(f"--- {p.name}\n{p.read_text(errors='replace')[-2500:]}"
                     for p in sorted(logs.glob("*.log")))
    events = "\n".join(automation_events(api))
    raise AssertionError(f"no {what} after {seconds}s\n{tail}\n--- automation events\n{events}")


def start_run(api: str, deployment_name: str, **body: object) -> dict:
    """A run of the deployment created through the API (the deployment's parameters,
    overridden by `body`'s)."""
    found = deployment(api, deployment_name)
    return api_post(api, f"/deployments/{found['id']}/create_flow_run", body)


def refusing_config(folder: Path, outlets: list[dict], port: int) -> Path:
    """The outlets' config with every source on `port`, which refuses connections."""
    down = [{**o, "sources": [{**s, "url": re.sub(r"//127\.0\.0\.1:\d+", f"//127.0.0.1:{port}",
                                                  s["url"])} for s in o["sources"]]}
            for o in outlets]
    return write_demo_config(folder, down)


def operations_messages(api: str) -> list[str]:
    """The run-problem runs' operations messages, from their logs (no Slack here)."""
    runs = [r["id"] for r in completed(flow_runs(api, "run-problem"))]
    records = api_post(api, "/logs/filter", {"logs": {"flow_run_id": {"any_": runs}}})
    return [r["message"] for r in records if r["name"] == "newswatch.run_problem"]


def server_errors(log: str) -> list[str]:
    """The server's ERROR records (a line and its traceback), but for SQLite refusing a
    write on a busy machine ("database is locked": Prefect's own bookkeeping, such as a
    worker's heartbeat, retried on the next beat; a server on PostgreSQL has none). Any
    other error fails the test: the scheduler's, the triggers', a telemetry traceback."""
    records = re.split(r"\n(?=\d\d:\d\d:\d\d\.\d+ \| )", log)
    return [r for r in records if r[15:20] == "ERROR"
            and "(sqlite3.OperationalError) database is locked" not in r]


def completed(runs: list[dict], **match: object) -> list[dict]:
    return [r for r in runs if r["state_type"] == "COMPLETED"
            and all(r.get(k) == v for k, v in match.items())]


@pytest.mark.slow
@pytest.mark.timeout(1200)
def test_readme_deployments_schedule_run_and_trigger_alerts(newsroom, tmp_path):
    port = free_port()
    api = f"http://127.0.0.1:{port}/api"
    env = {key: value for key, value in os.environ.items() if not key.startswith("PREFECT_")}
    config_dir = write_demo_config(tmp_path / "config", newsroom.outlets_config())
    env.update({
        "PREFECT_HOME": str(tmp_path / "prefect-home"),
        "GX_ANALYTICS_ENABLED": "false",
        "NEWSWATCH_CONFIG": str(config_dir),  # for the runs whose config_dir is null
    })
    db_path = tmp_path / "w.duckdb"
    # The alerts deployment's own defaults name a decoy warehouse: its triggered runs
    # reach the ingest run's warehouse only with the parameters the trigger passes on.
    decoy_config = write_demo_config(tmp_path / "decoy-config", newsroom.outlets_config())
    decoy_db = tmp_path / "decoy.duckdb"
    lines = readme_block()
    deploy = next(i for i, line in enumerate(lines) if " deploy " in line) + 1
    logs = tmp_path / "logs"
    logs.mkdir()

    with ExitStack() as stack:
        refusing = stack.enter_context(socket.socket())  # bound, never listening: refused
        refusing.bind(("127.0.0.1", 0))
        run_block(lines[:deploy], env, port, logs, stack)
        # ingest's config_dir stays null, as shipped: $NEWSWATCH_CONFIG
        set_defaults(api, "ingest", {"db_path": str(db_path), "outlets": OUTLETS})
        set_defaults(api, "digest", {"db_path": str(db_path)})
        set_defaults(api, "alerts", {"config_dir": str(decoy_config), "db_path": str(decoy_db)})
        turn_off_schedules(api, "alerts")  # every alerts run is a triggered one
        run_block(lines[deploy:], env, port, logs, stack)  # the worker, a run by hand
        wait_for("alerts run triggered by the ingest run, ended", lambda: [
            r for r in flow_runs(api, "alerts") if r["state_type"] in FINAL], 300, logs, api)
        [by_hand, *_] = completed(flow_runs(api, "ingest"))
        forwarded = {key: by_hand["parameters"][key] for key in ("config_dir", "db_path")}
        assert forwarded == {"config_dir": None, "db_path": str(db_path)}, by_hand["parameters"]
        alerts_runs = flow_runs(api, "alerts")
        assert all(r["parameters"] == forwarded for r in alerts_runs), alerts_runs
        wait_for("alerts run triggered by the ingest run, completed", lambda: completed(
            flow_runs(api, "alerts")), 300, logs, api)

        # A run whose outlets all refuse connections ends Failed; a run held on a paused
        # queue, due ten minutes ago, is marked Late by the server (and stays there). Each
        # reaches the operations channel through the run-problem trigger (no Slack here:
        # logged).
        down = refusing_config(tmp_path / "down", newsroom.outlets_config(),
                               refusing.getsockname()[1])
        failing = start_run(api, "ingest", parameters={"config_dir": str(down)})
        api_post(api, "/work_pools/newswatch/queues", {"name": "held", "is_paused": True})
        due = (datetime.now(UTC) - timedelta(minutes=10)).isoformat()
        start_run(api, "ingest", name="ingest-held-back", work_queue_name="held",
                  state={"type": "SCHEDULED", "state_details": {"scheduled_time": due}})
        wait_for("operations messages for the failed and the late run", lambda: len(
            operations_messages(api)) >= 2, 300, logs, api)
        messages = operations_messages(api)
        failed = API.get(f"{api}/flow_runs/{failing['id']}", timeout=10).json()

        # A short schedule beside the 15-minute one, so that a scheduled run is due soon.
        subprocess.run([f"{BIN}/prefect", "deployment", "schedule", "create", "ingest/ingest",
                        "--interval", "60"], env=env, cwd=ROOT, check=True,
                       capture_output=True, timeout=120)
        wait_for("ingest run from the scheduler, completed", lambda: completed(
            flow_runs(api, "ingest"), auto_scheduled=True), 600, logs, api)
        scheduled = [r for r in flow_runs(api, "ingest") if r["state_type"] == "SCHEDULED"]
        every_run = api_post(api, "/flow_runs/filter", {"sort": "EXPECTED_START_TIME_ASC"})
        alerts_runs = flow_runs(api, "alerts")
        problem_configs = {r["parameters"]["config_dir"]
                           for r in completed(flow_runs(api, "run-problem"))}
        server_log = next(logs.glob("*-server.log")).read_text(errors="replace")

    print("\n".join(f"{r['state_name']:>10} {r['name']} (auto-scheduled: {r['auto_scheduled']})"
                    for r in every_run), "\n".join(messages), sep="\n")
    assert scheduled, "the scheduler keeps future ingest runs scheduled"
    assert failed["state_type"] == "FAILED"
    assert any(f"the ingest run `{failed['name']}` is Failed: outlets reachable 0/2" in m
               for m in messages), messages
    assert any("the ingest run `ingest-held-back` is Late" in m for m in messages), messages
    assert not server_errors(server_log), server_log[-3000:]
    expected = {a["url"] for a in newsroom.articles if a["outlet"] in OUTLETS}
    with read(db_path) as con:
        loaded = {r[0] for r in con.execute("SELECT url FROM articles").fetchall()}
        quarantined = {r[0] for r in con.execute("SELECT url FROM quarantine").fetchall()}
        ingest_runs = con.execute(
            "SELECT count(DISTINCT run_id) FROM outlet_health_checks").fetchone()[0]
        decisions = con.execute("SELECT count(*) FROM spike_decisions").fetchone()[0]
    assert loaded | quarantined == expected
    assert ingest_runs >= 2, "the run by hand and a scheduled one each checked the outlets"
    assert decisions, "the triggered alerts run judged the topics on the same warehouse"
    assert not decoy_db.exists()
    assert all(r["parameters"] == forwarded for r in alerts_runs), alerts_runs
    # the run-problem runs had the troubled runs' config_dir: the failed run's, and null
    assert problem_configs == {str(down), None}, problem_configs
