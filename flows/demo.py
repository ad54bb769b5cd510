"""`newswatch demo`: the real ingest and alerts flows against a local newsroom on
127.0.0.1, into data/demo.duckdb, then a short report of what they found."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import yaml
from rich.console import Console
from rich.table import Table

from flows.alerts import alerts
from flows.ingest import ingest
from tasks.newsroom import start_newsroom
from warehouse.db import read, remove

# Loopback outlets need the SSRF guard relaxed; the newsroom needs no politeness delay.
DEMO_SETTINGS = {
    "fetch": {"allow_private_hosts": True, "min_host_delay": 0.0, "max_per_host": 8,
              "max_articles_per_outlet": 2000, "retries": 1, "backoff_seconds": 0.1},
}


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
    remove(db_path)  # the demo always starts from an empty warehouse
    now = datetime.now(UTC)
    with start_newsroom(now=now) as newsroom:
        outlets = newsroom.outlets_config()
        config_dir = write_demo_config(db_path.parent / "demo-config", outlets)
        console.print(f"[bold]Local newsroom[/] on {newsroom.url}: "
                      f"{len(outlets)} outlets, {len(newsroom.articles)} articles")
        ingest(config_dir=str(config_dir), db_path=str(db_path))
        summary = alerts(config_dir=str(config_dir), db_path=str(db_path), now=now)
    report(db_path, console)
    return summary


def table(console: Console, title: str, db_path: Path, query: str) -> None:
    with read(db_path) as con:
        result = con.execute(query)
        columns = [c[0] for c in result.description]
        rows = result.fetchall()
    out = Table(*columns, title=title, title_justify="left")
    for row in rows:
        out.add_row(*("" if v is None else str(v) for v in row))
    console.print(out)


def report(db_path: Path, console: Console) -> None:
    table(console, "Articles per outlet", db_path, """
        SELECT o.name AS outlet, count(a.url_hash) AS articles,
               count(DISTINCT a.language) AS languages, max(a.published_at) AS newest
        FROM outlets o LEFT JOIN articles a ON a.outlet = o.name GROUP BY ALL ORDER BY 1""")
    table(console, "Quarantined rows", db_path, """
        SELECT outlet, url, array_to_string(failed_expectations, '; ') AS failed
        FROM quarantine ORDER BY outlet, url""")
    table(console, "Topic volumes (stories; last 24 h vs. the daily average before)", db_path, """
        SELECT topic,
               sum(stories) FILTER (WHERE hour >= now() - INTERVAL 24 HOUR) AS last_24h,
               round(sum(stories) FILTER (WHERE hour < now() - INTERVAL 24 HOUR)
                     / 20.0, 1) AS daily_before,
               sum(articles) AS articles
        FROM topic_volume_hourly GROUP BY topic ORDER BY topic""")
    table(console, "Alerts", db_path, """
        SELECT topic, kind, bucket_start, observed, round(expected, 2) AS expected,
               round(score, 1) AS score, articles, stories, outlets, status
        FROM alerts ORDER BY created_at""")
    with read(db_path) as con:
        messages = con.execute(
            "SELECT message FROM alerts WHERE kind = 'alert' ORDER BY created_at").fetchall()
    for (message,) in messages:
        payload = json.loads(message)
        console.print("[bold]Slack message[/] (sent when Slack is configured, else logged):")
        console.print(json.dumps({"text": payload["text"], "blocks": payload["blocks"]},
                                 indent=2, ensure_ascii=False), markup=False, highlight=False)
    console.print(f"\nWarehouse: {db_path}  (try: newswatch sql --db {db_path} "
                  "\"SELECT * FROM outlet_health\")")
