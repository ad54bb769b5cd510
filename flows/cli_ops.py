"""Operations commands of `newswatch`: `backfill`.

Registered on the main app by `flows/cli.py`.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from flows.cli_common import ConfigOption, DbOption, emit, one_line_errors
from warehouse.db import DEFAULT_DB


@one_line_errors
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
    validate, match and load steps.

    Example: newswatch backfill crawl-2024-03.warc.gz --config my-config/
    """
    from flows.backfill import backfill as backfill_flow
    from tasks.backfill import ArchiveError

    missing = [p for p in archives if not p.is_file()]
    if missing:
        raise ArchiveError(f"{missing[0]}: no such file")
    emit(backfill_flow(paths=[str(p) for p in archives],
                       config_dir=str(config) if config else None, db_path=str(db),
                       batch_size=batch_size, outlet=outlet))
