"""`newswatch demo`: the real ingest and alerts flows against a local newsroom on
127.0.0.1, into data/demo.duckdb (the command then prints what they found)."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import yaml
from rich.console import Console

from flows.alerts import alerts
from flows.ephemeral import outcome
from flows.ingest import ingest
from newsroom.server import start_newsroom
from tasks.errors import WarehouseError
from warehouse.db import remove

# Loopback outlets need the SSRF guard relaxed; the newsroom needs no politeness delay.
DEMO_SETTINGS = {
    "fetch": {"allow_private_hosts": True, "min_host_delay": 0.0, "max_per_host": 8,
              "max_articles_per_outlet": 2000, "retries": 1, "backoff_seconds": 0.1},
}


def demo_config_dir(db_path: Path) -> Path:
    """Where the demo writes its config: beside its database and named after it
    (data/demo-config for data/demo.duckdb), for later commands on it to find."""
    return db_path.parent / f"{db_path.stem}-config"


def check_replaceable(db_path: Path) -> None:
    """The demo deletes its database first: refuse a file that no demo wrote (one without
    the demo's config beside it), such as a real warehouse given as --db by mistake."""
    settings = demo_config_dir(db_path) / "settings.yaml"
    if db_path.exists() and not (
            settings.is_file() and yaml.safe_load(settings.read_text("utf-8")) == DEMO_SETTINGS):
        raise WarehouseError(
            f"{db_path}: no demo wrote this file (no {settings} beside it), and the demo "
            "deletes its --db first; give the demo another path, or delete the file yourself")


def write_demo_config(folder: Path, outlets: list[dict]) -> Path:
    """A config folder whose outlets are the newsroom's; topics stay the bundled ones."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "outlets.yaml").write_text(
        yaml.safe_dump({"outlets": outlets}, allow_unicode=True, sort_keys=False), "utf-8")
    (folder / "settings.yaml").write_text(yaml.safe_dump(DEMO_SETTINGS), "utf-8")
    return folder


def run_demo(db_path: Path, console: Console | None = None) -> dict:
    console = console or Console(width=max(140, Console().width))
    db_path.parent.mkdir(parents=True, exist_ok=True)
    check_replaceable(db_path)
    remove(db_path)  # the demo always starts from an empty warehouse
    now = datetime.now(UTC)
    with start_newsroom(now=now) as newsroom:
        outlets = newsroom.outlets_config()
        config_dir = write_demo_config(demo_config_dir(db_path), outlets)
        console.print(f"[bold]Local newsroom[/] on {newsroom.url}: "
                      f"{len(outlets)} outlets, {len(newsroom.articles)} articles")
        outcome(ingest(config_dir=str(config_dir), db_path=str(db_path), return_state=True))
        summary = outcome(alerts(config_dir=str(config_dir), db_path=str(db_path), now=now,
                                 return_state=True))
    return summary
