"""`python -m flows.cli`: the `newswatch` command."""

from flows.cli import app

app()
