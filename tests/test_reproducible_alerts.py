"""An alert records the warehouse snapshot its count was read at, and its reproducing
query (the one the Slack message shows) returns the alerted count later, after more
articles of that topic and hour have arrived."""

from __future__ import annotations

import json
from datetime import timedelta

from typer.testing import CliRunner

from flows.cli import app
from tasks.load import write_batch
from tests.small_warehouse import BURST, article, batch, build, reproducing_query
from warehouse.db import read

runner = CliRunner()


def test_the_alerts_query_returns_its_count_after_more_articles_arrive(tmp_path):
    path = tmp_path / "newswatch.duckdb"  # the default name: its primary is "newswatch" too
    now = build(path)
    with read(path) as con:
        observed, bucket, counted_at, message = con.execute(
            "SELECT observed, bucket_start, counted_at, message FROM alerts "
            "WHERE topic = ? AND kind = 'alert'", [BURST]).fetchone()
    query = reproducing_query(message)
    assert counted_at is not None and observed >= 5

    def run(sql: str) -> int:
        result = runner.invoke(app, ["sql", "--db", str(path), "--json", sql])
        assert result.exit_code == 0, result.output
        return next(iter(json.loads(result.output).values()))

    assert run(query) == observed
    late = [(article("herald", 90_000 + i, bucket + timedelta(minutes=10 + i), BURST), BURST,
             f"late{i}") for i in range(4)]
    write_batch(path, batch("herald", "run-2", late, now + timedelta(minutes=20)))
    now_count = query.split("\n  AND a.loaded_at")[0] + ";"
    assert run(now_count) == observed + 4  # the hour has grown since the alert
    assert run(query) == observed  # the alert's own query still returns the alert's count
