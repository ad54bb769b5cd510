"""Commands that run the pipeline: `run`, `demo`, `backfill`."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from flows.cli.common import (
    ConfigOption,
    DbOption,
    check_writable,
    checked_config,
    emit,
    log_console,
    note,
    print_table,
    progress,
)
from warehouse.db import DEFAULT_DB, DEMO_DB


def run(
    config: ConfigOption = None,
    db: DbOption = DEFAULT_DB,
    outlet: Annotated[list[str] | None, typer.Option(help="Only this outlet (repeatable)")] = None,
) -> None:
    """Run the ingest and alerts flows once, on an ephemeral Prefect.

    Exits 1 when no outlet could be reached (health.min_reachable_share), after the
    ingest run's summary line, or when the alerts run gave up on Slack messages (they
    stay in the outbox: the slack_outbox view). A config that does not load, or an
    unknown outlet, is the one line before any Prefect server starts.

    Example: newswatch run --outlet bbc-world --outlet aljazeera
    """
    from flows.alerts import alerts
    from flows.ephemeral import outcome, prefect_api
    from flows.ingest import ingest

    config_dir = checked_config(config, outlet or ())
    check_writable(db, "a DuckDB file")
    with prefect_api():
        summaries = outcome(ingest(config_dir=config_dir, db_path=str(db), outlets=outlet,
                                   return_state=True))
        for summary in summaries:
            emit(summary)
        emit(outcome(alerts(config_dir=config_dir, db_path=str(db), return_state=True)))


def demo(
    db: Annotated[Path, typer.Option(
        help="DuckDB file the demo writes; one an earlier demo wrote is replaced")] = DEMO_DB,
) -> None:
    """Run the whole pipeline on a local newsroom on 127.0.0.1: no network, no accounts.

    The demo starts from an empty warehouse: it deletes its database file (--db) when it
    starts, so a demo stopped half way starts over from nothing the next time (it cannot
    show a recovery). Its config goes to a folder beside the database, named after it
    (data/demo-config for data/demo.duckdb), where the commands given that database
    (`sql`, `report`, `quarantine`, `backtest --topic`) find it.

    Example: newswatch demo
    """
    from flows.demo import check_replaceable, run_demo
    from flows.ephemeral import prefect_api

    check_writable(db, "a DuckDB file")
    check_replaceable(db)
    console = Console(width=max(140, Console().width))
    with prefect_api():
        run_demo(db, console)
    demo_report(db, console)


def demo_report(db: Path, console: Console) -> None:
    """What the demo found: articles per outlet, quarantine, topic volumes and alerts, and
    the Slack message of each alert."""
    from warehouse.db import read

    def show(title: str, query: str) -> None:
        with read(db) as con:
            result = con.execute(query)
            columns = [c[0] for c in result.description]
            rows = result.fetchall()
        print_table(columns, rows, console=console, title=title)

    show("Articles per outlet", """
        SELECT o.name AS outlet, count(a.url_hash) AS articles,
               count(DISTINCT a.language) AS languages, max(a.published_at) AS newest
        FROM outlets o LEFT JOIN articles a ON a.outlet = o.name GROUP BY ALL ORDER BY 1""")
    show("Quarantined rows", """
        SELECT outlet, url, array_to_string(failed_expectations, '; ') AS failed
        FROM quarantine ORDER BY outlet, url""")
    show("Topic volumes (stories; last 24 h vs. the daily average before)", """
        SELECT topic,
               sum(stories) FILTER (WHERE hour >= now() - INTERVAL 24 HOUR) AS last_24h,
               round(sum(stories) FILTER (WHERE hour < now() - INTERVAL 24 HOUR)
                     / 20.0, 1) AS daily_before,
               sum(articles) AS articles
        FROM topic_volume_hourly GROUP BY topic ORDER BY topic""")
    show("Alerts", """
        SELECT topic, kind, bucket_start, observed, round(expected, 2) AS expected,
               round(score, 1) AS score, articles, stories, outlets, status
        FROM alerts ORDER BY created_at""")
    with read(db) as con:
        messages = con.execute(
            "SELECT message FROM alerts WHERE kind = 'alert' ORDER BY created_at").fetchall()
    for (message,) in messages:
        payload = json.loads(message)
        console.print("[bold]Slack message[/] (sent when Slack is configured, else logged):")
        console.print(json.dumps({"text": payload["text"], "blocks": payload["blocks"]},
                                 indent=2, ensure_ascii=False), markup=False, highlight=False)
    console.print(f"\nWarehouse: {db}  (try: newswatch sql --db {db} "
                  "\"SELECT * FROM outlet_health\")")


def backfill(
    archives: Annotated[list[Path], typer.Argument(help="WARC files (.warc or .warc.gz)")],
    config: ConfigOption = None,
    db: DbOption = DEFAULT_DB,
    batch_size: Annotated[int, typer.Option(min=1, help="Archive records per batch")] = 500,
    outlet: Annotated[str | None, typer.Option(
        help="File every page under this outlet (default: the outlet owning its URL)")] = None,
) -> None:
    """Load archived pages (WARC) as the ingest flow would; prints the totals as JSON.

    The response records of HTML pages go through the ingest flow's own extract,
    validate, match and load steps. Problems with an archive that did not stop the
    reading are a line each on stderr after the totals. Exits 1 when a file ends inside
    a record (a partial download) or cannot be read to its end; what was read of it is
    loaded.

    Example: newswatch backfill crawl-2024-03.warc.gz --config my-config/
    """
    from flows.backfill import backfill as backfill_flow
    from flows.ephemeral import outcome, prefect_api
    from tasks.backfill import ArchiveError

    missing = [p for p in archives if not p.is_file()]
    if missing:
        raise ArchiveError(f"{missing[0]}: no such file")
    config_dir = checked_config(config, [outlet] if outlet else ())
    check_writable(db, "a DuckDB file")
    with prefect_api(), progress("archived pages", console=log_console()) as update:
        totals = outcome(backfill_flow(paths=[str(p) for p in archives], config_dir=config_dir,
                                       db_path=str(db), batch_size=batch_size, outlet=outlet,
                                       progress=update, return_state=True))
    warnings = totals.pop("warnings")
    emit(totals)
    for warning in warnings:
        note(warning)
    if totals["incomplete"]:
        raise typer.Exit(1)


COMMANDS = {"run": run, "demo": demo, "backfill": backfill}
