"""Data-quality commands: `quarantine list|retry` and `report`."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from flows.cli.common import (
    ConfigOption,
    JsonOption,
    WarehouseOption,
    check_writable,
    configured_warehouse,
    emit,
    fail,
    note,
    print_table,
    progress,
)

OutletOption = Annotated[str | None, typer.Option(help="Only this outlet's rows")]
REPORT_NAME = "report.html"  # in data/, or in the folder --out names
QUARANTINE_HELP = "Rows that failed validation, kept with their reasons and raw HTML."


def list_quarantine(
    db: WarehouseOption = None,
    outlet: OutletOption = None,
    include_released: Annotated[bool, typer.Option("--all", help="Include released rows")
                                ] = False,
    as_json: JsonOption = False,
    config: ConfigOption = None,
) -> None:
    """List quarantined rows with the expectations they failed, oldest first.

    Example: newswatch quarantine list --outlet bbc-world --json
    """
    from dataclasses import asdict

    from tasks.quarantine import list_rows

    path, loaded = configured_warehouse(db, config)
    rows = list_rows(path, outlet=outlet, include_released=include_released)
    if outlet is not None and not rows:
        loaded.outlet(outlet)  # a name neither configured nor in the quarantine: a typo
    if as_json:
        for row in rows:
            emit(asdict(row))
        return
    columns = ["id", "quarantined", "outlet", "url", "failed expectations"]
    print_table(columns + ["released"] * include_released, [
        [row.id, f"{row.quarantined_at:%Y-%m-%d %H:%M}", row.outlet, row.url,
         "\n".join(row.failed_expectations),
         *([f"{row.released_at:%Y-%m-%d %H:%M}" if row.released_at else None]
           * include_released)]
        for row in rows], fold=("url", "failed expectations"))
    typer.echo(f"{len(rows)} row(s)", err=True)


def retry_quarantine(
    config: ConfigOption = None,
    db: WarehouseOption = None,
    outlet: OutletOption = None,
) -> None:
    """Re-extract open rows from their raw HTML with the current extractor, re-validate
    them with the current suite and settings, load those that pass and release them.
    Prints one JSON line per outlet, then the totals. Rows of an outlet the config does
    not name are skipped, with the reason.

    Example: newswatch quarantine retry --outlet bbc-world
    """
    from tasks.quarantine import retry

    path, loaded = configured_warehouse(db, config)
    with progress("quarantined rows") as update:
        result = retry(path, loaded, outlet=outlet, progress=update)
    for name, numbers in result.per_outlet.items():
        emit({"outlet": name or None, **numbers})
    emit({"run_id": result.run_id, "retried": result.retried, "released": result.released,
          "kept": result.kept, "skipped": result.skipped})
    if result.skipped:
        note(f"{result.skipped} row(s) skipped (each outlet's line says why) with the config "
             f"{config or 'bundled in config/'}; --config picks the one they were ingested "
             "with")


def report(
    db: WarehouseOption = None,
    out: Annotated[Path, typer.Option(
        help=f"Where to write the HTML file; an existing folder gets {REPORT_NAME} in it")
                   ] = Path("data") / REPORT_NAME,
    runs: Annotated[int, typer.Option(min=1, help="How many recent validation runs to show")
                    ] = 100,
    config: ConfigOption = None,
) -> None:
    """Write an HTML report of validation runs, outlet health and the quarantine.

    Prints the report's path.

    Example: newswatch report --out /tmp/newswatch-report.html
    """
    from tasks.report import write_report

    target = out / REPORT_NAME if out.is_dir() else out
    check_writable(target, "an HTML file")
    path = configured_warehouse(db, config)[0]
    try:
        typer.echo(str(write_report(path, target, runs=runs)))
    except OSError as exc:
        fail(f"{target}: cannot write the report: {exc.strerror}")


COMMANDS = {"report": report}
QUARANTINE_COMMANDS = {"list": list_quarantine, "retry": retry_quarantine}
