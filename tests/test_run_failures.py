"""A run that reaches nothing fails loudly, and the Prefect UI says what happened.

Ingest runs under Prefect's test harness against outlets that cannot be reached (the local
newsroom after it stopped, a port that refuses connections, a feed gone 404 behind a good
robots.txt): every failed fetch counts, and robots.txt answering does not make an outlet
reachable; each outlet is unhealthy and says why; the run ends Failed
with its summary line (`newswatch run` exits 1 with it); the empty batches are not passed
validations. What the run left in Prefect is read back through the API: the outlet task
runs' names and tags, the run's artifact, and the project's own log lines.
"""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from flows.cli import app
from flows.demo import DEMO_SETTINGS, write_demo_config
from flows.ingest import ingest
from newsroom.server import start_newsroom
from tasks.config import load_config
from tasks.errors import ConfigError
from tests.hostile_server import FileServer
from warehouse.db import read

SUMMARY = re.compile(r"outlets reachable (\d+)/(\d+), articles (\d+), quarantined (\d+), "
                     r"failed fetches (\d+)")


@pytest.fixture
def refusing_port() -> Iterator[int]:
    """A port bound but never listened on: connecting to it is refused."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        yield sock.getsockname()[1]


def down_outlets() -> list[dict]:
    with start_newsroom() as room:
        outlets = room.outlets_config()[:2]
    return outlets  # the newsroom has stopped: its port refuses connections


def refusing_outlet(port: int) -> dict:
    return {"name": "refusing", "display_name": "Refusing", "domain": "127.0.0.1",
            "language": "en", "sources": [{"type": "feed", "url": f"http://127.0.0.1:{port}/rss"}]}


def rows(db_path, sql: str) -> list[tuple]:
    with read(db_path) as con:
        return con.execute(sql).fetchall()


def api_read(reader, until, seconds: float = 30):
    """Logs reach the API in batches, each logger's on its own: ask until the answer
    holds what is looked for (`until`), or the time is up."""
    deadline = time.monotonic() + seconds
    while not until(found := reader()) and time.monotonic() < deadline:
        time.sleep(0.5)
    return found


def test_newsroom_down_fails_the_run_and_says_why(prefect_harness, tmp_path):
    from prefect.client.orchestration import get_client
    from prefect.client.schemas.filters import (
        FlowRunFilter,
        FlowRunFilterId,
        LogFilter,
        LogFilterFlowRunId,
    )

    outlets = down_outlets()
    config_dir = write_demo_config(tmp_path / "config", outlets)
    db_path = tmp_path / "w.duckdb"
    state = ingest(config_dir=str(config_dir), db_path=str(db_path), return_state=True)

    assert state.is_failed(), state
    summary = SUMMARY.fullmatch(state.message)
    assert summary, state.message
    reachable, total, articles, quarantined, failed = map(int, summary.groups())
    assert (reachable, total, articles, quarantined) == (0, 2, 0, 0)
    logged_failures = rows(db_path, "SELECT count(*) FROM fetch_log WHERE error_class IS NOT NULL"
                                    " AND kind <> 'robots'")
    assert failed == logged_failures[0][0] >= 2  # each outlet's feed
    checks = rows(db_path, "SELECT outlet, healthy, problems FROM outlet_health_checks")
    assert {c[0] for c in checks} == {o["name"] for o in outlets}
    for _outlet, healthy, problems in checks:
        assert not healthy
        assert any(p.startswith("all ") and "fetches failed, the last with:" in p
                   and "127.0.0.1" in p for p in problems), problems
    validations = rows(db_path, "SELECT rows, success FROM validation_runs")
    assert validations and all(v == (0, None) for v in validations)

    flow_run = FlowRunFilter(id=FlowRunFilterId(any_=[state.state_details.flow_run_id]))
    with get_client(sync_client=True) as client:
        [artifact] = client.read_artifacts(flow_run_filter=flow_run)
        task_runs = client.read_task_runs(flow_run_filter=flow_run)
        logs = api_read(lambda: [
            log for log in client.read_logs(LogFilter(flow_run_id=LogFilterFlowRunId(
                any_=[state.state_details.flow_run_id])))
            if log.name.startswith("newswatch.")],
            until=lambda logs: any("looks broken" in log.message for log in logs))
    assert artifact.key == "ingest-run" and artifact.type == "markdown"
    assert state.message in artifact.data
    for outlet in outlets:
        assert re.search(rf"\| {outlet['name']} \| 0 \| 0 \| \d+ of \d+ \| unhealthy: all ",
                         artifact.data), artifact.data
    # every task run is named by what it does: per outlet, the loads by their outlets
    outlet_runs = {r.name: set(r.tags) for r in task_runs if r.name.startswith("outlet-")}
    assert outlet_runs == {f"outlet-{o['name']}": {f"outlet:{o['name']}",
                                                   f"language:{o['language']}"}
                           for o in outlets}
    loads = [r.name for r in task_runs if r.name.startswith("load-")]
    assert sorted(o for n in loads for o in n.removeprefix("load-").split("+")) == sorted(
        o["name"] for o in outlets)
    assert {r.name for r in task_runs} - set(outlet_runs) - set(loads) == {
        f"health-check-{len(outlets)}-outlets"}
    # The operations alert of each broken outlet, with no Slack configured, is logged by
    # newswatch.outbox: in the run's logs in Prefect, not only on the worker's stdout.
    assert any("looks broken" in log.message for log in logs), [log.name for log in logs]


def test_a_refusing_host_is_unhealthy_and_the_share_is_configurable(
        prefect_harness, newsroom, refusing_port, tmp_path):
    outlets = [newsroom.outlets_config()[0], refusing_outlet(refusing_port)]
    config_dir = write_demo_config(tmp_path / "config", outlets)
    db_path = tmp_path / "w.duckdb"
    state = ingest(config_dir=str(config_dir), db_path=str(db_path), return_state=True)
    assert state.is_completed(), state  # one outlet answered: the default share is 0
    [(healthy, problems, fetches, failed)] = rows(
        db_path, "SELECT healthy, problems, fetches, failed_fetches FROM outlet_health_checks "
        "WHERE outlet = 'refusing'")
    assert not healthy and fetches == failed >= 1
    assert problems[0].startswith(f"all {fetches} fetches failed, the last with: ")

    settings = {**DEMO_SETTINGS, "health": {"min_reachable_share": 0.75}}
    (config_dir / "settings.yaml").write_text(yaml.safe_dump(settings), "utf-8")
    state = ingest(config_dir=str(config_dir), db_path=str(db_path), return_state=True)
    assert state.is_failed()
    assert SUMMARY.fullmatch(state.message).group(1, 2) == ("1", "2")


def test_a_feed_gone_404_behind_a_good_robots_txt_fails_the_run(prefect_harness, tmp_path):
    files = {"/robots.txt": (b"User-agent: *\nAllow: /\n", {"Content-Type": "text/plain"})}
    with FileServer(files) as server:
        outlet = {**refusing_outlet(server.server_address[1]), "name": "moved"}
        config_dir = write_demo_config(tmp_path / "config", [outlet])
        db_path = tmp_path / "w.duckdb"
        for _ in range(3):
            state = ingest(config_dir=str(config_dir), db_path=str(db_path), return_state=True)
            assert state.is_failed(), state
            assert SUMMARY.fullmatch(state.message).group(1, 2) == ("0", "1")
        assert server.hits["/robots.txt"] == 3 and server.hits["/rss"] == 3
    [(problems,)] = rows(db_path, "SELECT problems FROM outlet_health_checks "
                                  "ORDER BY checked_at DESC LIMIT 1")
    assert problems[0].startswith("all 1 fetches failed, the last with: ") and "404" in problems[0]
    assert problems[1] == "3 fetches failed in a row"  # robots.txt does not break the streak


def test_newswatch_run_exits_1_with_the_summary_line(prefect_harness, tmp_path):
    config_dir = write_demo_config(tmp_path / "config", down_outlets())
    result = CliRunner().invoke(app, ["run", "--config", str(config_dir),
                                      "--db", str(tmp_path / "w.duckdb")])
    assert result.exit_code == 1, result.output
    assert result.stdout == ""
    assert SUMMARY.fullmatch(result.stderr.strip().removeprefix("newswatch: ")), result.stderr


@pytest.mark.slow
def test_a_locked_warehouse_is_one_line_without_prefect_tracebacks(prefect_harness, tmp_path):
    import duckdb
    from prefect.settings import PREFECT_API_URL

    from warehouse.db import primary

    config_dir = write_demo_config(tmp_path / "config", down_outlets())
    db_path = tmp_path / "w.duckdb"
    newswatch = str(Path(sys.executable).with_name("newswatch"))
    env = {**os.environ, "PREFECT_API_URL": PREFECT_API_URL.value()}
    # another writer's lock on the flows' own file (analysts' reads never take it)
    with duckdb.connect(str(primary(db_path))):
        done = subprocess.run([newswatch, "run", "--config", str(config_dir), "--db",
                               str(db_path)], env=env, capture_output=True, text=True,
                              timeout=300)
    assert done.returncode == 1
    assert "Traceback" not in done.stderr, done.stderr
    last = done.stderr.strip().splitlines()[-1]
    assert last.startswith(f"newswatch: {primary(db_path)} is locked by "), done.stderr


def test_the_share_is_validated(tmp_path):
    (tmp_path / "settings.yaml").write_text("health:\n  min_reachable_share: 1.5\n", "utf-8")
    with pytest.raises(ConfigError, match=r"settings.yaml.*health.min_reachable_share.*1.5"):
        load_config(tmp_path)
