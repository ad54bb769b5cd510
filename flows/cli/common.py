"""What every `newswatch` command shares: options, one-line errors, JSON lines and tables
on stdout, notes and progress on stderr."""

from __future__ import annotations

import json
import logging
import os
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from datetime import date, datetime
from decimal import Decimal
from functools import wraps
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, NoReturn

import typer
from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    SpinnerColumn,
    TextColumn,
    TimeElapsedColumn,
)
from rich.table import Table
from rich.text import Text

from tasks.errors import NewswatchError
from warehouse.db import DEFAULT_DB, DEMO_DB

if TYPE_CHECKING:
    from tasks.config import Config

ConfigOption = Annotated[
    Path | None, typer.Option("--config", help="Config folder (default: $NEWSWATCH_CONFIG, "
                              "else the bundled config/)")]
DbOption = Annotated[Path, typer.Option(help="DuckDB warehouse file")]
WarehouseOption = Annotated[Path | None, typer.Option(
    "--db", help=f"DuckDB warehouse file (default: {DEFAULT_DB}, or {DEMO_DB} when only the "
    "demo has run)", show_default=False)]
JsonOption = Annotated[bool, typer.Option("--json", help="JSON lines instead of a table")]

Update = Callable[[int, int | None], None]  # (done, total or None when unknown)


def fail(message: str, code: int = 1) -> NoReturn:
    typer.echo(f"newswatch: {message}", err=True)
    raise typer.Exit(code)


def note(message: str) -> None:
    """A line for the person at the terminal, on stderr, so stdout stays the results."""
    typer.echo(f"newswatch: {message}", err=True)


def warehouse(db: Path | None) -> Path:
    """The `--db` given; else the default warehouse, or the demo's when only the demo has
    run, said on stderr."""
    if db is not None:
        return db
    if not DEFAULT_DB.exists() and DEMO_DB.exists():
        note(f"no {DEFAULT_DB} yet; reading the demo's {DEMO_DB} (--db picks another)")
        return DEMO_DB
    return DEFAULT_DB


def check_writable(path: Path, what: str) -> None:
    """One line and an exit when no file can be written at `path`: it is a folder, or a
    file stands where one of its folders should be."""
    if path.is_dir():
        fail(f"{path}: is a folder, not {what}")
    blocking = next((parent for parent in path.parents if parent.exists()), None)
    if blocking is not None and not blocking.is_dir():
        fail(f"{path}: {blocking} is a file, not a folder")


def config_for(config: Path | None, db: Path) -> Path | None:
    """The `--config` given; with none given (and no $NEWSWATCH_CONFIG), the config a
    demo wrote beside the database, whatever its name, said on stderr."""
    if config is not None or os.environ.get("NEWSWATCH_CONFIG"):
        return config
    from flows.demo import demo_config_dir

    folder = demo_config_dir(db)
    if not folder.is_dir():
        return None
    note(f"using the demo's config {folder} (--config picks another)")
    return folder


def configured_warehouse(db: Path | None, config: Path | None) -> tuple[Path, Config]:
    """The warehouse (`warehouse`) on the backend its config names (the DuckDB file, or
    the DuckLake of `warehouse:` in the settings), and that config. A config that names a
    DuckLake is read from that lake, never from a demo's file."""
    from tasks.config import load_config
    from warehouse.db import configure

    named = config is not None or bool(os.environ.get("NEWSWATCH_CONFIG"))
    loaded = load_config(config) if named else None
    on_lake = loaded is not None and loaded.settings.warehouse.backend == "ducklake"
    path = db if db is not None else DEFAULT_DB if on_lake else warehouse(None)
    loaded = loaded or load_config(config_for(config, path))
    configure(path, loaded.settings.warehouse)
    return path, loaded


def checked_config(config: Path | None, outlets: Iterable[str] = ()) -> str | None:
    """The config folder a flow is to load, as its parameter, once it has loaded here with
    the named outlets in it: so that a bad one is the command's one line before any
    Prefect server starts."""
    from tasks.config import load_config

    config_dir = str(config) if config else None
    loaded = load_config(config_dir)
    for name in outlets:
        loaded.outlet(name)
    return config_dir


def one_line_errors(command: Callable) -> Callable:
    @wraps(command)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return command(*args, **kwargs)
        except NewswatchError as exc:
            fail(str(exc))
    return wrapper


def to_json(value: Any) -> Any:
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return float(value)
    return str(value)


def emit(record: dict) -> None:
    """One JSON line on stdout."""
    sys.stdout.write(json.dumps(record, ensure_ascii=False, default=to_json) + "\n")


def print_table(columns: Sequence[str], rows: Iterable[Sequence[Any]], *,
                console: Console | None = None, title: str | None = None,
                fold: Sequence[str] = ()) -> None:
    """A table for people on stdout; None prints empty, long `fold` columns wrap. Cells
    are plain text: a headline's "[red]" or "[link=...]" is printed as written, never read
    as rich markup."""
    table = Table(title=title, title_justify="left")
    for column in columns:
        table.add_column(Text(column), overflow="fold" if column in fold else "ellipsis")
    for row in rows:
        table.add_row(*(Text("" if value is None else str(value)) for value in row))
    (console or Console()).print(table)


def log_console() -> Console | None:
    """The rich console Prefect's log handler prints to (stderr), once Prefect is imported:
    a bar drawn on it keeps the log lines above it instead of through it."""
    for handler in logging.getLogger().handlers:
        console = getattr(handler, "console", None)
        if isinstance(console, Console):
            return console
    return None


@contextmanager
def progress(description: str, *, stdout_streams: bool = False,
             console: Console | None = None) -> Iterator[Update]:
    """A progress bar on stderr while long work runs, shown only when stderr is a terminal
    (logs and pipes get nothing). A command that streams its results to a terminal
    (`stdout_streams`) shows none either: the bar would garble the lines. Work that logs
    draws the bar on its log handler's `console`."""
    console = console or Console(stderr=True)
    shown = console.is_terminal and not (stdout_streams and sys.stdout.isatty())
    bar = Progress(SpinnerColumn(), TextColumn("{task.description}"), BarColumn(),
                   MofNCompleteColumn(), TimeElapsedColumn(), console=console,
                   disable=not shown, transient=True, redirect_stdout=False,
                   redirect_stderr=False)
    with bar:
        task = bar.add_task(description, total=None)

        def update(done: int, total: int | None) -> None:
            bar.update(task, completed=done, total=total)

        yield update
