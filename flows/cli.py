"""The `newswatch` command. Results go to stdout, logs to stderr; errors are one line and a
non-zero exit, never a traceback."""

from __future__ import annotations

import os
import sys
from datetime import datetime
from pathlib import Path
from typing import Annotated, Any

import typer

from flows.cli_common import ConfigOption, DbOption, emit, fail, one_line_errors
from flows.cli_ops import backfill
from flows.cli_quality import quarantine_app, report
from warehouse.db import DEFAULT_DB, DEMO_DB

# Before Prefect is imported anywhere: no phoning home from a monitoring tool.
os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
os.environ.setdefault("GX_ANALYTICS_ENABLED", "false")

app = typer.Typer(
    help="Newswatch: watch news outlets, keep articles in DuckDB, alert Slack on topic spikes.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
)

@app.command()
@one_line_errors
def run(
    config: ConfigOption = None,
    db: DbOption = DEFAULT_DB,
    outlet: Annotated[list[str] | None, typer.Option(help="Only this outlet (repeatable)")] = None,
) -> None:
    """Run the ingest and alerts flows once, on an ephemeral Prefect.

    Example: newswatch run --outlet bbc-world --outlet aljazeera
    """
    from flows.alerts import alerts
    from flows.ingest import ingest

    summaries = ingest(config_dir=str(config) if config else None, db_path=str(db),
                       outlets=outlet)
    for summary in summaries:
        emit(summary)
    emit(alerts(config_dir=str(config) if config else None, db_path=str(db)))


@app.command()
@one_line_errors
def demo(
    db: Annotated[Path, typer.Option(help="DuckDB file the demo writes")] = DEMO_DB,
) -> None:
    """Run the whole pipeline on a local newsroom on 127.0.0.1: no network, no accounts.

    Example: newswatch demo
    """
    from flows.demo import run_demo

    run_demo(db)


@app.command()
@one_line_errors
def sql(
    query: Annotated[str, typer.Argument(help="SQL to run; '-' reads it from stdin")],
    db: DbOption = DEFAULT_DB,
    as_json: Annotated[bool, typer.Option("--json", help="JSON lines instead of a table")] = False,
    allow_files: Annotated[list[Path] | None, typer.Option(
        "--allow-files", help="A folder the query may read and write files in (repeatable); "
        "without it only the warehouse is reachable")] = None,
    config: ConfigOption = None,
) -> None:
    """Run a read-only SQL query on the warehouse (safe while flows write).

    No writes, attaches, installs or file access outside the warehouse, unless
    --allow-files names a folder.

    Example: newswatch sql "SELECT * FROM topic_volume_hourly ORDER BY hour DESC LIMIT 10"
    """
    import duckdb

    from tasks.config import load_config
    from warehouse.db import configure, snapshot

    configure(db, load_config(config).settings.warehouse)  # the file, or the DuckLake
    text = sys.stdin.read() if query == "-" else query
    if Path(text).suffix == ".sql" and Path(text).is_file():
        text = Path(text).read_text(encoding="utf-8")
    with snapshot(db, allowed_directories=allow_files or ()) as con:
        try:
            result = con.execute(text)
        except duckdb.Error as exc:
            fail(f"query failed: {str(exc).splitlines()[0]}")
        columns = [c[0] for c in result.description or []]
        rows = result.fetchall()
    if as_json:
        for row in rows:
            emit(dict(zip(columns, row, strict=True)))
        return
    from rich.console import Console
    from rich.table import Table

    table = Table(*columns, show_lines=False)
    for row in rows:
        table.add_row(*("" if v is None else str(v) for v in row))
    Console().print(table)


@app.command()
@one_line_errors
def extract(
    paths: Annotated[list[Path], typer.Argument(help="HTML files (.html, .html.gz) or folders")],
) -> None:
    """Extract articles from saved pages; one JSON object a line. No network, no warehouse.

    Example: newswatch extract saved-pages/ article.html.gz
    """
    from tasks.extract import extract_file, iter_html_files

    missing = [p for p in paths if not p.exists()]
    if missing:
        fail(f"no such file or folder: {missing[0]}")
    failures = 0
    for path in iter_html_files(paths):
        record = extract_file(path)
        failures += "error" in record
        emit(record)
    if failures:
        typer.echo(f"newswatch: {failures} page(s) could not be extracted", err=True)
        raise typer.Exit(1)


