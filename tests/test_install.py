"""A non-editable install works away from the checkout: the newsroom's story texts, the
default config and the Great Expectations suite are package data, found through their
packages. The project is installed (not editable) into a fresh venv whose dependencies
come from the project's own `.venv` (no download); `newswatch demo` then runs in an
empty folder. The same with a fully fresh venv: `uv venv /tmp/v && uv pip install
--python /tmp/v .` then `/tmp/v/bin/newswatch demo` from any folder."""

from __future__ import annotations

import os
import shutil
import site
import subprocess
import sys
from pathlib import Path

import pytest

from warehouse.db import read

ROOT = Path(__file__).resolve().parents[1]


def find_uv() -> str:
    """uv from $UV, the PATH, or the `.venv-tools/` that bootstrap.py makes."""
    for candidate in (os.environ.get("UV"), shutil.which("uv"), ROOT / ".venv-tools/bin/uv"):
        if candidate and Path(candidate).is_file():
            return str(candidate)
    pytest.skip("uv not found (set $UV, put it on PATH, or run bootstrap.py once)")


@pytest.mark.slow
def test_demo_runs_from_a_non_editable_install_in_another_folder(tmp_path):
    uv = find_uv()
    venv = tmp_path / "venv"
    subprocess.run([uv, "venv", "-q", str(venv), "--python", sys.executable], check=True)
    fresh_site = next((venv / "lib").glob("python*/site-packages"))
    # The locked dependencies, borrowed: a path in a .pth file is added to sys.path but its
    # own .pth files (the checkout's editable finder) are not run.
    (fresh_site / "project_deps.pth").write_text(site.getsitepackages()[0] + "\n")
    subprocess.run([uv, "pip", "install", "-q", "--no-deps", "--python",
                    str(venv / "bin/python"), str(ROOT)], check=True, cwd=tmp_path)
    installed = {p.name for p in fresh_site.iterdir()}
    assert {"flows", "tasks", "warehouse", "newsroom", "config", "expectations"} <= installed

    work = tmp_path / "elsewhere"
    work.mkdir()
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "NEWSWATCH_CONFIG")}
    env |= {"PREFECT_HOME": str(tmp_path / "prefect"), "PREFECT_SERVER_ANALYTICS_ENABLED":
            "false", "NO_COLOR": "1", "COLUMNS": "160",
            # a busy machine can take more than Prefect's default 20 s to start its server
            "PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS": "180"}
    for name in ("NEWSWATCH_SLACK_BOT_TOKEN", "NEWSWATCH_SLACK_WEBHOOK_URL"):
        env.pop(name, None)
    done = subprocess.run([str(venv / "bin/newswatch"), "demo"], cwd=work, env=env,
                          capture_output=True, text=True, timeout=1200)
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    where = subprocess.run(
        [str(venv / "bin/python"), "-c", "import newsroom, config; print(newsroom.__file__, "
         "config.__file__)"], cwd=work, env=env, capture_output=True, text=True, check=True)
    assert str(ROOT) not in where.stdout, where.stdout  # the installed copy, not the checkout
    assert "Slack message" in done.stdout
    with read(work / "data" / "demo.duckdb") as con:
        articles, alerts = con.execute(
            "SELECT (SELECT count(*) FROM articles), (SELECT count(*) FROM alerts)").fetchone()
    assert articles > 500 and alerts >= 1
