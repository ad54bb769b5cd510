"""The analyst's `duckdb` shell, the one the quick start installs next to our Python, opens
a warehouse our DuckDB library wrote and runs every example query in warehouse/queries/."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

from tests import small_warehouse

ROOT = Path(__file__).resolve().parents[1]
CLI = Path(sys.executable).with_name("duckdb")
QUERIES = sorted((ROOT / "warehouse" / "queries").glob("*.sql"))


@pytest.fixture(scope="module")
def warehouse(tmp_path_factory):
    path = tmp_path_factory.mktemp("cli") / "demo.duckdb"
    small_warehouse.build(path)
    return path


def run_cli(path: Path, sql: str, home: Path) -> subprocess.CompletedProcess:
    # HOME elsewhere: an analyst's ~/.duckdbrc must not change what the test sees
    return subprocess.run([str(CLI), "-readonly", "-bail", "-json", str(path)], input=sql,
                          capture_output=True, text=True, timeout=120,
                          env={"HOME": str(home), "PATH": "/usr/bin:/bin"})


def test_the_cli_is_the_librarys_version():
    assert CLI.exists(), f"{CLI} is missing: the lock file pins duckdb-cli with duckdb"
    out = subprocess.run([str(CLI), "--version"], capture_output=True, text=True, check=True)
    assert out.stdout.split()[0] == f"v{duckdb.__version__}"


@pytest.mark.parametrize("query", QUERIES, ids=[q.stem for q in QUERIES])
def test_every_example_query_runs_in_the_cli(warehouse, query, tmp_path):
    result = run_cli(warehouse, query.read_text(encoding="utf-8"), tmp_path)
    assert result.returncode == 0 and not result.stderr, result.stderr
    rows = json.loads(result.stdout)
    assert rows, f"{query.name} returned no rows on a warehouse with data for it"
