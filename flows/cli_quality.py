"""Data-quality commands of `newswatch`: `quarantine list|retry` and `report`.

Registered on the main app by `flows/cli.py`.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from flows.cli_common import ConfigOption, DbOption, emit, one_line_errors
from warehouse.db import DEFAULT_DB

OutletOption = Annotated[str | None, typer.Option(help="Only this outlet's rows")]


quarantine_app = typer.Typer(
    help="Rows that failed validation, kept with their reasons and raw HTML.",
    no_args_is_help=True,
)


@quarantine_app.command("list")
@one_line_errors
def list_quarantine(
    db: DbOption = DEFAULT_DB,
    outlet: OutletOption = None,
    include_released: Annotated[bool, typer.Option("--all", help="Include released rows")
                                ] = False,
    as_json: Annotated[bool, typer.Option("--json", help="JSON lines instead of a table")
                       ] = False,
) -> None:
    """List quarantined rows with the expectations they failed, oldest first.

    Example: newswatch quarantine list --outlet bbc-world --json
    """
    from dataclasses import asdict

    from tasks.quarantine import list_rows

    rows = list_rows(db, outlet=outlet, include_released=include_released)
    if as_json:
        for row in rows:
            emit(asdict(row))
        return
    from rich.console import Console
    from rich.table import Table

    table = Table("id", "quarantined", "outlet")
    table.add_column("url", overflow="fold")
    table.add_column("failed expectations", overflow="fold")
    if include_released:
        table.add_column("released")
    for row in rows:
        table.add_row(str(row.id), f"{row.quarantined_at:%Y-%m-%d %H:%M}", row.outlet or "",
                      row.url, "\n".join(row.failed_expectations),
                      *([f"{row.released_at:%Y-%m-%d %H:%M}" if row.released_at else ""]
                        if include_released else []))
    Console().print(table)
    typer.echo(f"{len(rows)} row(s)", err=True)


@quarantine_app.command("retry")
@one_line_errors
def retry_quarantine(
    config: ConfigOption = None,
    db: DbOption = DEFAULT_DB,
    outlet: OutletOption = None,
) -> None:
    """Re-extract open rows from their raw HTML with the current extractor, re-validate
    them with the current suite and settings, load those that pass and release them.
    Prints one JSON line per outlet, then the totals.

    Example: newswatch quarantine retry --outlet bbc-world
    """
    from tasks.config import load_config
    from tasks.quarantine import retry

    result = retry(db, load_config(config), outlet=outlet)
    for name, numbers in result.per_outlet.items():
        emit({"outlet": name, **numbers})
    emit({"run_id": result.run_id, "retried": result.retried, "released": result.released,
          "kept": result.kept, "skipped": result.skipped})


@one_line_errors
def report(
    db: DbOption = DEFAULT_DB,
    out: Annotated[Path, typer.Option(help="Where to write the HTML file")
                   ] = Path("data/report.html"),
    runs: Annotated[int, typer.Option(min=1, help="How many recent validation runs to show")
                    ] = 100,
) -> None:
    """Write an HTML report of validation runs, outlet health and the quarantine.

    Prints the report's path.

    Example: newswatch report --out /tmp/newswatch-report.html
    """
    from tasks.report import write_report

    typer.echo(str(write_report(db, out, runs=runs)))
