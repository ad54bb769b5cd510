"""Shared fixtures: a private Prefect home and test harness, the local newsroom, paths,
a warehouse on either backend."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest

_home = tempfile.mkdtemp(prefix="newswatch-prefect-")
os.environ["PREFECT_HOME"] = _home
os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
os.environ.setdefault("GX_ANALYTICS_ENABLED", "false")
os.environ.setdefault("PREFECT_LOGGING_LEVEL", "WARNING")
# Kept for the in-process flows (prefect_harness), which never import flows.cli; the
# command itself is run without them in tests/test_cli_environment.py.
os.environ.setdefault("PREFECT_LOGGING_EXTRA_LOGGERS", "newswatch")  # as the CLI and workers do
os.environ.setdefault("PREFECT_LOGGING_TO_API_WHEN_MISSING_FLOW", "ignore")  # as the CLI does

SHARED_CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"


def corpus_dir(name: str) -> Path:
    """A folder of ../shared/corpus, or a skip naming what is missing."""
    path = SHARED_CORPUS / name
    if not path.is_dir():
        pytest.skip(f"{path} is absent: the shared corpus ships with the steering repo only")
    return path


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Files with a slow test first: pytest-xdist, as bootstrap.py runs it (`--dist loadfile
    --no-loadscope-reorder`), hands out whole files in this order, so the longest start at
    once rather than last."""
    slow_files = {item.path for item in items if item.get_closest_marker("slow")}
    items.sort(key=lambda item: item.path not in slow_files)


@pytest.fixture(scope="session")
def prefect_harness():
    from prefect.testing.utilities import prefect_test_harness

    with prefect_test_harness(server_startup_timeout=120):
        yield


@pytest.fixture(scope="session")
def newsroom():
    from newsroom.server import start_newsroom

    with start_newsroom() as room:
        yield room


def lake_settings(folder: Path, catalog: str | None = None):
    """DuckLake settings with the data path in `folder`, and the catalog given or a
    SQLite one there."""
    from tasks.config import WarehouseSettings

    return WarehouseSettings(backend="ducklake",
                             catalog=catalog or f"sqlite:{folder / 'catalog.sqlite'}",
                             data_path=str(folder / "files") + "/")


@pytest.fixture(params=["file", "ducklake"])
def any_backend(request, tmp_path):
    """A warehouse path and its settings on each backend: the DuckDB file itself, and a
    DuckLake with a SQLite catalog (configured in this process for the path)."""
    from tasks.config import WarehouseSettings
    from warehouse import db

    path = tmp_path / "w.duckdb"
    settings = lake_settings(tmp_path) if request.param == "ducklake" else WarehouseSettings()
    db.configure(path, settings)
    if request.param == "ducklake":
        with db.write(path):
            pass  # the catalog exists before anything reads it, as after a run's set-up
    yield path, settings
    db.configure(path, WarehouseSettings())