@app.command()
@one_line_errors
def discover(
    sources: Annotated[list[str], typer.Argument(
        help="Feed or sitemap files, URLs, or '-' for stdin")],
    config: ConfigOption = None,
) -> None:
    """Print the candidate articles found in feeds or sitemaps, as JSON lines.

    The sitemaps a sitemap index names (a file's too) are fetched and read.

    Example: newswatch discover https://feeds.bbci.co.uk/news/world/rss.xml saved-feed.xml
    """
    from dataclasses import asdict

    from pydantic import ValidationError

    from tasks.config import Outlet, Source, load_config
    from tasks.discover import discover_outlet, read_source
    from tasks.errors import DiscoveryError
    from tasks.fetch import Fetcher
    from tasks.models import Candidate

    fetchers: list[Fetcher] = []

    def fetch_and_read(urls: list[str]) -> tuple[list[Candidate], list[str]]:
        if not fetchers:
            fetchers.append(Fetcher(load_config(config).settings.fetch))
        try:
            outlet = Outlet(name="cli", display_name="cli", domain="cli",
                            sources=[Source(type="feed", url=url) for url in urls])
        except ValidationError as exc:
            raise DiscoveryError(f"{urls[0]}: not a usable URL: {exc.errors()[0]['msg']}") \
                from exc
        found = discover_outlet(outlet, fetchers[0], {})
        return found.candidates, found.errors

    failed = 0
    for source in sources:
        problems: list[str] = []
        try:
            if source.startswith(("http://", "https://")):
                candidates, problems = fetch_and_read([source])
            else:
                path = Path(source)
                try:
                    body = sys.stdin.buffer.read() if source == "-" else path.read_bytes()
                except OSError as exc:
                    raise DiscoveryError(f"{path}: cannot read: {exc.strerror}") from exc
                name = "stdin" if source == "-" else path.resolve().as_uri()
                candidates, children = read_source(body, name, "")
                if children:
                    candidates, problems = fetch_and_read(children)
        except DiscoveryError as exc:
            failed += 1
            typer.echo(f"newswatch: {' '.join(str(exc).split())}", err=True)
            continue
        for candidate in candidates:
            emit({k: v for k, v in asdict(candidate).items() if k != "outlet"})
        if problems:
            failed += 1
            typer.echo(f"newswatch: {' '.join('; '.join(problems).split())}", err=True)
    for fetcher in fetchers:
        fetcher.close()
    if failed:
        raise typer.Exit(1)


@app.command()
@one_line_errors
def backtest(
    series: Annotated[Path | None, typer.Option(help="CSV of timestamp,value counts")] = None,
    topic: Annotated[str | None, typer.Option(help="A topic's story counts from the warehouse")
                     ] = None,
    config: ConfigOption = None,
    db: Annotated[Path, typer.Option(help="DuckDB warehouse file (with --topic)")] = DEFAULT_DB,
) -> None:
    """Run the flows' spike detector over a whole series; one JSON line per alert.

    The configured settings apply; each line has timestamp, value, expected and score.

    Example: newswatch backtest --series counts.csv
    """
    from tasks.config import load_config
    from tasks.detect import alerts, detect, read_series_csv

    if (series is None) == (topic is None):
        fail("give exactly one of --series FILE.csv or --topic NAME", code=2)
    loaded = load_config(config)
    settings = loaded.settings
    if topic is not None and topic not in {t.name for t in loaded.topics}:
        fail(f"unknown topic {topic!r}; configured: {', '.join(t.name for t in loaded.topics)}")
    if series is not None:
        stamps, values = read_series_csv(series)
        decisions = detect(stamps, values, settings.alerts.detector)
    else:
        decisions = topic_decisions(db, topic, settings)
    for decision in alerts(decisions):
        emit({"timestamp": decision.timestamp, "value": decision.value,
              "expected": round(decision.expected, 3), "score": round(decision.score, 3)})


def topic_decisions(db: Path, topic: str, settings: Any) -> list:
    from datetime import UTC, timedelta

    from tasks.alerting import count_stories
    from tasks.detect import detect

    bucket = timedelta(minutes=settings.alerts.bucket_minutes)
    now = datetime.now(UTC)
    counts = count_stories(db, [topic], bucket, now - timedelta(days=365), now)
    first = next((i for i, v in enumerate(counts.totals) if v), 0)
    stamps = list(counts.grid[first:].to_pydatetime())
    return detect(stamps, counts.topics[topic][first:], settings.alerts.detector,
                  totals=counts.totals[first:], bucket=bucket)


app.add_typer(quarantine_app, name="quarantine")
app.command()(report)
app.command()(backfill)

if __name__ == "__main__":
    app()
