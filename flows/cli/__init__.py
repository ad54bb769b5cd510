"""The `newswatch` command. Results go to stdout, logs to stderr; errors are one line and a
non-zero exit, never a traceback.

Each module of this package holds the commands of one theme in `COMMANDS` (name ->
function); they are all registered here, the same way."""

from __future__ import annotations

import os
from collections.abc import Callable

import typer

from flows.cli import analysis, pages, pipeline, quality
from flows.cli.common import one_line_errors

# Before Prefect is imported anywhere: no phoning home from a monitoring tool.
os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
os.environ.setdefault("GX_ANALYTICS_ENABLED", "false")
os.environ.setdefault("PREFECT_LOGGING_EXTRA_LOGGERS", "newswatch")  # into the run logs
# ...and, outside a flow run (extract, discover, sql), only to the console, without a warning
os.environ.setdefault("PREFECT_LOGGING_TO_API_WHEN_MISSING_FLOW", "ignore")

app = typer.Typer(
    help="Newswatch: watch news outlets, keep articles in DuckDB, alert Slack on topic spikes.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
)
quarantine = typer.Typer(help=quality.QUARANTINE_HELP, no_args_is_help=True)


def register(group: typer.Typer, commands: dict[str, Callable]) -> None:
    for name, command in commands.items():
        group.command(name)(one_line_errors(command))


register(app, pipeline.COMMANDS | pages.COMMANDS | analysis.COMMANDS | quality.COMMANDS)
register(quarantine, quality.QUARANTINE_COMMANDS)
app.add_typer(quarantine, name="quarantine")
