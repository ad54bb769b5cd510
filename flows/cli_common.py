"""What every `newswatch` command shares: one-line errors, JSON lines on stdout, options."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from datetime import date, datetime
from decimal import Decimal
from functools import wraps
from pathlib import Path
from typing import Annotated, Any

import typer

from tasks.errors import NewswatchError

ConfigOption = Annotated[
    Path | None, typer.Option("--config", help="Config folder (default: $NEWSWATCH_CONFIG, "
                              "else the bundled config/)")]
DbOption = Annotated[Path, typer.Option(help="DuckDB warehouse file")]


def fail(message: str, code: int = 1) -> None:
    typer.echo(f"newswatch: {message}", err=True)
    raise typer.Exit(code)


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
    sys.stdout.write(json.dumps(record, ensure_ascii=False, default=to_json) + "\n")
