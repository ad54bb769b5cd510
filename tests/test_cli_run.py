"""`newswatch run` as an operator runs it: a subprocess with a config of the local
newsroom's outlets and a --db, on the Prefect API it is given, with no Slack configured."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from flows.demo import write_demo_config
from warehouse.db import read

pytestmark = pytest.mark.slow  # both flows over the whole newsroom, in a subprocess


def test_newswatch_run_ingests_and_alerts(prefect_harness, newsroom, tmp_path):
    from prefect.settings import PREFECT_API_URL

    outlets = newsroom.outlets_config()
    config_dir = write_demo_config(tmp_path / "config", outlets)
    db_path = tmp_path / "w.duckdb"
    env = {name: value for name, value in os.environ.items()
           if not name.startswith("NEWSWATCH_SLACK_")}  # alerts are logged and stored
    env["PREFECT_API_URL"] = PREFECT_API_URL.value()
    newswatch = str(Path(sys.executable).with_name("newswatch"))
    done = subprocess.run([newswatch, "run", "--config", str(config_dir), "--db", str(db_path)],
                          env=env, capture_output=True, text=True, timeout=600)

    assert done.returncode == 0, done.stderr
    lines = [json.loads(line) for line in done.stdout.splitlines()]
    *per_outlet, summary = lines
    assert [s["outlet"] for s in per_outlet] == sorted(o["name"] for o in outlets)
    assert all(s["articles"] > 0 and "error" not in s for s in per_outlet), per_outlet
    assert summary["new_alerts"] >= 2 and summary["undelivered"] == 0  # iran, drones
    assert {d["status"] for d in summary["deliveries"]} == {"logged"}
    with read(db_path) as con:
        loaded = dict(con.execute("SELECT outlet, count(*) FROM articles GROUP BY ALL")
                      .fetchall())
        alerts = con.execute("SELECT topic, kind, status FROM alerts").fetchall()
    assert loaded == {s["outlet"]: s["articles"] for s in per_outlet}
    assert {topic for topic, kind, _ in alerts if kind == "alert"} == {"iran", "drones"}
    assert len(alerts) == summary["new_alerts"] and {s for *_, s in alerts} == {"logged"}
